//! Classing controls for numeric indicators: method, number of classes, manual
//! breaks and palette.

use leptos::prelude::*;

use crate::data::indicators::Kind;
use crate::format::format_number;
use crate::i18n::Lang;
use crate::map::classify::{parse_manual, Method, MAX_CLASSES, MIN_CLASSES};
use crate::map::palette::Palette;
use crate::state::{Action, ViewState};
use crate::store::use_store;

/// A menu in the toolbar (one click away): method, classes and breaks for
/// numeric indicators; the palette for all.
#[component]
pub fn ClassingControls() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let numeric = Memo::new(move |_| {
        let set = store.data();
        store.shown.with(|s| {
            s.as_ref()
                .zip(set)
                .and_then(|((indicator, _), set)| set.indicator(indicator).map(|i| i.kind))
                == Some(Kind::Numeric)
        })
    });
    let view = move |f: fn(&ViewState) -> String| store.view(f).unwrap_or_default();
    let method_memo = Memo::new(move |_| store.view(|v| v.method).unwrap_or_default());
    let method = move || method_memo.get();
    // Built once and shown or hidden: a switch between numeric and other
    // layers changes two `hidden` attributes, not the menu's subtree.
    let methods = Method::ALL.map(|m| view! { <option value=m.id()>{move || lang().both(m.name_zh(), m.name_en(), " ")}</option> });
    let counts = (MIN_CLASSES..=MAX_CLASSES)
        .map(|n| view! { <option value=n.to_string()>{n}</option> })
        .collect_view();
    let numeric_controls = view! {
        <label class="control" hidden=move || !numeric.get()>
            <span class="zh">"分级 "</span> <span class="en">"Classing"</span>
            <select name="method" prop:value=move || method().id() on:change=move |ev| {
                if let Some(m) = Method::from_id(&event_target_value(&ev)) {
                    store.dispatch(Action::SetMethod(m));
                }
            }>{methods}</select>
        </label>
        <label class="control" hidden=move || !numeric.get()>
            <span class="zh">"级数 "</span> <span class="en">"Classes"</span>
            <select name="classes" prop:value=move || view(|v| v.classes.to_string()) on:change=move |ev| {
                if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                    store.dispatch(Action::SetClasses(n));
                }
            }>{counts}</select>
        </label>
        <label class="control" hidden=move || !(numeric.get() && method() == Method::Manual)>
            <span class="zh">"断点 "</span> <span class="en">"Breaks"</span>
            <input
                type="text"
                name="breaks"
                inputmode="decimal"
                placeholder="40, 45"
                prop:value=move || view(|v| v.manual.iter().map(|b| format_number(*b)).collect::<Vec<_>>().join(", "))
                on:change=move |ev| {
                    let (ok, _) = parse_manual(&event_target_value(&ev));
                    store.dispatch(Action::SetBreaks(ok));
                }
            />
        </label>
    };
    let palettes = Palette::ALL.map(|p| {
        view! {
            <option value=p.id()>
                {move || {
                    let name = p.name();
                    if lang() == Lang::En { name.split_once(' ').map(|(_, en)| en.to_string()).unwrap_or_else(|| name.to_string()) } else { name.to_string() }
                }}
            </option>
        }
    });
    view! {
        <details class="menu classing-menu" name="tools" prop:open=move || store.tool_open("classes") on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                store.set_tool("classes", d.open());
            }
        }>
            <summary class="tool"><span class="zh">"分级配色 "</span> <span class="en">"Classes"</span></summary>
            <div class="menu-body classing">
            {numeric_controls}
            <label class="control">
                <span class="zh">"配色 "</span> <span class="en">"Palette"</span>
                <select name="palette" prop:value=move || view(|v| v.palette.id().to_string()) on:change=move |ev| {
                    if let Some(p) = Palette::from_id(&event_target_value(&ev)) {
                        store.dispatch(Action::SetPalette(p));
                    }
                }>{palettes}</select>
            </label>
            </div>
        </details>
    }
}
