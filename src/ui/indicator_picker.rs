//! The indicator picker: a `<select name="indicator">` whose option values are
//! the indicator ids. Markup ([`indicator_picker`]) in a markup host: drawn
//! again when the layers, the language or the shown layer change (the select
//! keeps the focus); the choice is read on the host.

use std::rc::Rc;

use leptos::prelude::*;

use crate::html::{indicator_picker, Layer};
use crate::state::Action;
use crate::store::use_store;
use crate::ui::markup_host::markup_host;

/// Chooses the indicator the map shows, its layers grouped as pollution,
/// remediation and the person's own data.
#[component]
pub fn IndicatorPicker() -> impl IntoView {
    let store = use_store();
    let markup = Signal::derive(move || {
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
        store.shown.with(|s| {
            let current = s.as_ref().map_or("", |s| s.0.as_str());
            indicator_picker(&layers, current, lang)
        })
    });
    let on = move |ev: &web_sys::Event| {
        if ev.type_() == "change" {
            store.dispatch(Action::ChooseIndicator(event_target_value(ev)));
        }
    };
    markup_host("control indicator-control", markup, Rc::new(on))
}
