//! The indicator picker: a `<select name="indicator">` whose option values are
//! the indicator ids.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::indicators::IndicatorSet;
use crate::i18n::Lang;
use crate::state::ViewState;

/// Chooses the indicator the map shows; shipped and user-loaded ones in groups.
#[component]
pub fn IndicatorPicker(
    /// The indicator data.
    set: Arc<IndicatorSet>,
    /// The current view.
    view: RwSignal<Option<ViewState>>,
) -> impl IntoView {
    let lang = move || {
        use_context::<Memo<Lang>>()
            .map(|l| l.get())
            .unwrap_or_default()
    };
    let option = |i: &crate::data::indicators::Indicator| {
        let (zh, en) = (i.name_zh.clone(), i.name_en.clone());
        view! { <option value=i.id.clone()>{move || lang().both(&zh, &en, " · ")}</option> }
    };
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
    let on_change = {
        let set = set.clone();
        move |ev| {
            let id = event_target_value(&ev);
            view.update(|v| {
                if let Some(v) = v {
                    *v = v.with_indicator(&set, &id);
                }
            });
        }
    };
    let current = Memo::new(move |_| {
        view.with(|v| v.as_ref().map(|v| v.indicator.clone()).unwrap_or_default())
    });
    view! {
        <div class="control">
            <label for="indicator"><span class="zh">"指标 "</span> <span class="en">"Indicator"</span></label>
            <select id="indicator" name="indicator" prop:value=move || current.get() on:change=on_change>
                <optgroup label="已发布数据 Published data">{shipped}</optgroup>
                {user_group}
            </select>
            {move || {
                current.with(|id| set.indicator(id).filter(|i| !i.description_zh.is_empty()).map(|i| {
                    view! { <p class="description"><span class="zh">{i.description_zh.clone()}</span> " " <span class="en">{i.description_en.clone()}</span></p> }
                }))
            }}
        </div>
    }
}
