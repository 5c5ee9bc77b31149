//! Region names drawn over the map at each region's label point.
//!
//! They are HTML placed by percentage over the SVG, so the text keeps its size in
//! pixels at any map width while the points stay on the map. The names are
//! markup ([`map_names`]), written when the language or the marks change;
//! their places are written by one effect when the visible part changes.

use std::sync::Arc;

use leptos::prelude::*;

use crate::format::fixed;
use crate::html::{map_names, MapName};
use crate::map::layout::ViewBox;
use crate::map::loaded::LoadedMap;
use crate::store::use_store;
use crate::ui::dom::{each_item, redraw, set_style};

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
    let names_map = map.clone();
    let names = Memo::new(move |_| {
        let l = lang.get();
        let names: Vec<MapName> = names_map
            .boundaries
            .regions
            .iter()
            .map(|r| MapName {
                adcode: &r.adcode,
                zh: r.short_name_zh(),
                en: &r.name_en,
                odd_scope: false,
            })
            .collect();
        map_names(&names, l)
    });
    // Cities measured on another scope than most carry a mark (the legend
    // says what it means).
    let odd = Memo::new(move |_| {
        store
            .fills
            .with(|f| f.as_ref().map(|f| f.odd_scope.clone()).unwrap_or_default())
    });
    let root = NodeRef::<leptos::html::Div>::new();
    // The names (when the language changes), then each at its point, marked
    // `outside` when the point is out of the visible part (zoomed in) and
    // `odd-scope` as the layer says. One effect, so that the places and
    // marks are always written after the names.
    Effect::new(move |last: Option<String>| {
        let html = names.get();
        let Some(el) = root.get() else {
            return String::new();
        };
        redraw(&el, last.as_deref(), &html);
        let odd = odd.get();
        view_box.with(|b| {
            each_item(&el, "map-label", "data-adcode", |label, code| {
                let cl = label.class_list();
                let _ = cl.toggle_with_force("odd-scope", odd.iter().any(|c| c == code));
                let Some((shape, _)) = map.find(code) else {
                    return;
                };
                let (x, y) = b.percent(shape.label);
                set_style(label, "left", Some(&format!("{}%", fixed(x, 3))));
                set_style(label, "top", Some(&format!("{}%", fixed(y, 3))));
                let outside = !(0.0..=100.0).contains(&x) || !(0.0..=100.0).contains(&y);
                let _ = cl.toggle_with_force("outside", outside);
            });
        });
        html
    });
    view! { <div class="map-labels" aria-hidden="true" node_ref=root></div> }
}
