//! The selected city's known values across all indicators, each with period,
//! scope and a link to its source.

use leptos::prelude::*;

use crate::html::{city_detail, city_detail_hint};
use crate::present::describe::describe_city;
use crate::store::use_store;

/// Everything published about the selected city; a hint when none is selected.
#[component]
pub fn CityDetail() -> impl IntoView {
    let store = use_store();
    let html = move || {
        let Some(code) = store.cities.with(|s| s.first().cloned()) else {
            return city_detail_hint();
        };
        let (zh, en) = store
            .map()
            .and_then(|m| m.names(&code))
            .unwrap_or_else(|| (code.clone(), code.clone()));
        store
            .data()
            .map(|set| city_detail(&zh, &en, &describe_city(&set, &code)))
            .unwrap_or_default()
    };
    view! { <section class="city-detail" aria-live="polite" inner_html=html></section> }
}
