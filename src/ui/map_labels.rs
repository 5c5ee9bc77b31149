//! Region names drawn over the map at each region's label point.
//!
//! They are HTML placed by percentage over the SVG, so the text keeps its size in
//! pixels at any map width while the points stay on the map.

use std::sync::Arc;

use leptos::prelude::*;

use crate::format::fixed;
use crate::i18n::Lang;
use crate::map::layout::ViewBox;
use crate::map::loaded::LoadedMap;
use crate::store::use_store;

/// The short Chinese name of every region, at its label point. Hidden from
/// assistive technology: each region has its own accessible name.
#[component]
pub fn MapLabels(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
    /// The visible part of the drawing.
    view_box: Memo<ViewBox>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // Cities measured on another scope than most carry a mark (the legend
    // says what it means).
    let odd = Memo::new(move |_| {
        store
            .fills
            .with(|f| f.as_ref().map(|f| f.odd_scope.clone()).unwrap_or_default())
    });
    let labels = map
        .layout
        .shapes
        .iter()
        .zip(&map.boundaries.regions)
        .map(|(shape, region)| {
            let at = shape.label;
            let pos = Memo::new(move |_| view_box.with(|b| b.percent(at)));
            view! {
                <span
                    class="map-label"
                    data-adcode=region.adcode.clone()
                    class:odd-scope={
                        let code = region.adcode.clone();
                        move || odd.with(|o| o.contains(&code))
                    }
                    class:outside=move || pos.with(|(x, y)| !(0.0..=100.0).contains(x) || !(0.0..=100.0).contains(y))
                    style:left=move || format!("{}%", fixed(pos.get().0, 3))
                    style:top=move || format!("{}%", fixed(pos.get().1, 3))
                >
                    {
                        let (zh, en) = (region.short_name_zh().to_string(), region.name_en.clone());
                        move || if lang.get() == Lang::En { en.clone() } else { zh.clone() }
                    }
                </span>
            }
        })
        .collect_view();
    view! { <div class="map-labels" aria-hidden="true">{labels}</div> }
}
