//! The regions of the map: focusable, selectable SVG paths.
//!
//! The paths are drawn once; what follows the view is written onto them by one
//! effect per concern (fills and classes; selection; hover; the legend entry
//! under the pointer; the measure in focus), each going over the 11 paths and
//! writing only what changed, and events are handled once on the group
//! (delegation). Against a component per region with its own reactive
//! bindings (about 100 reactive nodes for 11 regions) this keeps four effects;
//! measured on this app the wasm is the same size within 2 KB and a switch's
//! main-thread work the same within the bench's noise, so the gain is a
//! smaller reactive graph and fewer DOM writes (only changed attributes).

use std::sync::Arc;

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::html::region_paths;
use crate::map::choropleth::{paint, NO_DATA};
use crate::map::loaded::LoadedMap;
use crate::state::Action;
use crate::store::{use_store, Store};
use crate::ui::dom::{closest_attr, each_item, keep_listening, press, set_attr, set_style};

/// The region (its `data-adcode`) an event happened on, if any.
fn region_of(ev: &web_sys::Event) -> Option<String> {
    closest_attr(ev, "path.region", "data-adcode")
}

/// Calls `f` with each region path under `group` and its adcode.
fn each(group: &web_sys::Element, f: impl FnMut(&web_sys::Element, &str)) {
    each_item(group, "region", "data-adcode", f);
}

/// The regions. Hover and focus mark a region as hovered (tooltip, outline,
/// legend); a click, Enter or Space selects it alone or clears the selection,
/// Ctrl/⌘/Shift-click adds or removes it. Its fill and `data-class` follow the
/// choropleth; regions the measure in focus targets are marked
/// `data-highlighted`, the others fade; a legend class under the pointer dims
/// the other classes.
#[component]
pub fn Regions(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
) -> impl IntoView {
    let store = use_store();
    let Store {
        fills,
        hovered,
        cities,
        legend_hover,
        highlighted,
        zoomed,
        ..
    } = store;
    let group = NodeRef::<leptos::svg::G>::new();
    let on = move |f: &dyn Fn(&web_sys::Element)| {
        if let Some(g) = group.get() {
            f(&g);
        }
    };
    // Fills and classes, and the legend entry under the pointer.
    Effect::new(move |_| {
        let over = legend_hover.get();
        fills.with(|c| {
            on(&|g| {
                each(g, |p, code| {
                    let fill = c.as_ref().map(|c| c.fills.get(code));
                    let class = fill.map(|f| f.map_or(NO_DATA, |f| f.class.as_str()));
                    set_style(p, "fill", fill.map(paint).as_deref());
                    set_attr(p, "data-class", class);
                    let cl = p.class_list();
                    let _ =
                        cl.toggle_with_force("dimmed", over.is_some() && over.as_deref() != class);
                    let _ =
                        cl.toggle_with_force("matched", over.is_some() && over.as_deref() == class);
                })
            })
        });
    });
    // Counties count as chosen with their prefecture.
    let chosen_map = map.clone();
    Effect::new(move |_| {
        // Drilled into a prefecture: the map is zoomed to it.
        let drilled = store.within.get();
        let zoom = zoomed.get() || drilled.is_some();
        cities.with(|s| {
            let members = chosen_map.members(s);
            let focus = match &drilled {
                Some(p) => chosen_map.members(std::slice::from_ref(p)),
                None => members.clone(),
            };
            on(&|g| {
                each(g, |p, code| {
                    let chosen = members.iter().any(|c| c == code);
                    let _ = p.class_list().toggle_with_force("selected", chosen);
                    // Zoomed in: the neighbours cut by the frame fade, as in
                    // an export.
                    let beyond = zoom && !focus.is_empty() && !focus.iter().any(|c| c == code);
                    let _ = p.class_list().toggle_with_force("beyond", beyond);
                    set_attr(
                        p,
                        "aria-pressed",
                        Some(if chosen { "true" } else { "false" }),
                    );
                })
            })
        });
    });
    Effect::new(move |_| {
        hovered.with(|h| {
            on(&|g| {
                each(g, |p, code| {
                    let on = h.as_deref() == Some(code);
                    let _ = p.class_list().toggle_with_force("hovered", on);
                    set_attr(p, "aria-describedby", on.then_some("map-tooltip"));
                })
            })
        });
    });
    Effect::new(move |_| {
        highlighted.with(|h| {
            on(&|g| {
                each(g, |p, code| {
                    let lit = h.as_ref().map(|h| h.iter().any(|c| c == code));
                    let _ = p
                        .class_list()
                        .toggle_with_force("faded", lit == Some(false));
                    set_attr(
                        p,
                        "data-highlighted",
                        lit.map(|l| if l { "true" } else { "false" }),
                    );
                })
            })
        });
    });
    // A county chooses its prefecture.
    let select_map = StoredValue::new(map.clone());
    let select = move |code: String, add: bool| {
        let code = select_map.with_value(|m| m.prefecture_of(&code));
        store.dispatch(if add {
            Action::ToggleCity(code)
        } else {
            Action::SelectCity(code)
        })
    };
    let hover = move |code: Option<String>| {
        if hovered.get_untracked() != code {
            hovered.set(code);
        }
    };
    let names: Vec<(&str, &str)> = map
        .boundaries
        .regions
        .iter()
        .map(|r| (r.name_zh.as_str(), r.name_en.as_str()))
        .collect();
    let paths = region_paths(&map.layout.shapes, &names);
    keep_listening(group, &EVENTS, move |ev| match ev.type_().as_str() {
        "mouseover" | "focusin" => hover(region_of(ev)),
        "mouseleave" | "focusout" => hover(None),
        "pointerdown" => {
            let touch = ev
                .dyn_ref::<web_sys::PointerEvent>()
                .is_some_and(|p| p.pointer_type() == "touch");
            if touch {
                hover(region_of(ev));
            }
        }
        _ => {
            if let (Some(add), Some(code)) = (press(ev), region_of(ev)) {
                if ev.type_() == "keydown" {
                    ev.prevent_default();
                }
                select(code, add);
            }
        }
    });
    view! {
        <g
            class="regions"
            // Chromium makes an SVG element with focus listeners a Tab stop;
            // the group is not one (its paths are).
            tabindex="-1"
            node_ref=group
            inner_html=paths
        ></g>
    }
}

/// The events the regions answer.
const EVENTS: [&str; 7] = [
    "mouseover",
    "mouseleave",
    "pointerdown",
    "focusin",
    "focusout",
    "click",
    "keydown",
];
