//! The tooltip of the hovered or focused region: its names and, when data is
//! loaded, its value of the current indicator with period, scope and source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::format::fixed;
use crate::html::tooltip_details;
use crate::i18n::Lang;
use crate::map::layout::ViewBox;
use crate::map::loaded::LoadedMap;
use crate::present::describe::describe;
use crate::store::use_store;

/// Shows the hovered region next to its label point. Placed below the point near
/// the top of the map and kept inside the map near its sides; on a phone docked
/// across the map's top or bottom, whichever is away from the region.
#[component]
pub fn Tooltip(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
    /// The visible part of the drawing.
    view_box: Memo<ViewBox>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    move || {
        let code = store.hovered.get()?;
        let (shape, region) = map.find(&code)?;
        let (x, y) = view_box.with(|b| b.percent(shape.label));
        let side = if x < 25.0 {
            "start"
        } else if x > 75.0 {
            "end"
        } else {
            "middle"
        };
        // On a phone the tooltip docks to the map's top or bottom edge, away
        // from the finger on the tapped region (see the stylesheet).
        let dock = if y > 50.0 { "top" } else { "bottom" };
        let info = store
            .data()
            .zip(store.shown.get())
            .and_then(|(set, (indicator, period))| describe(&set, &indicator, &period, &code));
        let en = lang.get() == Lang::En;
        let details = info
            .map(|info| tooltip_details(&info, lang.get()))
            .unwrap_or_default();
        let names = if en {
            view! { <span class="names"><strong lang="en">{region.name_en.clone()}</strong></span> }
                .into_any()
        } else {
            view! {
                <span class="names">
                    <strong lang="zh">{region.name_zh.clone()}</strong>
                    <span class="en" lang="en">{region.name_en.clone()}</span>
                </span>
            }
            .into_any()
        };
        Some(view! {
            <div
                id="map-tooltip"
                class="tooltip"
                role="tooltip"
                data-side=side
                class:below=y < 30.0
                data-dock=dock
                style:left=format!("{}%", fixed(x, 3))
                style:top=format!("{}%", fixed(y, 3))
            >
                {names}
                <span class="details" inner_html=details></span>
            </div>
        })
    }
}
