//! Classing controls for numeric indicators: method, number of classes, manual
//! breaks and palette.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::indicators::{IndicatorSet, Kind};
use crate::i18n::Lang;
use crate::map::classify::{parse_manual, Method, MAX_CLASSES, MIN_CLASSES};
use crate::map::palette::Palette;
use crate::state::ViewState;

/// Method, classes and breaks show for numeric indicators; the palette for all.
#[component]
pub fn ClassingControls(
    /// The indicator data.
    set: Arc<IndicatorSet>,
    /// The current view.
    view: RwSignal<Option<ViewState>>,
) -> impl IntoView {
    let edit = move |f: &dyn Fn(&mut ViewState)| {
        view.update(|v| {
            if let Some(v) = v {
                f(v)
            }
        })
    };
    let lang = move || {
        use_context::<Memo<Lang>>()
            .map(|l| l.get())
            .unwrap_or_default()
    };
    let numeric = {
        let set = set.clone();
        Memo::new(move |_| {
            view.with(|v| {
                v.as_ref()
                    .and_then(|v| set.indicator(&v.indicator))
                    .is_some_and(|i| i.kind == Kind::Numeric)
            })
        })
    };
    let method_memo =
        Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.method).unwrap_or_default()));
    let method = move || method_memo.get();
    let numeric_controls = move || {
        numeric.get().then(|| {
            let methods = Method::ALL.map(|m| view! { <option value=m.id()>{move || lang().both(m.name_zh(), m.name_en(), " ")}</option> });
            let counts = (MIN_CLASSES..=MAX_CLASSES).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view();
            let manual = (method() == Method::Manual).then(|| {
                view! {
                    <label class="control">
                        <span class="zh">"断点 "</span> <span class="en">"Breaks"</span>
                        <input
                            type="text"
                            name="breaks"
                            inputmode="decimal"
                            placeholder="40, 45"
                            prop:value=move || view.with(|v| v.as_ref().map(|v| v.manual.iter().map(|b| crate::format::format_number(*b)).collect::<Vec<_>>().join(", ")).unwrap_or_default())
                            on:change=move |ev| {
                                let (ok, _) = parse_manual(&event_target_value(&ev));
                                edit(&|v| v.manual = ok.clone());
                            }
                        />
                    </label>
                }
            });
            view! {
                <label class="control">
                    <span class="zh">"分级 "</span> <span class="en">"Classing"</span>
                    <select name="method" prop:value=move || method().id() on:change=move |ev| {
                        if let Some(m) = Method::from_id(&event_target_value(&ev)) {
                            edit(&|v| v.method = m);
                        }
                    }>{methods}</select>
                </label>
                <label class="control">
                    <span class="zh">"级数 "</span> <span class="en">"Classes"</span>
                    <select name="classes" prop:value=move || view.with(|v| v.as_ref().map(|v| v.classes.to_string()).unwrap_or_default()) on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                            edit(&|v| v.classes = n);
                        }
                    }>{counts}</select>
                </label>
                {manual}
            }
        })
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
        <div class="classing">
            {numeric_controls}
            <label class="control">
                <span class="zh">"配色 "</span> <span class="en">"Palette"</span>
                <select name="palette" prop:value=move || view.with(|v| v.as_ref().map(|v| v.palette.id()).unwrap_or_default()) on:change=move |ev| {
                    if let Some(p) = Palette::from_id(&event_target_value(&ev)) {
                        edit(&|v| v.palette = p);
                    }
                }>{palettes}</select>
            </label>
        </div>
    }
}
