//! The counties a measure targets (the Yellow River counties), drawn over the
//! prefectures: each names itself on hover and keyboard focus, and a click,
//! Enter or Space chooses its prefecture as a click on the map would.

use leptos::prelude::*;

use crate::state::Action;
use crate::store::{use_store, Store};
use crate::ui::dom::{closest_attr, each_item};

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
    // Drawn anew when the measure in focus changes (rarely); the hovered
    // mark is written by one effect. A keyed `<For>` with a binding per path
    // cost 13 KB of wasm here for no gain.
    let group = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        let _ = counties.with(Vec::len);
        over.with(|o| {
            if let Some(g) = group.get() {
                each_item(&g, "county", "data-adcode", |p, code| {
                    let _ = p
                        .class_list()
                        .toggle_with_force("hovered", o.as_deref() == Some(code));
                });
            }
        });
    });
    let paths = move || {
        counties.with(|cs| {
            cs.iter()
                .map(|c| {
                    view! {
                        <path
                            class="county"
                            d=c.shape.d.clone()
                            data-adcode=c.shape.adcode.clone()
                            data-parent=c.parent.clone()
                            data-highlighted="true"
                            tabindex="0"
                            role="button"
                            aria-label=format!("{} {}", c.name_zh, c.name_en)
                        />
                    }
                })
                .collect_view()
        })
    };
    view! {
        <g
            class="county-layer"
            // Chromium makes an SVG element with focus listeners a Tab stop;
            // the group is not one (its paths are).
            tabindex="-1"
            node_ref=group
            on:mouseover=move |ev| point(&ev)
            on:mouseleave=move |_| over.set(None)
            on:focusin=move |ev| point(&ev)
            on:focusout=move |_| over.set(None)
            on:click=move |ev: leptos::ev::MouseEvent| {
                choose(&ev, ev.ctrl_key() || ev.meta_key() || ev.shift_key())
            }
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                let key = ev.key();
                if key == "Enter" || key == " " {
                    ev.prevent_default();
                    choose(&ev, false);
                }
            }
        >
            {paths}
        </g>
    }
}
