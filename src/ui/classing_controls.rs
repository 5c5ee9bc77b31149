//! Classing controls for numeric indicators: method, number of classes, manual
//! breaks and palette, in a toolbar menu. Markup ([`classing_body`]) redrawn
//! when the view's classing changes; choices are read on its body.

use std::rc::Rc;

use leptos::prelude::*;

use crate::data::indicators::Kind;
use crate::format::format_number;
use crate::html::{classing_body, Classing};
use crate::map::classify::{parse_manual, Method};
use crate::map::palette::Palette;
use crate::state::Action;
use crate::store::use_store;
use crate::ui::menu::menu;

/// A menu in the toolbar (one click away): method, classes and breaks for
/// numeric indicators; the palette for all.
#[component]
pub fn ClassingControls() -> impl IntoView {
    let store = use_store();
    let numeric = Memo::new(move |_| {
        let set = store.data();
        store.shown.with(|s| {
            s.as_ref()
                .zip(set)
                .and_then(|((indicator, _), set)| set.indicator(indicator).map(|i| i.kind))
                == Some(Kind::Numeric)
        })
    });
    let body = Signal::derive(move || {
        let numeric = numeric.get();
        let lang = store.lang.get();
        store
            .view(|v| {
                let breaks: Vec<String> = v.manual.iter().map(|b| format_number(*b)).collect();
                classing_body(&Classing {
                    numeric,
                    method: v.method,
                    classes: v.classes,
                    breaks: &breaks.join(", "),
                    palette: v.palette,
                    lang,
                })
            })
            .unwrap_or_default()
    });
    let on = move |ev: &web_sys::Event| {
        if ev.type_() != "change" {
            return;
        }
        let value = event_target_value(ev);
        let name = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|e| e.get_attribute("name"));
        let action = match name.as_deref() {
            Some("method") => Method::from_id(&value).map(Action::SetMethod),
            Some("classes") => value.parse().ok().map(Action::SetClasses),
            Some("breaks") => Some(Action::SetBreaks(parse_manual(&value).0)),
            Some("palette") => Palette::from_id(&value).map(Action::SetPalette),
            _ => None,
        };
        if let Some(a) = action {
            store.dispatch(a);
        }
    };
    menu(
        "menu classing-menu",
        "menu-body classing",
        "classes",
        ("分级配色 ", "Classes"),
        body,
        Rc::new(on),
    )
}
