//! The map: one SVG shape per region, names over it, a tooltip, and an outline
//! on top of the hovered or focused region.

use std::sync::Arc;

use leptos::prelude::*;

use crate::format::fixed;
use crate::map::loaded::LoadedMap;
use crate::map::palette::NO_DATA_DEFS;
use crate::store::{use_store, Store};
use crate::ui::{
    county_layer::CountyLayer, county_tag::CountyTag, map_labels::MapLabels, regions::Regions,
    tooltip::Tooltip,
};

/// Draws the loaded regions, filling the available width at the data's aspect
/// ratio (never taller than the window allows). Paths are computed once; only
/// fills and classes follow the view.
#[component]
pub fn MapView(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
) -> impl IntoView {
    let Store {
        zoomed,
        cities,
        lang,
        hovered,
        ..
    } = use_store();
    let county_over = RwSignal::new(None::<String>);
    let full = map.layout.full_box();
    let zoom_map = map.clone();
    let view_box = Memo::new(move |_| {
        if zoomed.get() {
            cities.with(|s| zoom_map.layout.zoom_box(s)).unwrap_or(full)
        } else {
            full
        }
    });
    let layout = &map.layout;

    let outline_map = map.clone();
    let outline = move || {
        let (shape, _) = hovered.with(|h| outline_map.find(h.as_deref()?))?;
        Some(view! { <path class="outline" d=shape.d.clone() aria-hidden="true" /> })
    };
    view! {
        <div class="map" style=("--aspect", fixed(layout.aspect(), 4))>
            <svg
                class="map-svg"
                viewBox=move || view_box.get().attr()
                role="group"
                aria-label="山西省地级市 Shanxi's prefecture-level cities"
                aria-describedby=crate::ui::map_caption::CAPTION_ID
            >
                <defs inner_html=NO_DATA_DEFS></defs>
                <Regions map=map.clone() />
                <CountyLayer over=county_over />
                {outline}
            </svg>
            <MapLabels map=map.clone() view_box />
            <CountyTag over=county_over view_box />
            <Tooltip map=map.clone() view_box />
            <button
                type="button"
                class="tool zoom"
                name="zoom"
                aria-pressed=move || zoomed.get().to_string()
                hidden=move || !zoomed.get() && cities.with(Vec::is_empty)
                on:click=move |_| zoomed.update(|z| *z = !*z)
            >
                {move || if zoomed.get() { lang.get().both("全省", "Whole province", " ") } else { lang.get().both("缩放到所选", "Zoom to selection", " ") }}
            </button>
        </div>
    }
}
