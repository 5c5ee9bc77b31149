//! The overlay picker under the legend: a `<select name="overlay">` of the
//! remediation layers that can be drawn as circles over the map's colours
//! ("无 None" first), so that pollution and remediation show at once, and a
//! `<select name="overlay-period">` of the chosen layer's periods.
//!
//! Their markup is [`crate::html::overlay_picker`] and
//! [`crate::html::overlay_period_picker`], each drawn only when what it offers
//! changes; the choice is read on the container (delegation) and each
//! select's value set in place, so choosing keeps the focus where it is. (As
//! a Leptos view the first was 7.5 KB of wasm; this is about a third of that.)

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::{overlay_period_picker, overlay_picker};
use crate::state::Action;
use crate::store::use_store;

/// Sets the `<select>` under `root` to `value` if it is not already.
fn set_select(root: &web_sys::Element, value: &str) {
    let select = root
        .query_selector("select")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok());
    if let Some(select) = select {
        if select.value() != value {
            select.set_value(value);
        }
    }
}

/// Chooses the remediation layer drawn over the map, or none, and its period.
/// The layer shown as colours is not offered again.
#[component]
pub fn OverlayPicker() -> impl IntoView {
    let store = use_store();
    let markup = Memo::new(move |_| {
        let set = store.data()?;
        let l = store.lang.get();
        store
            .shown
            .with(|s| Some(overlay_picker(&set, &s.as_ref()?.0, l)))
    });
    let chosen = Memo::new(move |_| store.view(|v| v.overlay.clone()).flatten());
    let periods = Memo::new(move |_| {
        let set = store.data()?;
        let l = store.lang.get();
        chosen.with(|c| Some(overlay_period_picker(&set, c.as_deref()?, l)))
    });
    let root = NodeRef::<leptos::html::Div>::new();
    let period_root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        markup.track();
        let current = chosen.get().unwrap_or_default();
        if let Some(root) = root.get() {
            set_select(&root, &current);
        }
    });
    Effect::new(move |_| {
        periods.track();
        let current = store
            .overlay
            .with(|o| o.as_ref().map(|o| o.period.clone()))
            .unwrap_or_default();
        if let Some(root) = period_root.get() {
            set_select(&root, &current);
        }
    });
    let empty = |m: &Option<String>| m.as_deref().unwrap_or_default().is_empty();
    view! {
        <div
            class="control overlay-picker"
            node_ref=root
            hidden=move || markup.with(empty)
            inner_html=move || markup.get().unwrap_or_default()
            on:change=move |ev| {
                let id = event_target_value(&ev);
                store.dispatch(Action::ChooseOverlay((!id.is_empty()).then_some(id)));
            }
        ></div>
        <div
            class="control overlay-period"
            node_ref=period_root
            hidden=move || periods.with(empty)
            inner_html=move || periods.get().unwrap_or_default()
            on:change=move |ev| store.dispatch(Action::ChooseOverlayPeriod(event_target_value(&ev)))
        ></div>
    }
}
