//! The address bar: the page's query read once at start, and every view change
//! written as a history entry once changes settle. Failures are logged to the console, never dropped.

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

/// How long a change waits before it becomes a history entry. Changes closer
/// together than this (arrow keys through the periods, trying indicators one
/// after another) become one entry, and the switch itself does not pay for it:
/// `history.pushState` took 1.9 ms of the 7 ms of script per indicator switch
/// in a Chromium profile here.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

thread_local! {
    /// A push waiting for [`SETTLE`]: the address it writes and its timer.
    static PENDING: std::cell::RefCell<Option<(String, TimeoutHandle)>> =
        const { std::cell::RefCell::new(None) };
}

/// Writes `query` (without `?`) into the address bar: a replacement at once,
/// a new entry once the changes settle.
pub fn write(query: &str, entry: Entry) {
    let url = format!("?{query}");
    match entry {
        Entry::Replace => {
            cancel();
            set(&url, entry);
        }
        Entry::Push => {
            let timer = set_timeout_with_handle(flush, SETTLE);
            let pending = timer.ok().map(|t| (url.clone(), t));
            let had = PENDING.with(|p| std::mem::replace(&mut *p.borrow_mut(), pending.clone()));
            if let Some((_, t)) = had {
                t.clear();
            }
            if pending.is_none() {
                // No timer (cannot happen in a browser): write at once.
                set(&url, entry);
            }
        }
    }
}

/// Writes the waiting entry now (its timer fired, or the page is going away).
pub fn flush() {
    if let Some((url, t)) = PENDING.with(|p| p.borrow_mut().take()) {
        t.clear();
        set(&url, Entry::Push);
    }
}

/// Drops the waiting entry (back or forward was used: that address wins).
fn cancel() {
    if let Some((_, t)) = PENDING.with(|p| p.borrow_mut().take()) {
        t.clear();
    }
}

fn set(url: &str, entry: Entry) {
    let result = window().history().and_then(|h| match entry {
        Entry::Push => h.push_state_with_url(&JsValue::NULL, "", Some(url)),
        Entry::Replace => h.replace_state_with_url(&JsValue::NULL, "", Some(url)),
    });
    if let Err(e) = result {
        web_sys::console::warn_2(&"shanxi-eco-map: could not write the address".into(), &e);
    }
}

/// Calls `f` with the restored query whenever back or forward is used.
pub fn on_back_forward(f: impl Fn(Query) + 'static) {
    // Dropping the handles keeps the listeners: they live as long as the page.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        cancel();
        f(current())
    });
    // A change still waiting is written when the page is left, so that Back
    // returns to it. (A reload within SETTLE of a change reloads the address
    // before it: the browser takes the address before the page hears of it.)
    let _ = window_event_listener(leptos::ev::pagehide, |_| flush());
}
