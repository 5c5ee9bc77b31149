//! The indicator picker: a `<select name="indicator">` whose option values are
//! the indicator ids. Markup ([`indicator_picker`]) in a markup host: drawn
//! again when the layers or the language change (the select keeps the
//! focus); the shown layer is set as the select's value in place, and the
//! choice is read on the host.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::{indicator_picker, Layer};
use crate::state::Action;
use crate::store::use_store;
use crate::ui::markup_host::markup_host_then;

/// Chooses the indicator the map shows, its layers grouped as pollution,
/// remediation and the person's own data.
#[component]
pub fn IndicatorPicker() -> impl IntoView {
    let store = use_store();
    // A memo: the host's effect also runs on every switch (`after` reads the
    // shown layer), and must not build the options again for it.
    let markup = Memo::new(move |_| {
        let Some(set) = store.data() else {
            return String::new();
        };
        let lang = store.lang.get();
        let layers: Vec<Layer> = set
            .indicators
            .iter()
            .map(|i| Layer {
                id: &i.id,
                zh: &i.name_zh,
                en: &i.name_en,
                remediation: i.remediation,
                user: i.user,
            })
            .collect();
        indicator_picker(&layers, lang)
    });
    // The shown layer, set in place: a switch changes the select's value,
    // not the select.
    let current = Memo::new(move |_| store.shown.with(|s| s.as_ref().map(|s| s.0.clone())));
    let after = move |el: &web_sys::Element| {
        let Some(id) = current.get() else { return };
        let select = el
            .query_selector("select")
            .ok()
            .flatten()
            .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok());
        if let Some(select) = select.filter(|s| s.value() != id) {
            select.set_value(&id);
        }
    };
    let on = move |ev: &web_sys::Event| {
        if ev.type_() == "change" {
            store.dispatch(Action::ChooseIndicator(event_target_value(ev)));
        }
    };
    markup_host_then(
        NodeRef::new(),
        "control indicator-control",
        markup.into(),
        Rc::new(on),
        Some(Rc::new(after)),
    )
}
