//! The indicator picker: a `<select name="indicator">` whose option values are
//! the indicator ids.

use leptos::prelude::*;

use crate::data::indicators::Indicator;
use crate::state::Action;
use crate::store::use_store;

/// Chooses the indicator the map shows; shipped and user-loaded ones in groups.
#[component]
pub fn IndicatorPicker() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let option = move |i: &Indicator| {
        let (zh, en) = (i.name_zh.clone(), i.name_en.clone());
        view! { <option value=i.id.clone()>{move || lang.get().both(&zh, &en, " · ")}</option> }
    };
    // Rebuilt only when the person loads a table of their own.
    let options = move || {
        let set = store.data()?;
        let shipped = set
            .indicators
            .iter()
            .filter(|i| !i.user)
            .map(option)
            .collect_view();
        let users: Vec<_> = set
            .indicators
            .iter()
            .filter(|i| i.user)
            .map(option)
            .collect();
        let user_group = (!users.is_empty())
            .then(|| view! { <optgroup label="用户数据 Your data">{users}</optgroup> });
        Some(view! {
            <optgroup label="已发布数据 Published data">{shipped}</optgroup>
            {user_group}
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
