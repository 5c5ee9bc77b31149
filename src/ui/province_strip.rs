//! The province's headline figures, each with its year and source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::indicators::IndicatorSet;
use crate::html::province_items;

/// A strip of the figures marked `headline` in the data.
#[component]
pub fn ProvinceStrip(
    /// The indicator data.
    set: Arc<IndicatorSet>,
) -> impl IntoView {
    view! {
        <section class="province-strip" aria-label="全省 Province">
            <h2><span class="zh">"全省 "</span> <span class="en">"Province"</span></h2>
            <ul inner_html=province_items(&set)></ul>
        </section>
    }
}
