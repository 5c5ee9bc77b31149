//! "Embed": a ready `<iframe>` snippet for the current view.

use leptos::prelude::*;

use crate::html::embed_snippet;
use crate::state::ViewState;
use crate::store::use_store;

/// A button that shows the snippet for the current view in a read-only box.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let store = use_store();
    let open = move || store.tool_open("embed");
    // Whether the last copy worked (`None` before one).
    let copied = RwSignal::new(None::<bool>);
    // Through the Clipboard API; where it is refused, the code is selected for
    // the reader to copy, and the status says how.
    let copy = move |text: String| {
        let done = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(done).await.is_ok();
            if !ok {
                use wasm_bindgen::JsCast;
                if let Some(t) = document()
                    .query_selector("textarea[name=embed-code]")
                    .ok()
                    .flatten()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                {
                    let _ = t.focus();
                    t.select();
                }
            }
            copied.set(Some(ok));
        });
    };
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
    // A dialog for the keyboard: opening it focuses the code; Tab and
    // Shift-Tab stay inside it; closing it (Escape, Close) gives the focus back
    // to the Embed button, unless the reader has moved it elsewhere.
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |was: Option<bool>| {
        use wasm_bindgen::JsCast;
        let now = open();
        if now && was != Some(true) {
            request_animation_frame(|| {
                if let Some(t) = document()
                    .query_selector(".embed-box textarea")
                    .ok()
                    .flatten()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = t.focus();
                }
            });
        }
        if !now && was == Some(true) {
            let lost = document().active_element().is_none_or(|a| {
                a.tag_name() == "BODY" || a.closest(".embed-tools").ok().flatten().is_some()
            });
            if let (true, Some(b)) = (lost, button.get_untracked()) {
                let _ = b.focus();
            }
        }
        now
    });
    let trap = move |ev: leptos::ev::KeyboardEvent| {
        use wasm_bindgen::JsCast;
        if ev.key() != "Tab" {
            return;
        }
        let Some(bx) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let find = |css: &str| {
            bx.query_selector(css)
                .ok()
                .flatten()
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        };
        // The code first, the Close button last.
        let (Some(first), Some(last)) = (find("textarea"), find("button:last-of-type")) else {
            return;
        };
        let active = document().active_element();
        let is = |e: &web_sys::HtmlElement| {
            active
                .as_ref()
                .is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>())
        };
        if ev.shift_key() && is(&first) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && is(&last) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    view! {
        <div class="embed-tools">
            <button type="button" class="tool" node_ref=button aria-expanded=move || open().to_string() on:click=move |_| { copied.set(None); store.set_tool("embed", !open()) }><span class="zh">"嵌入 "</span> <span class="en">"Embed"</span></button>
            {move || open().then(|| view! {
                <div class="embed-box" role="dialog" aria-label="嵌入代码 Embed code" on:keydown=trap>
                    <p><span class="zh">"将以下代码粘贴到网页中，地图会显示当前视图，并自动调整高度。 "</span> <span class="en">"Paste this into a page to show the current view; it sizes itself to the map."</span></p>
                    <textarea name="embed-code" aria-label="嵌入代码 Embed code" readonly rows="4" prop:value=move || snippet.get().unwrap_or_default() on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                            t.select();
                        }
                    }></textarea>
                    <button type="button" class="tool" name="copy-embed" on:click=move |_| copy(snippet.get_untracked().unwrap_or_default())><span class="zh">"复制 "</span> <span class="en">"Copy"</span></button>
                    " "
                    <button type="button" class="tool" on:click=move |_| store.set_tool("embed", false)><span class="zh">"关闭 "</span> <span class="en">"Close"</span></button>
                    <span class="copy-status" role="status">{move || copied.get().map(|ok| if ok { "已复制 Copied" } else { "请按 Ctrl+C（⌘C）复制 Press Ctrl+C (⌘C) to copy" })}</span>
                </div>
            })}
        </div>
    }
}
