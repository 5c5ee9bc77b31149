//! The tooltip of the hovered or focused region.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::LoadedMap;

/// Shows the names of the hovered region next to its label point. Placed below the
/// point near the top of the map and kept inside the map near its sides.
#[component]
pub fn Tooltip(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
    /// The region under the pointer or keyboard focus.
    hovered: RwSignal<Option<usize>>,
) -> impl IntoView {
    move || {
        let i = hovered.get()?;
        let region = map.boundaries.regions.get(i)?;
        let shape = map.layout.shapes.get(i)?;
        let (x, y) = map.layout.percent(shape.label);
        let side = if x < 25.0 {
            "start"
        } else if x > 75.0 {
            "end"
        } else {
            "middle"
        };
        Some(view! {
            <div
                id="map-tooltip"
                class="tooltip"
                role="tooltip"
                data-side=side
                class:below=y < 20.0
                style:left=format!("{x:.3}%")
                style:top=format!("{y:.3}%")
            >
                <strong lang="zh">{region.name_zh.clone()}</strong>
                <span class="en" lang="en">{region.name_en.clone()}</span>
            </div>
        })
    }
}
