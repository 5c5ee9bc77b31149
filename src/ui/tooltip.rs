//! The tooltip of the hovered or focused region: its names and, when data is
//! loaded, its value of the current indicator with period, scope and source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::format::fixed;
use crate::html::{overlay_line, strip_html, tooltip_details, tooltip_names};
use crate::i18n::Text;
use crate::map::layout::ViewBox;
use crate::map::loaded::LoadedMap;
use crate::present::describe::describe;
use crate::present::trend::{city_strip, same_scale};
use crate::store::use_store;

/// Shows the hovered region next to its label point: above it (below near the
/// top of the map), shifted sideways by as much of its own width as the point
/// is across the map, so that it stays inside the map whenever it is narrower.
/// On a phone it spans the map's width just above or below the finger,
/// whichever side has more room: beside the tapped city, even in an embed
/// scrolled far down a host page.
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
        // On a phone: above the finger in the lower half of the map, below it
        // in the upper half (see the stylesheet).
        let place = if y > 50.0 { "above" } else { "below" };
        // Set through CSSOM (`style:` and a `(name, value)` pair), not a style
        // attribute, which a strict Content-Security-Policy blocks.
        let left = format!("{}%", fixed(x, 3));
        let top = format!("{}%", fixed(y, 3));
        let shift = format!("{}%", fixed(-x.clamp(0.0, 100.0), 3));
        let info = store
            .data()
            .zip(store.shown.get())
            .and_then(|(set, (indicator, period))| describe(&set, &indicator, &period, &code));
        let mut details = info
            .map(|info| tooltip_details(&info, lang.get()))
            .unwrap_or_default();
        // The overlay's value of this city, under the colours' one.
        let over = store.overlay.with(|o| {
            let o = o.as_ref()?;
            let set = store.data()?;
            let info = describe(&set, &o.indicator, &o.period, &code)?;
            Some(overlay_line(&o.name, &info, lang.get()))
        });
        details.extend(over);
        // The city's class in every period of the current run.
        let strip = store
            .data()
            .zip(store.shown.get())
            .zip(store.view(|v| v.classing()))
            .map(|((set, (indicator, period)), classing)| {
                let cells = city_strip(&set, &indicator, &period, &code, &classing, &map.adcodes());
                let name = Text::new(region.name_zh.clone(), region.name_en.clone());
                strip_html(&name, &cells, same_scale(&set, &indicator), lang.get())
            })
            .unwrap_or_default();
        let names = tooltip_names(&region.name_zh, &region.name_en, lang.get());
        let content = format!(
            "{names}<span class=\"details\">{details}</span><span class=\"tooltip-strip\">{strip}</span>"
        );
        Some(view! {
            <div
                id="map-tooltip"
                class="tooltip"
                role="tooltip"
                class:below=y < 30.0
                data-place=place
                style:left=left
                style:top=top
                style=("--shift", shift)
                inner_html=content
            ></div>
        })
    }
}
