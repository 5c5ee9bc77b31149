//! One region of the map: a focusable, selectable SVG path.

use leptos::prelude::*;

use crate::map::choropleth::paint;
use crate::state::Action;
use crate::store::{use_store, Store};

/// A region's shape. Hover and focus mark it as hovered (tooltip, outline,
/// legend); a click, Enter or Space selects it alone or clears the selection,
/// Ctrl/⌘/Shift-click adds or removes it. Its fill and `data-class` follow the
/// choropleth; regions a measure in focus targets are marked `data-highlighted`,
/// the others fade; a legend class under the pointer dims the other classes.
#[component]
pub fn RegionShape(
    /// Administrative code, exposed as `data-adcode`.
    adcode: String,
    /// SVG path data.
    d: String,
    /// Accessible name, e.g. "太原市 Taiyuan".
    label: String,
) -> impl IntoView {
    let store = use_store();
    let Store {
        fills,
        hovered,
        cities: selected,
        legend_hover,
        highlighted,
        ..
    } = store;
    let code = StoredValue::new(adcode.clone());
    let fill = Memo::new(move |_| {
        fills.with(|c| code.with_value(|a| c.as_ref().map(|c| c.fills.get(a).cloned())))
    });
    let class = move || {
        fill.with(|f| {
            f.as_ref().map(|f| {
                f.as_ref()
                    .map(|f| f.class.clone())
                    .unwrap_or_else(|| "none".into())
            })
        })
    };
    let color = move || fill.with(|f| f.as_ref().map(|f| paint(f.as_ref())));
    let is_selected = Memo::new(move |_| selected.with(|s| code.with_value(|a| s.contains(a))));
    let is_hovered =
        Memo::new(move |_| hovered.with(|h| code.with_value(|a| h.as_ref() == Some(a))));
    let dimmed =
        move || legend_hover.with(|l| l.as_ref().is_some_and(|l| Some(l.clone()) != class()));
    let matched = move || legend_hover.with(|l| l.is_some() && l.clone() == class());
    let lit = Memo::new(move |_| {
        highlighted.with(|h| h.as_ref().map(|h| code.with_value(|a| h.contains(a))))
    });
    let toggle = move || store.dispatch(Action::SelectCity(code.get_value()));
    view! {
        <path
            class="region"
            class:selected=move || is_selected.get()
            class:hovered=move || is_hovered.get()
            class:dimmed=dimmed
            class:matched=matched
            class:faded=move || lit.get() == Some(false)
            data-highlighted=move || lit.get().map(|l| l.to_string())
            d=d
            style:fill=color
            data-adcode=adcode
            data-class=class
            tabindex="0"
            role="button"
            aria-label=label
            aria-pressed=move || is_selected.get().to_string()
            aria-describedby=move || is_hovered.get().then_some("map-tooltip")
            on:mouseenter=move |_| hovered.set(Some(code.get_value()))
            on:mouseleave=move |_| hovered.set(None)
            on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                if ev.pointer_type() == "touch" {
                    hovered.set(Some(code.get_value()));
                }
            }
            on:focus=move |_| hovered.set(Some(code.get_value()))
            on:blur=move |_| hovered.set(None)
            on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                    store.dispatch(Action::ToggleCity(code.get_value()));
                } else {
                    toggle();
                }
            }
            on:keydown=move |ev| {
                let key = ev.key();
                if key == "Enter" || key == " " {
                    ev.prevent_default();
                    toggle();
                }
            }
        />
    }
}
