//! The indicator picker: a `<select name="indicator">` whose option values are
//! the indicator ids.

use leptos::prelude::*;

use crate::data::indicators::Indicator;
use crate::state::Action;
use crate::store::use_store;

/// Chooses the indicator the map shows, its layers grouped as pollution,
/// remediation and the person's own data.
#[component]
pub fn IndicatorPicker() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let option = move |i: &Indicator| {
        let (zh, en) = (i.name_zh.clone(), i.name_en.clone());
        view! { <option value=i.id.clone()>{move || lang.get().both(&zh, &en, " · ")}</option> }
    };
    // Rebuilt only when the data changes (the measures arrive, a person
    // loads a table). Three groups: how polluted the cities are, where they
    // are cleaning up, and the person's own data; a group without layers is
    // left out.
    let options = move || {
        let set = store.data()?;
        let group = |label: &'static str, keep: &dyn Fn(&Indicator) -> bool| {
            let items: Vec<_> = set
                .indicators
                .iter()
                .filter(|i| keep(i))
                .map(option)
                .collect();
            (!items.is_empty()).then(|| view! { <optgroup label=label>{items}</optgroup> })
        };
        Some(view! {
            {group("污染 Pollution: 空气、水 air and water", &|i| !i.user && !i.remediation)}
            {group("治理 Remediation", &|i| !i.user && i.remediation)}
            {group("用户数据 Your data", &|i| i.user)}
        })
    };
    let current = Memo::new(move |_| {
        store
            .shown
            .with(|s| s.as_ref().map(|s| s.0.clone()).unwrap_or_default())
    });
    view! {
        <div class="control">
            <label for="indicator"><span class="zh">"指标 "</span> <span class="en">"Indicator"</span></label>
            <select
                id="indicator"
                name="indicator"
                prop:value=move || current.get()
                on:change=move |ev| store.dispatch(Action::ChooseIndicator(event_target_value(&ev)))
            >
                {options}
            </select>
        </div>
    }
}
