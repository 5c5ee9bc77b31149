//! Switches the map, its legend, tooltip, names and exports between Chinese
//! (with English beside it) and English.

use std::rc::Rc;

use leptos::prelude::*;

use crate::html::lang_button;
use crate::i18n::Lang;
use crate::state::Action;
use crate::store::use_store;
use crate::ui::markup_host::markup_host;

/// One button naming the other language.
#[component]
pub fn LangToggle() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let on = move |ev: &web_sys::Event| {
        if ev.type_() == "click" {
            let other = if lang.get_untracked() == Lang::En {
                Lang::Zh
            } else {
                Lang::En
            };
            store.dispatch(Action::SetLang(other));
        }
    };
    markup_host(
        "lang-tool",
        Signal::derive(move || lang_button(lang.get()).to_string()),
        Rc::new(on),
    )
}
