//! The selected city's known values across all indicators, each with period,
//! scope and a link to its source.

use leptos::prelude::*;

use crate::format::escape;
use crate::html::city_rows;
use crate::present::describe::describe_city;
use crate::store::use_store;

/// Everything published about the selected city; a hint when none is selected.
#[component]
pub fn CityDetail() -> impl IntoView {
    let store = use_store();
    let html = move || {
        let Some(code) = store.cities.with(|s| s.first().cloned()) else {
            return r#"<p class="hint"><span class="zh">点击地图上的城市查看其全部数据。</span> <span class="en">Select a city on the map to see all its values.</span></p>"#.to_string();
        };
        let (zh, en) = store
            .map()
            .and_then(|m| m.names(&code))
            .unwrap_or_else(|| (code.clone(), code.clone()));
        let Some(set) = store.data() else {
            return String::new();
        };
        format!(
            r#"<h2><span class="zh">{}</span> <span class="en">{}</span></h2><div class="table-scroll"><table><thead><tr><th>指标 Indicator</th><th>数值 Value</th><th>时段 Period</th><th>范围 Scope</th><th>来源 Source</th></tr></thead><tbody>{}</tbody></table></div>"#,
            escape(&zh),
            escape(&en),
            city_rows(&describe_city(&set, &code))
        )
    };
    view! { <section class="city-detail" aria-live="polite" inner_html=html></section> }
}
