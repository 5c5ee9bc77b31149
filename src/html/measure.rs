//! A measure card's content.

use maud::{html, PreEscaped};

use super::{both, one};
use crate::data::policies::{Measure, Policies, PROVINCE};
use crate::format::format_number;

/// One group of measure cards as the panel lists it.
pub struct MeasureGroup<'a> {
    /// A theme id, or [`PROVINCE_GROUP`].
    pub key: &'a str,
    pub name_zh: &'a str,
    pub name_en: &'a str,
    /// (measure id, card content from [`measure_card`]).
    pub cards: Vec<(&'a str, &'a str)>,
}

/// The group key of the province-wide measures (shown apart when cities are chosen).
pub const PROVINCE_GROUP: &str = "province-wide";

/// The panel's list: a section per group with its heading and count, and a
/// focusable `article.measure[data-measure]` per card (`chosen` marked). The
/// province-wide measures (listed when cities are chosen, after the ones that
/// name them) are folded behind their count, unless the chosen card is there.
pub fn measure_groups(groups: &[MeasureGroup], chosen: Option<&str>) -> String {
    let heading = |g: &MeasureGroup| {
        html! { h3 { span.zh { (g.name_zh) } " " span.en { (g.name_en) } " " span.count { (g.cards.len().to_string()) } } }
    };
    let cards = |g: &MeasureGroup| {
        html! {
            @for (id, card) in &g.cards {
                @let on = chosen == Some(*id);
                article.measure.chosen[on] aria-current=[on.then_some("true")] data-measure=(id) tabindex="0" {
                    (PreEscaped(*card))
                }
            }
        }
    };
    html! {
        @for g in groups {
            @if g.key == PROVINCE_GROUP {
                details.theme-group.province-group data-group=(g.key)
                    open[g.cards.iter().any(|(id, _)| chosen == Some(*id))] {
                    summary { (heading(g)) }
                    (cards(g))
                }
            } @else {
                section.theme-group data-theme=(g.key) { (heading(g)) (cards(g)) }
            }
        }
    }
    .into_string()
}

/// One measure card's content (the card element itself is the panel's): title,
/// text, figures, footprint with its basis, related indicators (buttons with
/// `data-indicator`) and source. `city_name` gives a prefecture's Chinese and
/// English name; `indicator_name` an indicator's.
pub fn measure_card(
    p: &Policies,
    m: &Measure,
    city_name: &dyn Fn(&str) -> Option<(String, String)>,
    indicator_name: &dyn Fn(&str) -> Option<(String, String)>,
) -> String {
    let fp = p.footprint(m);
    let names = |zh: bool| -> Vec<String> {
        fp.prefectures
            .iter()
            .map(|c| {
                let (z, e) = city_name(c).unwrap_or_else(|| (c.clone(), c.clone()));
                let n = if zh { z } else { e };
                if fp.uncertain.contains(c) {
                    format!("{n}?")
                } else {
                    n
                }
            })
            .collect()
    };
    let targets: Vec<_> = m.targets.iter().filter_map(|r| p.region(r)).collect();
    let related: Vec<_> = m
        .indicators
        .iter()
        .filter_map(|i| indicator_name(i).map(|n| (i, n)))
        .collect();
    html! {
        h4 { span.zh { (m.title_zh) } " " span.en { (m.title_en) } }
        p.measure-meta {
            @for t in m.themes.iter().filter_map(|t| p.theme(t)) {
                span.chip data-theme=(t.id) { span.zh { (t.name_zh) } " " span.en { (t.name_en) } }
            }
            @if let Some(t) = m.task.as_deref().and_then(|t| p.task(t)) { " · " (both("任务", "Task")) ": " (one(&t.name_zh, &t.name_en)) }
            @if let Some(c) = m.campaign.as_deref().and_then(|c| p.campaign(c)) { " · " (both("战役", "Campaign")) ": " (one(&c.name_zh, &c.name_en)) }
        }
        p.measure-text.zh lang="zh" { (m.text_zh) }
        p.measure-summary.en lang="en" { (m.summary_en) }
        @if !m.figures.is_empty() {
            ul.figures {
                @for f in &m.figures {
                    li { span.zh { (f.label_zh) } " " span.en { (f.label_en) } ": " strong { (format_number(f.value)) } " " (f.unit.as_deref().unwrap_or_default()) }
                }
            }
        }
        p.footprint {
            (both("范围", "Targets")) ": "
            @if fp.province_wide && m.targets.len() == 1 {
                span.province-wide { (both("全省适用", "Province-wide")) }
            } @else {
                @if fp.province_wide { span.province-wide { (both("全省", "Province-wide")) } "; " }
                span.zh { (names(true).join("、")) } " " span.en { (names(false).join(", ")) }
                @if !fp.uncertain.is_empty() {
                    " " span.uncertain-note {
                        span.zh { "（？：文中未点名该市，由区域范围推定，见“依据”）" }
                        " " span.en { "(?: the city is not named in the text; inferred from the region it covers, see Basis)" }
                    }
                }
                @for r in targets.iter().filter(|r| !r.counties.is_empty()) {
                    br; (one(&r.name_zh, &r.name_en)) " " (r.counties.len().to_string()) " " (both("县", "counties")) ": "
                    span.zh { (r.counties.iter().map(|c| c.name_zh.as_str()).collect::<Vec<_>>().join("、")) } " "
                    span.en { (r.counties.iter().map(|c| c.name_en.as_str()).collect::<Vec<_>>().join(", ")) }
                }
            }
        }
        @if targets.iter().any(|r| r.id != PROVINCE) {
            details.basis {
                summary { (both("依据", "Basis")) }
                ul {
                    @for r in targets.iter().filter(|r| r.id != PROVINCE) {
                        li {
                            strong { (one(&r.name_zh, &r.name_en)) }
                            @if r.uncertain { " " span.uncertain { span.zh { "（范围不确定）" } span.en { "(uncertain)" } } }
                            ": " span.zh { (r.basis_zh) } " " span.en { (r.basis_en) }
                        }
                    }
                }
            }
        }
        @if !related.is_empty() {
            p.related-list {
                (both("相关指标", "Related indicators")) ": "
                @for (id, (zh, en)) in &related {
                    button.related type="button" data-indicator=(id) title=(en) { (one(zh, en)) }
                }
            }
        }
        p.measure-source {
            (both("来源", "Source")) ": " span lang="zh" { (m.source.paper) } " " (m.source.date) " · "
            span.zh { (m.source.event_zh) } " " span.en { (m.source.event_en) }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::policies;
    #[test]
    fn measure_card_shows_footprint_basis_and_related_indicators() {
        let p = policies();
        let m = p
            .measure("campaign-yellow-river-counties")
            .expect("measure");
        let names = |c: &str| Some((format!("市{c}"), format!("City{c}")));
        let ind = |i: &str| Some((format!("指标{i}"), i.to_string()));
        let html = measure_card(&p, m, &names, &ind);
        assert!(html.starts_with("<h4>") && html.contains("黄河"));
        assert!(
            html.contains("3 <span class=\"zh\">县</span> <span class=\"en\">counties</span>: <span class=\"zh\">兴县、临县、河津市</span>")
                && html.contains("Xingxian, Linxian, Hejin"),
            "{html}"
        );
        assert!(html.contains("basis") && html.contains("新闻报道"));
        let ozone = measure_card(
            &p,
            p.measure("air-ozone-winter").expect("measure"),
            &names,
            &ind,
        );
        assert!(
            ozone.contains(r#"<button class="related" type="button" data-indicator="pm25""#),
            "{ozone}"
        );
        assert!(
            ozone.contains("<strong>3</strong> 天"),
            "figures with units"
        );
        let fen = measure_card(
            &p,
            p.measure("campaign-fen-valley").expect("measure"),
            &names,
            &ind,
        );
        assert!(fen.contains("市140800?"), "uncertain cities are marked");
        assert!(fen.contains("（范围不确定）") && fen.contains("(uncertain)"));
        let soil = measure_card(
            &p,
            p.measure("soil-construction").expect("measure"),
            &names,
            &ind,
        );
        assert!(soil
            .contains(r#"<span class="zh">全省适用</span> <span class="en">Province-wide</span>"#));
    }
}
