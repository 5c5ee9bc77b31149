//! A toolbar menu: a `<details class="menu" name="tools">` whose summary names
//! it and whose body is markup in a [`markup_host`]. One component for every
//! menu, so that each costs its markup and its handler, not a view of its own.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::store::use_store;
use crate::ui::markup_host::{markup_host, Handler};

/// A menu of the toolbar, open while the store's tool is `tool`.
///
/// - `class`: the `<details>`' classes ("menu export-menu");
/// - `body_class`: its body's ("menu-body export-tools");
/// - `zh`, `en`: the summary's words;
/// - `body`, `on`: the body's markup and its events' handler.
pub fn menu(
    class: &'static str,
    body_class: &'static str,
    tool: &'static str,
    (zh, en): (&'static str, &'static str),
    body: Signal<String>,
    on: Handler,
) -> impl IntoView {
    let store = use_store();
    view! {
        <details class=class name="tools" prop:open=move || store.tool_open(tool) on:toggle=move |ev| {
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                store.set_tool(tool, d.open());
            }
        }>
            <summary class="tool"><span class="zh">{zh}</span> " " <span class="en">{en}</span></summary>
            {markup_host(body_class, body, on)}
        </details>
    }
}
