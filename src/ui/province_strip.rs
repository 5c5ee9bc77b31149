//! The province's headline figures, each with its year and source.

use leptos::prelude::*;

use crate::html::province_items;
use crate::store::use_store;

/// A strip of the figures marked `headline` in the data.
#[component]
pub fn ProvinceStrip() -> impl IntoView {
    let store = use_store();
    let items = move || {
        store
            .data()
            .map(|set| province_items(&set))
            .unwrap_or_default()
    };
    view! {
        <section class="province-strip" aria-label="全省 Province">
            <h2><span class="zh">"全省 "</span> <span class="en">"Province"</span></h2>
            // Focusable: on narrow screens the strip scrolls sideways, and a
            // keyboard must be able to scroll it.
            <ul tabindex="0" inner_html=items></ul>
        </section>
    }
}
