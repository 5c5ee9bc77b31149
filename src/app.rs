//! The root component: loads the boundaries and owns the view state.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data::geo::{parse_boundaries, Boundaries};
use crate::error::Error;
use crate::map::layout::MapLayout;
use crate::net::fetch_text;
use crate::ui::{footer::Footer, load_error::LoadError, loading::Loading, map_view::MapView};

/// Where the prefecture boundaries are served, relative to the page.
pub const PREFECTURES_URL: &str = "geo/shanxi-prefectures.geojson";

/// Boundaries and their drawing, computed once per load.
#[derive(Debug, Clone)]
pub struct LoadedMap {
    pub boundaries: Boundaries,
    pub layout: MapLayout,
}

/// What the page shows while and after loading.
#[derive(Debug, Clone)]
enum Load {
    Loading,
    Failed(Error),
    Ready(Arc<LoadedMap>),
}

async fn load_map() -> Result<LoadedMap, Error> {
    let text = fetch_text(PREFECTURES_URL).await?;
    let boundaries = parse_boundaries(PREFECTURES_URL, &text)?;
    let layout = MapLayout::new(&boundaries.regions).ok_or_else(|| Error::Invalid {
        what: PREFECTURES_URL.to_string(),
        reason: "nothing to draw".to_string(),
    })?;
    Ok(LoadedMap { boundaries, layout })
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    let selected = RwSignal::new(None::<String>);
    let load = move || {
        state.set(Load::Loading);
        spawn_local(async move {
            state.set(match load_map().await {
                Ok(map) => Load::Ready(Arc::new(map)),
                Err(e) => Load::Failed(e),
            });
        });
    };
    load();
    let retry = Callback::new(move |()| load());

    view! {
        <header class="masthead">
            <h1>"山西生态环境地图" <span class="en">"Shanxi Eco Map"</span></h1>
        </header>
        <main class="layout">
            {move || match state.get() {
                Load::Loading => view! { <Loading /> }.into_any(),
                Load::Failed(error) => view! { <LoadError error on_retry=retry /> }.into_any(),
                Load::Ready(map) => {
                    let meta = map.boundaries.meta.clone();
                    view! {
                        <MapView map selected />
                        <Footer meta />
                    }
                        .into_any()
                }
            }}
        </main>
    }
}
