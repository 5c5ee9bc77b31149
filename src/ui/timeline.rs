//! The period timeline: a labelled slider over the current indicator's periods,
//! usable with the arrow keys (a native range input).

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::indicators::IndicatorSet;
use crate::state::ViewState;

/// Shown when the indicator has more than one period; one period is just named.
#[component]
pub fn Timeline(
    /// The indicator data.
    set: Arc<IndicatorSet>,
    /// The current view.
    view: RwSignal<Option<ViewState>>,
) -> impl IntoView {
    move || {
        let v = view.get()?;
        let periods: Vec<(String, String, String, bool)> = set
            .periods_of(&v.indicator)
            .into_iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.label_zh.clone(),
                    p.label_en.clone(),
                    p.partial,
                )
            })
            .collect();
        let index = periods.iter().position(|p| p.0 == v.period).unwrap_or(0);
        let (_, zh, en, partial) = periods.get(index).cloned()?;
        let partial =
            partial.then_some(view! { <span class="partial">" 非全年 partial year"</span> });
        let current = view! { <output class="period-label" for="period">{zh.clone()} " · " <span class="en">{en.clone()}</span> {partial}</output> };
        if periods.len() < 2 {
            return Some(view! { <div class="control timeline single">"时段 " <span class="en">"Period"</span> " " {current}</div> }.into_any());
        }
        let max = periods.len() - 1;
        let ids: Vec<String> = periods.iter().map(|p| p.0.clone()).collect();
        let first = format!("{} {}", periods[0].1, periods[0].2);
        let last = format!("{} {}", periods[max].1, periods[max].2);
        Some(
            view! {
                <div class="control timeline">
                    <label for="period">"时段 " <span class="en">"Period"</span></label>
                    {current}
                    <input
                        type="range"
                        id="period"
                        name="period"
                        min="0"
                        max=max.to_string()
                        step="1"
                        prop:value=index.to_string()
                        aria-valuetext=format!("{zh} {en}")
                        on:input=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            if let Some(id) = ids.get(i) {
                                let id = id.clone();
                                view.update(|v| {
                                    if let Some(v) = v {
                                        v.period = id;
                                    }
                                });
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
