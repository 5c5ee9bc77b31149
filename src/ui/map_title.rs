//! What the map shows, named above it: the indicator (with its unit) and the
//! period, so that a screenshot or a phone's first screen says it at once.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::store::use_store;

/// The indicator and period shown, as a heading over the map.
#[component]
pub fn MapTitle() -> impl IntoView {
    let store = use_store();
    let text = move || {
        let set = store.data()?;
        let en = store.lang.get() == Lang::En;
        store.shown.with(|s| {
            let (indicator, period) = s.as_ref()?;
            let ind = set.indicator(indicator)?;
            let per = set.period(period)?;
            let unit = ind
                .unit
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default();
            Some(if en {
                (format!("{}{unit}", ind.name_en), per.label_en.clone())
            } else {
                (
                    ind.name_zh.clone(),
                    format!("{} · {}", per.label_zh, per.label_en),
                )
            })
        })
    };
    move || {
        text().map(|(name, period)| {
            view! {
                <h2 class="map-title">{name} " " <span class="map-period">{period}</span></h2>
            }
        })
    }
}
