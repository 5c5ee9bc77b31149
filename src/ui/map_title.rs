//! What the map shows, named above it: the indicator (with its unit) and the
//! period, so that a screenshot or a phone's first screen says it at once. Its
//! markup is [`crate::html::map_title`], as in the prerendered first view.

use leptos::prelude::*;

use crate::html::map_title;
use crate::store::use_store;

/// The indicator and period shown, as a heading over the map.
#[component]
pub fn MapTitle() -> impl IntoView {
    let store = use_store();
    let markup = move || {
        let set = store.data()?;
        let lang = store.lang.get();
        store.shown.with(|s| {
            let (indicator, period) = s.as_ref()?;
            let mut title = map_title(&set, indicator, period, lang);
            // The circles' layer and period, when they are not the colours'.
            title.push_str(&store.overlay.with(|o| {
                o.as_ref()
                    .map(|o| crate::html::overlay_title(o, lang))
                    .unwrap_or_default()
            }));
            Some(title)
        })
    };
    view! { <h2 class="map-title" inner_html=move || markup().unwrap_or_default()></h2> }
}
