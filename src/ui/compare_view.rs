//! Two to four selected cities side by side across all indicators. Cities are
//! added with Ctrl/⌘/Shift-click on the map or in the panel's city list; more
//! than four are named as not compared.

use leptos::prelude::*;

use crate::html::compare_table;
use crate::present::compare::{compare, MAX_COMPARED};
use crate::store::use_store;

/// Shown when two or more cities are selected.
#[component]
pub fn CompareView() -> impl IntoView {
    let store = use_store();
    let html = move || {
        let cities = store.cities.get();
        if cities.len() < 2 {
            return None;
        }
        let (m, set) = (store.map()?, store.data()?);
        let name = |c: &String| m.names(c).unwrap_or_else(|| (c.clone(), c.clone()));
        let shown: Vec<String> = cities.iter().take(MAX_COMPARED).cloned().collect();
        let names: Vec<(String, String)> = shown.iter().map(name).collect();
        let left_out: Vec<(String, String)> = cities.iter().skip(MAX_COMPARED).map(name).collect();
        Some(compare_table(
            &names,
            &compare(&set, &shown),
            MAX_COMPARED,
            &left_out,
        ))
    };
    view! { <section class="compare-view" inner_html=move || html().unwrap_or_default()></section> }
}
