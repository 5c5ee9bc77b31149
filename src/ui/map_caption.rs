//! The map in words, under it: what is shown, for which period, the best and
//! the worst, the cities without data and the source
//! ([`crate::present::caption`]). It is the map's accessible description
//! (`aria-describedby`), and one click copies it in the page's language.

use leptos::prelude::*;

use crate::html::caption_html;
use crate::i18n::Lang;
use crate::present::caption::caption_with_overlay;
use crate::store::use_store;

/// The `id` the map's picture points to for its description.
pub const CAPTION_ID: &str = "map-caption";

/// The caption of the view shown, with a Copy button.
#[component]
pub fn MapCaption() -> impl IntoView {
    let store = use_store();
    // The overlay's indicator and period, if one is drawn.
    let over = Memo::new(move |_| {
        store
            .overlay
            .with(|o| o.as_ref().map(|o| (o.indicator.clone(), o.period.clone())))
    });
    let markup = Memo::new(move |_| {
        let (set, map) = (store.data()?, store.drawn_map()?);
        let over = over.get();
        let over = over.as_ref().map(|(i, p)| (i.as_str(), p.as_str()));
        store.shown.with(|s| {
            let (indicator, period) = s.as_ref()?;
            Some(caption_html(
                &set,
                indicator,
                period,
                &map.boundaries.regions,
                over,
            ))
        })
    });
    // Whether the last copy worked (`None` before one, and after a change).
    let copied = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        markup.track();
        copied.set(None);
    });
    let copy = move |_| {
        let (Some(set), Some(map)) = (store.data(), store.drawn_map()) else {
            return;
        };
        let lang = store.lang.get_untracked();
        let over = over.get_untracked();
        let over = over.as_ref().map(|(i, p)| (i.as_str(), p.as_str()));
        let text = store.shown.with_untracked(|s| {
            let (indicator, period) = s.as_ref()?;
            caption_with_overlay(&set, indicator, period, &map.boundaries.regions, over, lang)
        });
        let Some(text) = text else { return };
        let done = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            copied.set(Some(
                wasm_bindgen_futures::JsFuture::from(done).await.is_ok(),
            ));
        });
    };
    let said = move || match (copied.get(), store.lang.get()) {
        (Some(true), Lang::Zh) => "已复制 Copied",
        (Some(true), Lang::En) => "Copied",
        (Some(false), Lang::Zh) => "无法复制，请选中文字 Select the text to copy it",
        (Some(false), Lang::En) => "Select the text to copy it",
        (None, _) => "",
    };
    view! {
        <div class="map-caption" hidden=move || markup.with(|m| m.as_deref().unwrap_or_default().is_empty())>
            <p id=CAPTION_ID inner_html=move || markup.get().unwrap_or_default()></p>
            <button type="button" name="copy-caption" class="copy-caption" on:click=copy>
                <span class="zh">"复制说明 "</span> <span class="en">"Copy caption"</span>
            </button>
            <span class="copy-status" aria-live="polite">{said}</span>
        </div>
    }
}
