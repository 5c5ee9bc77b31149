//! "Embed": a ready `<iframe>` snippet for the current view.
//!
//! Markup ([`crate::html::embed_tools`]) in a [`markup_host`], its events read
//! on the host: as a Leptos view this tool was about 19 KB of wasm.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::{copy_status, embed_snippet, embed_tools};
use crate::state::ViewState;
use crate::store::use_store;
use crate::ui::markup_host::markup_host_then;

/// The element of `selector` as an HTML element, if it is on the page.
fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// A button that shows the snippet for the current view in a read-only box.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let store = use_store();
    let open = move || store.tool_open("embed");
    // Whether the last copy worked (`None` before one).
    let copied = RwSignal::new(None::<bool>);
    let snippet = Memo::new(move |_| {
        if !open() {
            return None;
        }
        let (v, set) = (store.view(ViewState::clone)?, store.data()?);
        let loc = window().location();
        let page = format!(
            "{}{}",
            loc.origin().unwrap_or_default(),
            loc.pathname().unwrap_or_default()
        );
        let ind = set.indicator(&v.indicator);
        let per = set.period(&v.period);
        // The frame's title for the host page's readers, in the map's language.
        let en = format!(
            "Shanxi Eco Map: {} ({})",
            ind.map(|i| i.name_en.as_str()).unwrap_or_default(),
            per.map(|p| p.label_en.as_str()).unwrap_or_default()
        );
        let title = if v.lang == crate::i18n::Lang::En {
            en
        } else {
            format!(
                "山西生态环境地图：{}（{}） {en}",
                ind.map(|i| i.name_zh.as_str()).unwrap_or_default(),
                per.map(|p| p.label_zh.as_str()).unwrap_or_default(),
            )
        };
        let mut plain = v.clone();
        plain.embed = false;
        Some(embed_snippet(&page, &plain.to_query(), &title))
    });
    // Through the Clipboard API; where it is refused, the code is selected for
    // the reader to copy, and the status says how.
    let copy = move || {
        let text = snippet.get_untracked().unwrap_or_default();
        let done = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(done).await.is_ok();
            if !ok {
                if let Some(t) = find("textarea[name=embed-code]")
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                {
                    let _ = t.focus();
                    t.select();
                }
            }
            copied.set(Some(ok));
        });
    };
    // A dialog for the keyboard: opening it focuses the code; Tab and
    // Shift-Tab stay inside it; closing it (Escape, Close) gives the focus back
    // to the Embed button, unless the reader has moved it elsewhere.
    Effect::new(move |was: Option<bool>| {
        let now = open();
        if now && was != Some(true) {
            request_animation_frame(|| {
                if let Some(t) = find(".embed-box textarea") {
                    let _ = t.focus();
                }
            });
        }
        if !now && was == Some(true) {
            let lost = document().active_element().is_none_or(|a| {
                a.tag_name() == "BODY" || a.closest(".embed-tools").ok().flatten().is_some()
            });
            if let (true, Some(b)) = (lost, find(".embed-tools > button")) {
                let _ = b.focus();
            }
        }
        now
    });
    let markup = Signal::derive(move || embed_tools(open(), &snippet.get().unwrap_or_default()));
    // The status in place: a live region that changes is heard.
    let after = move |el: &web_sys::Element| {
        let said = copy_status(copied.get());
        if let Ok(Some(status)) = el.query_selector(".copy-status") {
            if status.text_content().as_deref() != Some(said) {
                status.set_text_content(Some(said));
            }
        }
    };
    let on = move |ev: &web_sys::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        match ev.type_().as_str() {
            "click" => {
                let name = target
                    .closest("button")
                    .ok()
                    .flatten()
                    .and_then(|b| b.get_attribute("name"));
                match name.as_deref() {
                    Some("embed") => {
                        copied.set(None);
                        store.set_tool("embed", !open());
                    }
                    Some("copy-embed") => copy(),
                    Some("close-embed") => store.set_tool("embed", false),
                    _ => {}
                }
            }
            "focusin" => {
                if let Ok(t) = target.dyn_into::<web_sys::HtmlTextAreaElement>() {
                    t.select();
                }
            }
            "keydown" => trap(ev),
            _ => {}
        }
    };
    markup_host_then(
        NodeRef::new(),
        "embed-tools",
        markup,
        Rc::new(on),
        Some(Rc::new(after)),
    )
}

/// Keeps Tab and Shift-Tab inside the open dialog: the code first, the Close
/// button last.
fn trap(ev: &web_sys::Event) {
    let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if key.key() != "Tab" {
        return;
    }
    let (Some(first), Some(last)) = (
        find(".embed-box textarea"),
        find(".embed-box button:last-of-type"),
    ) else {
        return;
    };
    let active = document().active_element();
    let is = |e: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>())
    };
    if key.shift_key() && is(&first) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !key.shift_key() && is(&last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
