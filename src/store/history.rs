//! The address bar: the page's query read once at start, and every view change
//! written as a history entry. Failures are logged to the console, never dropped.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::Query;

/// The page's query string as it is now.
pub fn current() -> Query {
    Query::parse(&window().location().search().unwrap_or_default())
}

/// How a query reaches the address bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new history entry (a change the person made).
    Push,
    /// In place (the canonical form of the address the page was opened with).
    Replace,
}

/// Writes `query` (without `?`) into the address bar.
pub fn write(query: &str, entry: Entry) {
    let url = format!("?{query}");
    let result = window().history().and_then(|h| match entry {
        Entry::Push => h.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Entry::Replace => h.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    });
    if let Err(e) = result {
        web_sys::console::warn_2(&"shanxi-eco-map: could not write the address".into(), &e);
    }
}

/// Calls `f` with the restored query whenever back or forward is used.
pub fn on_back_forward(f: impl Fn(Query) + 'static) {
    // Dropping the handle keeps the listener: it lives as long as the page.
    let _ = window_event_listener(leptos::ev::popstate, move |_| f(current()));
}
