//! One container for markup: the content is a string built by [`crate::html`],
//! written only when it changes, and its events are handled by one function on
//! the container (delegation).
//!
//! Why: each distinct Leptos `view!` type adds its own code to the wasm, and
//! the toolbar's tools, the filters and the dialogs were a few KB each as
//! views. This host is one type, instantiated once, whatever it shows; a part
//! drawn through it costs its markup function and its event handler only.
//!
//! Redrawing keeps the focus ([`redraw`]): a `<select>` redrawn after a
//! choice keeps it, as a Leptos view would.

use std::rc::Rc;

use leptos::prelude::*;

use crate::ui::dom::{keep_listening, redraw, set_attr};

/// What handles the events (`click`, `change`, `input`, `keydown`, `focusin`,
/// `focusout`, `mouseover`, `dragover`, `dragleave`, `drop`) that happen in a
/// host, whichever element they happen on, and `mouseleave` of the host.
pub type Handler = Rc<dyn Fn(&web_sys::Event)>;

/// The events a host hands to its handler.
const EVENTS: [&str; 11] = [
    "click",
    "change",
    "input",
    "keydown",
    "focusin",
    "focusout",
    "mouseover",
    "mouseleave",
    "dragover",
    "dragleave",
    "drop",
];

/// A `<div class=class>` showing `markup` (hidden while it is empty), with
/// `on` called for each event in it.
pub fn markup_host(class: &'static str, markup: Signal<String>, on: Handler) -> impl IntoView {
    markup_host_at(NodeRef::new(), class, markup, on)
}

/// [`markup_host`] whose element is `root`, for a part that also changes its
/// content in place (see `ui::timeline`).
pub fn markup_host_at(
    root: NodeRef<leptos::html::Div>,
    class: &'static str,
    markup: Signal<String>,
    on: Handler,
) -> impl IntoView {
    markup_host_then(root, class, markup, on, None)
}

/// What a host does after its markup is in place: it runs after every write
/// and whenever what it reads changes (e.g. setting a select's value, so that
/// a new value does not redraw the select).
pub type After = Rc<dyn Fn(&web_sys::Element)>;

/// [`markup_host_at`] that runs `after` on its element after each write of
/// the markup and whenever what `after` reads changes, in the same effect, so
/// that it always sees the markup in place.
pub fn markup_host_then(
    root: NodeRef<leptos::html::Div>,
    class: &'static str,
    markup: Signal<String>,
    on: Handler,
    after: Option<After>,
) -> impl IntoView {
    Effect::new(move |last: Option<String>| {
        let now = markup.get();
        let Some(el) = root.get() else {
            return String::new();
        };
        if redraw(&el, last.as_deref(), &now) {
            set_attr(&el, "hidden", now.is_empty().then_some(""));
        }
        if let Some(f) = &after {
            f(&el);
        }
        now
    });
    // The browser's own listeners, one function for all: as Leptos `on:`
    // bindings the host was about 6 KB bigger.
    keep_listening(root, &EVENTS, move |ev| on(ev));
    view! {
        <div class=class node_ref=root hidden></div>
    }
}
