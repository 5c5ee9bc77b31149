//! Region names drawn over the map at each region's label point.
//!
//! They are HTML placed by percentage over the SVG, so the text keeps its size in
//! pixels at any map width while the points stay on the map.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::LoadedMap;
use crate::format::fixed;

/// The short Chinese name of every region, at its label point. Hidden from
/// assistive technology: each region has its own accessible name.
#[component]
pub fn MapLabels(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
) -> impl IntoView {
    let labels = map
        .layout
        .shapes
        .iter()
        .zip(&map.boundaries.regions)
        .map(|(shape, region)| {
            let (x, y) = map.layout.percent(shape.label);
            view! {
                <span
                    class="map-label"
                    data-adcode=region.adcode.clone()
                    style:left=format!("{}%", fixed(x, 3))
                    style:top=format!("{}%", fixed(y, 3))
                >
                    {region.short_name_zh().to_string()}
                </span>
            }
        })
        .collect_view();
    view! { <div class="map-labels" aria-hidden="true">{labels}</div> }
}
