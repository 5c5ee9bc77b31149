//! Switches the map, its legend, tooltip, names and exports between Chinese
//! (with English beside it) and English.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::ViewState;

/// One button naming the other language.
#[component]
pub fn LangToggle(
    /// The current view (its `lang`).
    view: RwSignal<Option<ViewState>>,
    /// The current language.
    lang: Memo<Lang>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="tool"
            name="lang"
            lang=move || if lang.get() == Lang::En { "zh-CN" } else { "en" }
            on:click=move |_| {
                view.update(|v| {
                    if let Some(v) = v {
                        v.lang = if v.lang == Lang::En { Lang::Zh } else { Lang::En };
                    }
                })
            }
        >
            {move || if lang.get() == Lang::En { "中文" } else { "English" }}
        </button>
    }
}
