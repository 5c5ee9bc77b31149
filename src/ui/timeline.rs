//! The period timeline: a labelled slider over the current indicator's periods,
//! usable with the arrow keys (a native range input).

use leptos::prelude::*;

use crate::state::Action;
use crate::store::use_store;

/// One period as the timeline shows it.
#[derive(Debug, Clone, PartialEq)]
struct Stop {
    id: String,
    zh: String,
    en: String,
    partial: bool,
}

/// The slider over the indicator's periods; with one period, just its name
/// (the slider and its ends hidden). Built once: a switch of indicator or
/// period only updates the slider's range and value, the label and the ends,
/// so it costs a few attribute and text changes instead of a new subtree.
#[component]
pub fn Timeline() -> impl IntoView {
    let store = use_store();
    let indicator = Memo::new(move |_| store.shown.with(|s| s.as_ref().map(|s| s.0.clone())));
    let period = Memo::new(move |_| {
        store
            .shown
            .with(|s| s.as_ref().map(|s| s.1.clone()).unwrap_or_default())
    });
    let stops = Memo::new(move |_| {
        let (Some(indicator), Some(set)) = (indicator.get(), store.data()) else {
            return Vec::new();
        };
        set.periods_of(&indicator)
            .into_iter()
            .map(|p| Stop {
                id: p.id.clone(),
                zh: p.label_zh.clone(),
                en: p.en_label().unwrap_or_default().to_string(),
                partial: p.partial,
            })
            .collect::<Vec<_>>()
    });
    let index =
        move || stops.with(|ps| period.with(|p| ps.iter().position(|x| &x.id == p).unwrap_or(0)));
    let stop = move || stops.with(|ps| ps.get(index()).cloned());
    let end = move |last: bool| {
        stops.with(|ps| {
            let s = if last { ps.last() } else { ps.first() };
            // (Chinese, " English" where it adds to the Chinese)
            s.map(|p| {
                let en = if p.en.is_empty() {
                    String::new()
                } else {
                    format!(" {}", p.en)
                };
                (p.zh.clone(), en)
            })
            .unwrap_or_default()
        })
    };
    let count = move || stops.with(Vec::len);
    view! {
        <div class="control timeline" class:single=move || count() < 2 hidden=move || count() == 0>
            <label for="period"><span class="zh">"时段 "</span> <span class="en">"Period"</span></label>
            <output class="period-label" for="period">
                <span class="zh">{move || stop().map(|s| if s.en.is_empty() { s.zh } else { format!("{} ·", s.zh) }).unwrap_or_default()}</span> " "
                <span class="en">{move || stop().map(|s| s.en).unwrap_or_default()}</span>
                <span class="partial" hidden=move || !stop().is_some_and(|s| s.partial)>" "<span class="zh">"非全年 "</span>"partial year"</span>
            </output>
            <input
                type="range"
                id="period"
                name="period"
                min="0"
                max=move || count().saturating_sub(1).to_string()
                step="1"
                prop:value=move || index().to_string()
                aria-valuetext=move || stop().map(|s| format!("{} {}", s.zh, s.en).trim_end().to_string()).unwrap_or_default()
                on:input=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    if let Some(id) = stops.with_untracked(|ps| ps.get(i).map(|p| p.id.clone())) {
                        store.dispatch(Action::ChoosePeriod(id));
                    }
                }
            />
            <div class="range-ends" aria-hidden="true">
                <span><span class="zh">{move || end(false).0}</span>{move || end(false).1}</span>
                <span><span class="zh">{move || end(true).0}</span>{move || end(true).1}</span>
            </div>
        </div>
    }
}
