//! Where the map is, when it is drilled into one prefecture's counties (URL
//! `in`): the province one click back. (The way in is a map tool, beside the
//! zoom: [`crate::ui::map_view`].) Markup ([`breadcrumb`]) in a markup host.

use std::rc::Rc;

use leptos::prelude::*;

use crate::html::breadcrumb;
use crate::state::Action;
use crate::store::use_store;
use crate::ui::markup_host::markup_host;

/// The path from the province to the prefecture shown.
#[component]
pub fn Breadcrumb() -> impl IntoView {
    let store = use_store();
    let markup = Signal::derive(move || {
        let Some(p) = store.within.get() else {
            return String::new();
        };
        let (zh, en) = store.city_names(&p);
        breadcrumb((&zh, &en), store.lang.get())
    });
    let on = move |ev: &web_sys::Event| {
        if ev.type_() == "click"
            && crate::ui::dom::closest_attr(ev, "button[name=province]", "name").is_some()
        {
            store.dispatch(Action::DrillInto(None));
        }
    };
    markup_host("map-level", markup, Rc::new(on))
}
