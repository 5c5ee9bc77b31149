//! The province's headline figures, each with its year and source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::indicators::IndicatorSet;
use crate::map::choropleth::format_number;

/// A strip of the figures marked `headline` in the data.
#[component]
pub fn ProvinceStrip(
    /// The indicator data.
    set: Arc<IndicatorSet>,
) -> impl IntoView {
    let items = set
        .province
        .iter()
        .filter(|f| f.headline)
        .map(|f| {
            let previous = set
                .province
                .iter()
                .filter(|p| p.id == f.id && p.period < f.period && p.kind == f.kind)
                .max_by(|a, b| a.period.cmp(&b.period))
                .map(|p| format!("{}：{}", p.period, format_number(p.value)));
            let source = set.source(&f.source).map(|s| format!("{} {}", s.outlet, s.date)).unwrap_or_default();
            let full = format!(
                "{} {} {}{} · {}",
                f.label_zh,
                f.label_en,
                f.period,
                f.note_zh.as_deref().map(|n| format!(" · {n}")).unwrap_or_default(),
                source
            );
            view! {
                <li class="figure" data-figure=f.id.clone() title=full>
                    <span class="figure-value">{format_number(f.value)} <small>{f.unit.clone().unwrap_or_default()}</small></span>
                    <span class="figure-label">{f.label_zh.clone()} <span class="en">{f.label_en.clone()}</span></span>
                    <span class="figure-meta">
                        {f.period.clone()}
                        {previous.map(|p| format!("（{p}）"))}
                        {f.note_zh.clone().map(|n| format!(" · {n}"))}
                        " · " {source}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="province-strip" aria-label="全省 Province">
            <h2>"全省 " <span class="en">"Province"</span></h2>
            <ul>{items}</ul>
        </section>
    }
}
