//! Small notices: parts of the URL that could not be used, files that failed.
//! Markup ([`notices`]) in a markup host; its buttons are read on the host.

use std::rc::Rc;

use leptos::prelude::*;

use crate::html::notices;
use crate::store::use_store;

use crate::ui::markup_host::markup_host;

/// A dismissable list of notices; nothing when there are none.
#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    // A file that failed (the county boundaries) can be loaded again.
    let markup = Signal::derive(move || notices(&store.notices(), store.counties_failed()));
    let on = move |ev: &web_sys::Event| {
        if ev.type_() != "click" {
            return;
        }
        if crate::ui::dom::closest_attr(ev, "button.retry", "class").is_some() {
            store.retry_counties();
        } else if crate::ui::dom::closest_attr(ev, "button.dismiss", "class").is_some() {
            store.dismiss_notices();
        }
    };
    markup_host("notices", markup, Rc::new(on))
}
