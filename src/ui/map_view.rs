//! The map: one SVG shape per region, names over it, a tooltip, and an outline
//! on top of the hovered or focused region.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::LoadedMap;
use crate::ui::{map_labels::MapLabels, region_shape::RegionShape, tooltip::Tooltip};

/// Draws the loaded regions, filling the available width at the data's aspect
/// ratio (never taller than the window allows).
#[component]
pub fn MapView(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
    /// The selected region's adcode, shared with the rest of the app.
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let hovered = RwSignal::new(None::<usize>);
    let layout = &map.layout;
    let shapes = layout
        .shapes
        .iter()
        .zip(&map.boundaries.regions)
        .enumerate()
        .map(|(index, (shape, region))| {
            view! {
                <RegionShape
                    index
                    adcode=shape.adcode.clone()
                    d=shape.d.clone()
                    label=format!("{} {}", region.name_zh, region.name_en)
                    hovered
                    selected
                />
            }
        })
        .collect_view();
    let outline_map = map.clone();
    let outline = move || {
        hovered
            .get()
            .and_then(|i| outline_map.layout.shapes.get(i))
            .map(|s| {
                view! { <path class="outline" d=s.d.clone() aria-hidden="true" /> }
            })
    };
    view! {
        <div class="map" style=format!("--aspect: {:.4}", layout.aspect())>
            <svg
                class="map-svg"
                viewBox=layout.view_box()
                role="group"
                aria-label="山西省地级市 Shanxi's prefecture-level cities"
            >
                {shapes}
                {outline}
            </svg>
            <MapLabels map=map.clone() />
            <Tooltip map=map.clone() hovered />
        </div>
    }
}
