//! One region of the map: a focusable, selectable SVG path.

use leptos::prelude::*;

/// A region's shape. Hover and focus mark it as hovered (for the tooltip and
/// outline); a click, Enter or Space toggles its selection.
#[component]
pub fn RegionShape(
    /// Position in the layout, the hovered signal's value for this region.
    index: usize,
    /// Administrative code, exposed as `data-adcode`.
    adcode: String,
    /// SVG path data.
    d: String,
    /// Accessible name, e.g. "太原市 Taiyuan".
    label: String,
    /// The region under the pointer or keyboard focus.
    hovered: RwSignal<Option<usize>>,
    /// The selected region's adcode.
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let code = adcode.clone();
    let is_selected = Memo::new(move |_| selected.with(|s| s.as_deref() == Some(code.as_str())));
    let code = adcode.clone();
    let toggle = move || {
        selected.update(|s| {
            *s = if s.as_deref() == Some(code.as_str()) {
                None
            } else {
                Some(code.clone())
            }
        })
    };
    let toggle_key = toggle.clone();
    let is_hovered = move || hovered.get() == Some(index);
    view! {
        <path
            class="region"
            class:selected=move || is_selected.get()
            class:hovered=is_hovered
            d=d
            data-adcode=adcode
            tabindex="0"
            role="button"
            aria-label=label
            aria-pressed=move || is_selected.get().to_string()
            aria-describedby=move || is_hovered().then_some("map-tooltip")
            on:mouseenter=move |_| hovered.set(Some(index))
            on:mouseleave=move |_| hovered.set(None)
            on:focus=move |_| hovered.set(Some(index))
            on:blur=move |_| hovered.set(None)
            on:click=move |_| toggle()
            on:keydown=move |ev| {
                let key = ev.key();
                if key == "Enter" || key == " " {
                    ev.prevent_default();
                    toggle_key();
                }
            }
        />
    }
}
