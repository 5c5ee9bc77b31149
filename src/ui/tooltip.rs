//! The tooltip of the hovered or focused region: its names and, when data is
//! loaded, its value of the current indicator with period, scope and source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::LoadedMap;
use crate::data::describe::describe;
use crate::data::indicators::IndicatorSet;
use crate::state::ViewState;

/// Shows the hovered region next to its label point. Placed below the point near
/// the top of the map and kept inside the map near its sides.
#[component]
pub fn Tooltip(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
    /// The region under the pointer or keyboard focus.
    hovered: RwSignal<Option<String>>,
    /// The indicator data.
    data: Signal<Option<Arc<IndicatorSet>>>,
    /// The current view.
    view: RwSignal<Option<ViewState>>,
) -> impl IntoView {
    move || {
        let code = hovered.get()?;
        let i = map
            .boundaries
            .regions
            .iter()
            .position(|r| r.adcode == code)?;
        let region = &map.boundaries.regions[i];
        let shape = map.layout.shapes.get(i)?;
        let (x, y) = map.layout.percent(shape.label);
        let side = if x < 25.0 {
            "start"
        } else if x > 75.0 {
            "end"
        } else {
            "middle"
        };
        let info = data
            .get()
            .zip(view.get())
            .and_then(|(set, v)| describe(&set, &v.indicator, &v.period, &code));
        let details = info.map(|info| {
            let partial = info.partial.then_some(view! { <span class="partial">" 非全年 partial year"</span> });
            let scope = info.scope.map(|s| view! { <span class="scope">{s.zh} " · " {s.en}</span> });
            let rank = info.rank.map(|r| view! { <span class="rank">{r.zh} " · " {r.en}</span> });
            let change = info.change.map(|c| view! { <span class="change">{c.zh} " · " {c.en}</span> });
            let note = info.note.map(|n| view! { <span class="note">{n.zh} " " {n.en}</span> });
            let derived = info.derived.then_some(view! { <span class="derived">"由通报排除得出 known by exclusion"</span> });
            let source = info.source.map(|s| view! { <span class="source">"来源 Source: " {s.outlet} " " {s.date}</span> });
            view! {
                <span class="value" class:no-data=!info.has_data>{info.value.zh} " " <span class="en">{info.value.en}</span></span>
                <span class="period">{info.period.zh} " · " {info.period.en} {partial}</span>
                {scope}
                {rank}
                {change}
                {note}
                {derived}
                {source}
            }
        });
        Some(view! {
            <div
                id="map-tooltip"
                class="tooltip"
                role="tooltip"
                data-side=side
                class:below=y < 30.0
                style:left=format!("{x:.3}%")
                style:top=format!("{y:.3}%")
            >
                <span class="names">
                    <strong lang="zh">{region.name_zh.clone()}</strong>
                    <span class="en" lang="en">{region.name_en.clone()}</span>
                </span>
                {details}
            </div>
        })
    }
}
