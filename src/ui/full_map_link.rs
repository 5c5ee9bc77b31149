//! In an embed: a link that opens the same view as the full map (with the
//! measures, the table and the tools), in a new tab so the host page stays.

use leptos::prelude::*;

use crate::store::use_store;

/// "Open the full map", to the current view without `embed`.
#[component]
pub fn FullMapLink() -> impl IntoView {
    let store = use_store();
    let href = move || {
        store
            .view(|v| {
                let mut full = v.clone();
                full.embed = false;
                format!("?{}", full.to_query())
            })
            .unwrap_or_else(|| "?".into())
    };
    view! {
        <p class="full-map">
            <a href=href target="_blank" rel="noopener">
                <span class="zh">"打开完整地图 "</span> <span class="en">"Open the full map"</span> " ↗"
            </a>
        </p>
    }
}
