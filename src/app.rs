//! The root component: loads the boundaries and the indicator data, owns the
//! view state and mirrors it in the URL.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data::geo::{parse_boundaries, Boundaries};
use crate::data::indicators::IndicatorSet;
use crate::error::Error;
use crate::map::choropleth::{choropleth, Choropleth};
use crate::map::layout::MapLayout;
use crate::net::fetch_text;
use crate::state::{parse_query, Notice, ViewState};
use crate::ui::{
    city_detail::CityDetail, classing_controls::ClassingControls, csv_import::CsvImport,
    footer::Footer, indicator_picker::IndicatorPicker, legend::Legend, load_error::LoadError,
    loading::Loading, map_view::MapView, notices::Notices, province_strip::ProvinceStrip,
    timeline::Timeline,
};

/// Where the prefecture boundaries are served, relative to the page.
pub const PREFECTURES_URL: &str = "geo/shanxi-prefectures.geojson";
/// Where the indicator data is served, relative to the page.
pub const INDICATORS_URL: &str = "data/indicators.json";

/// Boundaries and their drawing, computed once per load.
#[derive(Debug, Clone)]
pub struct LoadedMap {
    pub boundaries: Boundaries,
    pub layout: MapLayout,
}

impl LoadedMap {
    /// The adcodes of the drawn regions, in drawing order.
    pub fn adcodes(&self) -> Vec<String> {
        self.boundaries
            .regions
            .iter()
            .map(|r| r.adcode.clone())
            .collect()
    }
}

/// A file's loading state.
#[derive(Debug, Clone)]
pub enum Load<T> {
    Loading,
    Failed(Error),
    Ready(T),
}

impl<T: Clone> Load<T> {
    pub fn ready(&self) -> Option<T> {
        match self {
            Load::Ready(t) => Some(t.clone()),
            _ => None,
        }
    }
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

async fn load_indicators() -> Result<IndicatorSet, Error> {
    let text = fetch_text(INDICATORS_URL).await?;
    IndicatorSet::parse(INDICATORS_URL, &text)
}

/// Loads into `state` with `load`, starting over on each call.
fn loader<T, F, Fut>(state: RwSignal<Load<Arc<T>>>, load: F) -> Callback<()>
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Send + Sync + Copy + 'static,
    Fut: std::future::Future<Output = Result<T, Error>> + 'static,
{
    Callback::new(move |()| {
        state.set(Load::Loading);
        spawn_local(async move {
            state.set(match load().await {
                Ok(v) => Load::Ready(Arc::new(v)),
                Err(e) => Load::Failed(e),
            });
        });
    })
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

fn write_query(query: &str) {
    if let Ok(history) = window().history() {
        let url = format!("?{query}");
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let map_state = RwSignal::new(Load::<Arc<LoadedMap>>::Loading);
    let data_state = RwSignal::new(Load::<Arc<IndicatorSet>>::Loading);
    let load_map_cb = loader(map_state, load_map);
    let load_data_cb = loader(data_state, load_indicators);
    load_map_cb.run(());
    load_data_cb.run(());

    let view = RwSignal::new(None::<ViewState>);
    let notices = RwSignal::new(Vec::<Notice>::new());
    let selected = RwSignal::new(None::<String>);
    let hovered = RwSignal::new(None::<String>);
    let legend_hover = RwSignal::new(None::<String>);

    // The view comes from the URL once the data is there; it goes back into the URL
    // whenever it changes.
    Effect::new(move |_| {
        if let Some(set) = data_state.with(Load::ready) {
            if view.with_untracked(Option::is_none) {
                let (v, n) = ViewState::from_pairs(&parse_query(&current_query()), &set);
                view.set(Some(v));
                notices.set(n);
            }
        }
    });
    Effect::new(move |_| {
        if let Some(v) = view.get() {
            write_query(&v.to_query());
        }
    });

    let data = Signal::derive(move || data_state.with(Load::ready));
    let map = Signal::derive(move || map_state.with(Load::ready));
    let fills = Memo::new(move |_| -> Option<Choropleth> {
        let (map, set) = (map.get()?, data.get()?);
        view.with(|v| {
            v.as_ref()
                .map(|v| choropleth(&set, &v.indicator, &v.period, &v.classing(), &map.adcodes()))
        })
    });

    view! {
        <header class="masthead">
            <h1>"山西生态环境地图" <span class="en">"Shanxi Eco Map"</span></h1>
        </header>
        <Notices notices />
        {move || match data_state.get() {
            Load::Ready(set) => view! { <ProvinceStrip set /> }.into_any(),
            _ => ().into_any(),
        }}
        <main class="layout">
            <section class="map-column">
                {move || match map_state.get() {
                    Load::Loading => view! { <Loading /> }.into_any(),
                    Load::Failed(error) => view! { <LoadError error on_retry=load_map_cb /> }.into_any(),
                    Load::Ready(map) => {
                        view! { <MapView map fills data view selected hovered legend_hover /> }.into_any()
                    }
                }}
            </section>
            <aside class="panel">
                {move || match data_state.get() {
                    Load::Loading => view! { <Loading /> }.into_any(),
                    Load::Failed(error) => view! { <LoadError error on_retry=load_data_cb /> }.into_any(),
                    Load::Ready(set) => {
                        view! {
                            <IndicatorPicker set=set.clone() view />
                            <Timeline set=set.clone() view />
                            <ClassingControls set=set.clone() view />
                            <Legend set=set.clone() view fills hovered legend_hover />
                            <CityDetail set map selected />
                        }
                            .into_any()
                    }
                }}
                <CsvImport map data_state view />
            </aside>
        </main>
        {move || map_state.get().ready().map(|m| view! { <Footer meta=m.boundaries.meta.clone() /> })}
    }
}
