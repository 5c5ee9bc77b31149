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

/// Shown when the indicator has more than one period; one period is just named.
/// Rebuilt only when the indicator changes; moving between periods only updates
/// the slider's value and label.
#[component]
pub fn Timeline() -> impl IntoView {
    let store = use_store();
    let indicator = Memo::new(move |_| store.shown.with(|s| s.as_ref().map(|s| s.0.clone())));
    let period = Memo::new(move |_| {
        store
            .shown
            .with(|s| s.as_ref().map(|s| s.1.clone()).unwrap_or_default())
    });
    move || {
        let indicator = indicator.get()?;
        let set = store.data()?;
        let stops: Vec<Stop> = set
            .periods_of(&indicator)
            .into_iter()
            .map(|p| Stop {
                id: p.id.clone(),
                zh: p.label_zh.clone(),
                en: p.label_en.clone(),
                partial: p.partial,
            })
            .collect();
        let count = stops.len();
        let end = |s: Option<&Stop>| s.map(|p| format!("{} {}", p.zh, p.en)).unwrap_or_default();
        let (first, last) = (end(stops.first()), end(stops.last()));
        let stops = StoredValue::new(stops);
        let index = move || {
            stops.with_value(|ps| period.with(|p| ps.iter().position(|x| &x.id == p).unwrap_or(0)))
        };
        let stop = move || stops.with_value(|ps| ps.get(index()).cloned());
        let current = view! {
            <output class="period-label" for="period">
                {move || stop().map(|s| view! {
                    <span class="zh">{s.zh} " ·"</span> " " <span class="en">{s.en}</span>
                    {s.partial.then(|| view! { " " <span class="partial">"非全年 partial year"</span> })}
                })}
            </output>
        };
        if count < 2 {
            return Some(view! { <div class="control timeline single"><span class="zh">"时段 "</span> <span class="en">"Period"</span> " " {current}</div> }.into_any());
        }
        Some(
            view! {
                <div class="control timeline">
                    <label for="period"><span class="zh">"时段 "</span> <span class="en">"Period"</span></label>
                    {current}
                    <input
                        type="range"
                        id="period"
                        name="period"
                        min="0"
                        max=(count - 1).to_string()
                        step="1"
                        prop:value=move || index().to_string()
                        aria-valuetext=move || stop().map(|s| format!("{} {}", s.zh, s.en)).unwrap_or_default()
                        on:input=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            if let Some(id) = stops.with_value(|ps| ps.get(i).map(|p| p.id.clone())) {
                                store.dispatch(Action::ChoosePeriod(id));
                            }
                        }
                    />
                    <div class="range-ends" aria-hidden="true"><span>{first}</span><span>{last}</span></div>
                </div>
            }
            .into_any(),
        )
    }
}
