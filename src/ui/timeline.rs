//! The period timeline: a labelled slider over the current indicator's periods,
//! usable with the arrow keys (a native range input). An indicator with single
//! months and spans from January gets a switch between the two runs; the
//! slider never mixes them.
//!
//! Markup ([`timeline`]) in a markup host, drawn again only when the run
//! changes (another indicator, another run). A switch of period within the
//! run changes the slider's value, its label and its spoken value in place,
//! so that a slider being dragged stays the same element.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::indicators::Series;
use crate::html::{period_label, timeline, timeline_classes, value_text, Timeline as Shown};
use crate::state::Action;
use crate::store::use_store;
use crate::ui::markup_host::markup_host_at;

/// The slider over the indicator's periods; with one period, just its name
/// (the slider and its ends hidden).
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
    // The ids of the run's periods.
    let stops = Memo::new(move |_| {
        let (Some(indicator), Some(set), Some(run)) = (indicator.get(), store.data(), run.get())
        else {
            return Vec::new();
        };
        set.periods_in(&indicator, run)
            .into_iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    });
    let index =
        move || stops.with(|ps| period.with(|p| ps.iter().position(|x| x == p).unwrap_or(0)));
    let root = NodeRef::<leptos::html::Div>::new();
    // Drawn again when the run changes; the period is read, not tracked.
    let markup = Signal::derive(move || {
        let (Some(indicator), Some(set)) = (indicator.get(), store.data()) else {
            return String::new();
        };
        let run = run.get();
        let Some(r) = run else {
            return String::new();
        };
        let stops = set.periods_in(&indicator, r);
        let runs = runs.get();
        let shown = Shown {
            stops: &stops,
            index: untrack(index),
            runs: &runs,
            run,
        };
        timeline(&shown, false)
    });
    Effect::new(move |_| {
        let (single, one) = timeline_classes(stops.with(Vec::len), runs.with(Vec::len));
        if let Some(el) = root.get() {
            let list = el.class_list();
            let _ = list.toggle_with_force("single", single);
            let _ = list.toggle_with_force("one-stop", one);
        }
    });
    // A period within the run: the slider's value and the label, in place.
    Effect::new(move |_| {
        let i = index();
        let (Some(el), Some(set)) = (root.get(), store.data()) else {
            return;
        };
        let p = period.with(|p| set.period(p).cloned());
        if let Some(input) = el
            .query_selector("input[name=period]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let value = i.to_string();
            if input.value() != value {
                input.set_value(&value);
            }
            let text = p.as_ref().map(value_text);
            crate::ui::dom::set_attr(&input, "aria-valuetext", text.as_deref());
        }
        if let Ok(Some(label)) = el.query_selector("output.period-label") {
            let html = period_label(p.as_ref()).into_string();
            if label.inner_html() != html {
                label.set_inner_html(&html);
            }
        }
    });
    // To another run: its newest period.
    let switch_to = move |to: Series| {
        let (Some(indicator), Some(set)) = (indicator.get_untracked(), store.data()) else {
            return;
        };
        if let Some(p) = set.periods_in(&indicator, to).last() {
            store.dispatch(Action::ChoosePeriod(p.id.clone()));
        }
    };
    let on = move |ev: &web_sys::Event| match ev.type_().as_str() {
        "input" => {
            let i: usize = event_target_value(ev).parse().unwrap_or(0);
            if let Some(id) = stops.with_untracked(|ps| ps.get(i).cloned()) {
                store.dispatch(Action::ChoosePeriod(id));
            }
        }
        "click" => {
            let to =
                crate::ui::dom::closest_attr(ev, "button[name=series]", "value").and_then(|v| {
                    [Series::SinceJanuary, Series::Other, Series::Month]
                        .into_iter()
                        .find(|s| s.id() == v)
                });
            if let Some(s) = to {
                switch_to(s);
            }
        }
        _ => {}
    };
    markup_host_at(root, "control timeline", markup, Rc::new(on))
}
