//! The notice shown while the map's data loads.

use leptos::prelude::*;

/// "Loading…", announced politely to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="zh">"正在加载地图…"</span> <span class="en">" Loading the map…"</span>
        </p>
    }
}
