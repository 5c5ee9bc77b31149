//! The overlay picker under the legend: a `<select name="overlay">` of the
//! remediation layers that can be drawn as circles over the map's colours
//! ("无 None" first), so that pollution and remediation show at once.
//!
//! Its markup is [`crate::html::overlay_picker`], drawn when the layers on
//! offer change; the choice is read on the container (delegation) and the
//! select's value set in place, so choosing keeps the focus where it is. (As
//! a Leptos view it was 7.5 KB of wasm; this is about a third of that.)

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::overlay_picker;
use crate::state::Action;
use crate::store::use_store;

/// Chooses the remediation layer drawn over the map, or none. The layer shown
/// as colours is not offered again.
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
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        markup.track();
        let current = store
            .view(|v| v.overlay.clone())
            .flatten()
            .unwrap_or_default();
        let select = root
            .get()
            .and_then(|r| r.query_selector("select").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok());
        if let Some(select) = select {
            if select.value() != current {
                select.set_value(&current);
            }
        }
    });
    view! {
        <div
            class="control overlay-picker"
            node_ref=root
            hidden=move || markup.with(|m| m.as_deref().unwrap_or_default().is_empty())
            inner_html=move || markup.get().unwrap_or_default()
            on:change=move |ev| {
                let id = event_target_value(&ev);
                store.dispatch(Action::ChooseOverlay((!id.is_empty()).then_some(id)));
            }
        ></div>
    }
}
