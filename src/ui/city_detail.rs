//! The selected city's known values across all indicators, each with period,
//! scope and a link to its source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::LoadedMap;
use crate::data::describe::describe_city;
use crate::data::indicators::IndicatorSet;

/// Everything published about the selected city; a hint when none is selected.
#[component]
pub fn CityDetail(
    /// The indicator data.
    set: Arc<IndicatorSet>,
    /// The boundaries (for the city's names).
    map: Signal<Option<Arc<LoadedMap>>>,
    /// The selected region's adcode.
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        let Some(code) = selected.get() else {
            return view! { <p class="hint">"点击地图上的城市查看其全部数据。" <span class="en">"Select a city on the map to see all its values."</span></p> }.into_any();
        };
        let names = map.get().and_then(|m| {
            m.boundaries
                .regions
                .iter()
                .find(|r| r.adcode == code)
                .map(|r| (r.name_zh.clone(), r.name_en.clone()))
        });
        let (zh, en) = names.unwrap_or_else(|| (code.clone(), code.clone()));
        let rows = describe_city(&set, &code)
            .into_iter()
            .map(|v| {
                let source = v.source.map(|s| {
                    let text = format!("{} {}", s.outlet, s.date);
                    match s.url {
                        Some(url) => view! { <a href=url target="_blank" rel="noopener noreferrer" title=s.title>{text}</a> }.into_any(),
                        None => view! { <span title=s.title>{text}</span> }.into_any(),
                    }
                });
                let extra: Vec<String> = [v.rank.map(|r| r.zh), v.change.map(|c| c.zh), v.note.map(|n| n.zh), v.derived.then(|| "由排除得出".to_string())]
                    .into_iter()
                    .flatten()
                    .collect();
                let en_value = (v.value.en != v.value.zh).then(|| view! { " " <span class="en">{v.value.en.clone()}</span> });
                view! {
                    <tr>
                        <th scope="row">{v.indicator.zh} <span class="en">{v.indicator.en}</span></th>
                        <td>{v.value.zh} {en_value}
                            {(!extra.is_empty()).then(|| view! { <br /> <span class="muted">{extra.join("；")}</span> })}</td>
                        <td>{v.period.zh}{v.partial.then_some("（非全年）")}</td>
                        <td>{v.scope.map(|s| s.zh)}</td>
                        <td>{source}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="city-detail" aria-live="polite">
                <h2>{zh} " " <span class="en">{en}</span></h2>
                <div class="table-scroll">
                    <table>
                        <thead><tr><th>"指标 Indicator"</th><th>"数值 Value"</th><th>"时段 Period"</th><th>"范围 Scope"</th><th>"来源 Source"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
        .into_any()
    }
}
