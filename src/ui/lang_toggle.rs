//! Switches the map, its legend, tooltip, names and exports between Chinese
//! (with English beside it) and English.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::Action;
use crate::store::use_store;

/// One button naming the other language.
#[component]
pub fn LangToggle() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
        <button
            type="button"
            class="tool"
            name="lang"
            lang=move || if lang.get() == Lang::En { "zh-CN" } else { "en" }
            on:click=move |_| {
                let other = if lang.get_untracked() == Lang::En { Lang::Zh } else { Lang::En };
                store.dispatch(Action::SetLang(other));
            }
        >
            {move || if lang.get() == Lang::En { "中文" } else { "English" }}
        </button>
    }
}
