//! The period timeline: a labelled slider over the current indicator's periods,
//! usable with the arrow keys (a native range input).

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::indicators::IndicatorSet;
use crate::format::escape;
use crate::state::ViewState;

/// One period as the timeline shows it: id, Chinese and English label, partial.
type Stop = (String, String, String, bool);

/// Shown when the indicator has more than one period; one period is just named.
/// Rebuilt only when the indicator changes; moving between periods only updates
/// the slider's value and label.
#[component]
pub fn Timeline(
    /// The indicator data.
    set: Arc<IndicatorSet>,
    /// The current view.
    view: RwSignal<Option<ViewState>>,
) -> impl IntoView {
    let indicator = Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.indicator.clone())));
    let period =
        Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.period.clone()).unwrap_or_default()));
    move || {
        let indicator = indicator.get()?;
        let stops: Vec<Stop> = set
            .periods_of(&indicator)
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
        let count = stops.len();
        let first = stops
            .first()
            .map(|p| format!("{} {}", p.1, p.2))
            .unwrap_or_default();
        let last = stops
            .last()
            .map(|p| format!("{} {}", p.1, p.2))
            .unwrap_or_default();
        let stops = StoredValue::new(stops);
        let index = move || {
            stops.with_value(|ps| period.with(|p| ps.iter().position(|x| &x.0 == p).unwrap_or(0)))
        };
        let label = move || {
            stops
                .with_value(|ps| {
                    ps.get(index()).map(|(_, zh, en, partial)| {
                        let partial = if *partial {
                            r#" <span class="partial">非全年 partial year</span>"#
                        } else {
                            ""
                        };
                        format!(
                            r#"<span class="zh">{} ·</span> <span class="en">{}</span>{partial}"#,
                            escape(zh),
                            escape(en)
                        )
                    })
                })
                .unwrap_or_default()
        };
        let text = move || {
            stops.with_value(|ps| {
                ps.get(index())
                    .map(|p| format!("{} {}", p.1, p.2))
                    .unwrap_or_default()
            })
        };
        let current =
            view! { <output class="period-label" for="period" inner_html=label></output> };
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
                        aria-valuetext=text
                        on:input=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            if let Some(id) = stops.with_value(|ps| ps.get(i).map(|p| p.0.clone())) {
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
