//! The province's headline figures, each with its year and source, and under
//! them a small chart of each figure that has several years.

use leptos::prelude::*;

use crate::html::{province_items, province_trends_html};
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
    // Built once: the province's figures do not change with the view.
    let trends = move || {
        store
            .data()
            .map(|set| province_trends_html(&set))
            .unwrap_or_default()
    };
    view! {
        <section class="province-strip" aria-label="全省 Province">
            <h2><span class="zh">"全省 "</span> <span class="en">"Province"</span></h2>
            // Focusable: on narrow screens the strip scrolls sideways, and a
            // keyboard must be able to scroll it.
            <div class="province-body">
                <ul tabindex="0" inner_html=items></ul>
                <h3><span class="zh">"历年变化 "</span> <span class="en">"Over the years"</span></h3>
                <div class="province-trends" inner_html=trends></div>
            </div>
        </section>
    }
}
