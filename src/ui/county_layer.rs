//! The counties a measure targets (the Yellow River counties), drawn over the
//! prefectures: each names itself on hover and keyboard focus, and a click,
//! Enter or Space chooses its prefecture as a click on the map would.

use leptos::prelude::*;

use crate::html::{county_paths, CountyPath};
use crate::state::Action;
use crate::store::{use_store, Store};
use crate::ui::dom::{closest_attr, each_item, keep_listening, press, redraw};

/// The county (its `data-adcode`) an event happened on, and its prefecture.
fn county_of(ev: &web_sys::Event) -> Option<(String, Option<String>)> {
    let code = closest_attr(ev, "path.county", "data-adcode")?;
    Some((code, closest_attr(ev, "path.county", "data-parent")))
}

/// The county outlines of the measure in focus, inside the map's SVG. `over`
/// is the county under the pointer or focus (shown by the county tag).
#[component]
pub fn CountyLayer(
    /// The county under the pointer or keyboard focus.
    over: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let Store { counties, .. } = store;
    let point = move |ev: &web_sys::Event| {
        let code = county_of(ev).map(|(c, _)| c);
        if over.get_untracked() != code {
            over.set(code);
        }
    };
    let choose = move |ev: &web_sys::Event, add: bool| {
        if let Some((_, Some(parent))) = county_of(ev) {
            store.dispatch(if add {
                Action::ToggleCity(parent)
            } else {
                Action::SelectCity(parent)
            });
        }
    };
    // Drawn anew (markup) when the measure in focus changes (rarely); the
    // hovered mark is written by one effect. A keyed `<For>` with a binding
    // per path cost 13 KB of wasm here for no gain.
    let group = NodeRef::<leptos::svg::G>::new();
    let paths = Memo::new(move |_| {
        counties.with(|cs| {
            let list: Vec<CountyPath> = cs
                .iter()
                .map(|c| CountyPath {
                    d: &c.shape.d,
                    adcode: &c.shape.adcode,
                    parent: c.parent.as_deref(),
                    name_zh: &c.name_zh,
                    name_en: &c.name_en,
                })
                .collect();
            county_paths(&list)
        })
    });
    // The paths (when the counties change), then the hovered mark: one
    // effect, so that the mark is always written after the paths.
    Effect::new(move |last: Option<String>| {
        let html = paths.get();
        let Some(g) = group.get() else {
            return String::new();
        };
        redraw(&g, last.as_deref(), &html);
        over.with(|o| {
            each_item(&g, "county", "data-adcode", |p, code| {
                let _ = p
                    .class_list()
                    .toggle_with_force("hovered", o.as_deref() == Some(code));
            });
        });
        html
    });
    keep_listening(group, &EVENTS, move |ev| match ev.type_().as_str() {
        "mouseover" | "focusin" => point(ev),
        "mouseleave" | "focusout" => over.set(None),
        _ => {
            if let Some(add) = press(ev) {
                if ev.type_() == "keydown" {
                    ev.prevent_default();
                }
                choose(ev, add);
            }
        }
    });
    view! {
        <g
            class="county-layer"
            // Chromium makes an SVG element with focus listeners a Tab stop;
            // the group is not one (its paths are).
            tabindex="-1"
            node_ref=group
        ></g>
    }
}

/// The events the counties answer.
const EVENTS: [&str; 6] = [
    "mouseover",
    "mouseleave",
    "focusin",
    "focusout",
    "click",
    "keydown",
];
