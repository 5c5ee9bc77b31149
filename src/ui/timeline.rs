//! The period timeline: a labelled slider over the current indicator's periods,
//! usable with the arrow keys (a native range input). An indicator with single
//! months and spans from January gets a switch between the two runs; the
//! slider never mixes them.

use leptos::prelude::*;

use crate::data::indicators::Series;
use crate::state::Action;
use crate::store::use_store;

/// An end label longer than this many characters (Chinese) may take a line
/// of its own ("2024年1—6月（省控断面）" is 16; "2023年1—11月" is 9).
const LONG_END: usize = 12;

/// One period as the timeline shows it.
#[derive(Debug, Clone, PartialEq)]
struct Stop {
    id: String,
    zh: String,
    en: String,
    /// The English says more than the Chinese ("Jan–Nov 2023" beside
    /// "2023年1—11月", not "2023" beside "2023年"): shown beside it in Chinese
    /// mode; otherwise only in English mode.
    en_adds: bool,
    partial: bool,
}

impl Stop {
    /// The class of the English label's element.
    fn en_class(&self) -> &'static str {
        if self.en_adds {
            "en"
        } else {
            "en-only"
        }
    }
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
    // The indicator's runs of periods (since January, single months), and the
    // one the current period is in: the slider shows that run only.
    let runs = Memo::new(move |_| {
        let (Some(indicator), Some(set)) = (indicator.get(), store.data()) else {
            return Vec::new();
        };
        set.series_of(&indicator)
    });
    let run = Memo::new(move |_| {
        let set = store.data()?;
        period.with(|p| set.period(p).map(|p| p.series()))
    });
    let stops = Memo::new(move |_| {
        let (Some(indicator), Some(set), Some(run)) = (indicator.get(), store.data(), run.get())
        else {
            return Vec::new();
        };
        set.periods_in(&indicator, run)
            .into_iter()
            .map(|p| Stop {
                id: p.id.clone(),
                zh: p.label_zh.clone(),
                en: p.label_en.clone(),
                en_adds: p.en_label().is_some(),
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
            s.cloned()
        })
    };
    let count = move || stops.with(Vec::len);
    // To another run: its newest period.
    let switch_to = move |to: Series| {
        let (Some(indicator), Some(set)) = (indicator.get_untracked(), store.data()) else {
            return;
        };
        if let Some(p) = set.periods_in(&indicator, to).last() {
            store.dispatch(Action::ChoosePeriod(p.id.clone()));
        }
    };
    let buttons = [Series::SinceJanuary, Series::Other, Series::Month].map(|s| {
        let t = s.text();
        view! {
            <button
                type="button"
                name="series"
                value=s.id()
                hidden=move || !runs.with(|r| r.len() > 1 && r.contains(&s))
                aria-pressed=move || (run.get() == Some(s)).to_string()
                on:click=move |_| switch_to(s)
            ><span class="zh">{t.zh}</span> <span class="en">{t.en}</span></button>
        }
    });
    view! {
        <div class="control timeline" class:single=move || count() < 2 && runs.with(|r| r.len() < 2) class:one-stop=move || count() < 2 hidden=move || count() == 0>
            <label for="period"><span class="zh">"时段 "</span> <span class="en">"Period"</span></label>
            <output class="period-label" for="period">
                <span class="zh">{move || stop().map(|s| if s.en_adds { format!("{} ·", s.zh) } else { s.zh }).unwrap_or_default()}</span> " "
                <span class=move || stop().map(|s| s.en_class()).unwrap_or("en")>{move || stop().map(|s| s.en).unwrap_or_default()}</span>
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
                aria-valuetext=move || stop().map(|s| if s.en_adds { format!("{} {}", s.zh, s.en) } else { s.zh }).unwrap_or_default()
                on:input=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    if let Some(id) = stops.with_untracked(|ps| ps.get(i).map(|p| p.id.clone())) {
                        store.dispatch(Action::ChoosePeriod(id));
                    }
                }
            />
            <div class="range-ends" class:long=move || [false, true].iter().any(|last| end(*last).is_some_and(|s| s.zh.chars().count() > LONG_END))>
                <span aria-hidden="true"><span class="zh">{move || end(false).map(|s| s.zh).unwrap_or_default()}</span>" "<span class=move || end(false).map(|s| s.en_class()).unwrap_or("en")>{move || end(false).map(|s| s.en).unwrap_or_default()}</span></span>
                <span class="series" role="group" aria-label="时段类型 Kind of period" hidden=move || runs.with(|r| r.len() < 2)>{buttons}</span>
                <span aria-hidden="true"><span class="zh">{move || end(true).map(|s| s.zh).unwrap_or_default()}</span>" "<span class=move || end(true).map(|s| s.en_class()).unwrap_or("en")>{move || end(true).map(|s| s.en).unwrap_or_default()}</span></span>
            </div>
        </div>
    }
}
