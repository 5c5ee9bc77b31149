//! The legend: each class's colour, range or category and how many cities fall
//! in it, with the no-data hatch last. Hovering an entry highlights its cities;
//! hovering a city highlights its entry.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::map::choropleth::NO_DATA;
use crate::present::describe::sources_of;
use crate::store::{use_store, Store};

/// The legend of the current choropleth, titled with indicator and period.
#[component]
pub fn Legend() -> impl IntoView {
    let store = use_store();
    let Store {
        fills,
        hovered,
        legend_hover,
        lang,
        shown,
        ..
    } = store;
    let hovered_class = move || {
        let code = hovered.get()?;
        fills.with(|c| {
            c.as_ref()
                .and_then(|c| c.fills.get(&code))
                .map(|f| f.class.clone())
        })
    };
    let title = move || {
        let set = store.data()?;
        shown.with(|shown| {
            let (indicator, period) = shown.as_ref()?;
            let ind = set.indicator(indicator)?;
            let per = set.period(period)?;
            let unit = ind.unit.clone().map(|u| format!(" ({u})")).unwrap_or_default();
            Some(if lang.get() == Lang::En {
                view! {
                    <p class="legend-title">
                        <strong>{format!("{}{unit}", ind.name_en)}</strong>
                        <br />
                        <span class="legend-period">{per.label_en.clone()}</span>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="legend-title">
                        <strong>{ind.name_zh.clone()}</strong> " " <span class="en">{format!("{}{unit}", ind.name_en)}</span>
                        <br />
                        <span class="legend-period">{per.label_zh.clone()} " · " {per.label_en.clone()}</span>
                    </p>
                }
                .into_any()
            })
        })
    };
    let entries = move || {
        lang.track();
        let legend = fills
            .with(|c| c.as_ref().map(|c| c.legend.clone()))
            .unwrap_or_default();
        legend
            .into_iter()
            .map(|e| {
                let class = e.class.clone();
                let class_enter = e.class.clone();
                let class_active = e.class.clone();
                let swatch_style = e.color.clone().map(|c| format!("background:{c}")).unwrap_or_default();
                view! {
                    <li
                        class="legend-entry"
                        class:active=move || hovered_class().as_deref() == Some(class_active.as_str()) || legend_hover.get().as_deref() == Some(class_active.as_str())
                        class:empty=e.count == 0
                        data-class=class
                        on:mouseenter=move |_| legend_hover.set(Some(class_enter.clone()))
                        on:mouseleave=move |_| legend_hover.set(None)
                    >
                        <span class="swatch" class:hatch=e.class == NO_DATA style=swatch_style aria-hidden="true"></span>
                        <span class="legend-label">{if lang.get_untracked() == Lang::En { e.label_en.clone() } else if e.label_en == e.label_zh { e.label_zh.clone() } else { format!("{} ", e.label_zh) }}{(lang.get_untracked() == Lang::Zh && e.label_en != e.label_zh).then(|| view! { <span class="en">{e.label_en.clone()}</span> })}</span>
                        <span class="legend-count" title="城市数 cities">{e.count}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let sources = move || {
        let set = store.data()?;
        shown.with(|s| {
            let (indicator, period) = s.as_ref()?;
            let list = sources_of(&set, indicator, period);
            (!list.is_empty())
                .then(|| view! { <p class="legend-source">{if lang.get() == Lang::En { "Data: " } else { "数据来源 Data: " }} {list.join("；")}</p> })
        })
    };
    // What the indicator means, under the legend (it is what a reader of the
    // colours needs next).
    let description = move || {
        let set = store.data()?;
        shown.with(|s| {
            let ind = set.indicator(&s.as_ref()?.0)?;
            (!ind.description_zh.is_empty()).then(|| view! { <p class="description"><span class="zh">{ind.description_zh.clone()}</span> " " <span class="en">{ind.description_en.clone()}</span></p> })
        })
    };
    view! {
        <div class="legend" aria-label="图例 Legend">
            {title}
            <ul>{entries}</ul>
            {sources}
            {description}
        </div>
    }
}
