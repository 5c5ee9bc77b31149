//! "Embed": a ready `<iframe>` snippet for the current view.

use leptos::prelude::*;

use crate::html::embed_snippet;
use crate::state::ViewState;
use crate::store::use_store;

/// A button that shows the snippet for the current view in a read-only box.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(false);
    let snippet = Memo::new(move |_| {
        if !open.get() {
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
        let title = format!(
            "山西生态环境地图：{}（{}） Shanxi Eco Map: {} ({})",
            ind.map(|i| i.name_zh.as_str()).unwrap_or_default(),
            per.map(|p| p.label_zh.as_str()).unwrap_or_default(),
            ind.map(|i| i.name_en.as_str()).unwrap_or_default(),
            per.map(|p| p.label_en.as_str()).unwrap_or_default()
        );
        let mut plain = v.clone();
        plain.embed = false;
        Some(embed_snippet(&page, &plain.to_query(), &title))
    });
    view! {
        <div class="embed-tools">
            <button type="button" class="tool" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)><span class="zh">"嵌入 "</span> <span class="en">"Embed"</span></button>
            {move || open.get().then(|| view! {
                <div class="embed-box" role="dialog" aria-label="嵌入代码 Embed code">
                    <p><span class="zh">"将以下代码粘贴到网页中，地图会随当前视图显示。 "</span> <span class="en">"Paste this into a page to show the current view; see docs/embedding.md to size it automatically."</span></p>
                    <textarea name="embed-code" readonly rows="4" prop:value=move || snippet.get().unwrap_or_default() on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                            t.select();
                        }
                    }></textarea>
                    <button type="button" class="tool" on:click=move |_| open.set(false)><span class="zh">"关闭 "</span> <span class="en">"Close"</span></button>
                </div>
            })}
        </div>
    }
}
