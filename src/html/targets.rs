//! The targets and progress of the policy text as markup: one card per item
//! ([`crate::present::targets`]), with a slope from baseline to latest value
//! where both are published, the target and its deadline where set, and
//! "no progress published" where nothing towards a target is.
//!
//! Caveat: a slope joins two published values; it says nothing about the
//! years between them. Shares are drawn on 0–100 %, other units from zero.

use maud::{html, Markup};

use super::both;
use crate::data::indicators::IndicatorSet;
use crate::format::{fixed, format_number};
use crate::present::targets::{targets, TargetItem};

/// A slope chart's drawing box and margins.
const W: f64 = 200.0;
const H: f64 = 84.0;
const SIDE: f64 = 28.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 16.0;

/// Text published in Chinese and English in one string ("2024年1—4月 Jan–Apr
/// 2024", "家 sites"): each half in its language; Chinese alone (万亩) marked
/// as Chinese, for a screen reader in English mode.
fn bilingual(text: &str) -> Markup {
    let (zh, en) = crate::i18n::unit_parts(text);
    html! {
        @if zh != en { (super::one(zh, en)) }
        @else if crate::i18n::has_chinese(zh) { span lang="zh" { (zh) } }
        @else { (zh) }
    }
}

/// A value with its unit, "97.09 %" or "300 万亩".
fn with_unit(v: f64, unit: Option<&str>) -> Markup {
    let unit = unit.unwrap_or_default();
    html! { (format_number(v)) @if !unit.is_empty() { " " (bilingual(unit)) } }
}

/// The slope from baseline to latest, the target as a dashed line where it
/// is in the same unit.
fn slope(t: &TargetItem) -> Option<Markup> {
    let (b, l) = (t.baseline.as_ref()?, t.latest.as_ref()?);
    let share = t.unit == Some("%");
    let target = t.target.map(|f| f.value);
    let hi = if share {
        100.0
    } else {
        [b.value, l.value, target.unwrap_or(0.0)]
            .into_iter()
            .fold(0.0, f64::max)
            * 1.1
    };
    let y = |v: f64| TOP + (1.0 - v / hi) * (H - TOP - BOTTOM);
    let (x0, x1) = (SIDE, W - SIDE);
    let (y0, y1) = (y(b.value), y(l.value));
    let words = format!(
        "{}：{} {} → {} {}；{}: {} {} → {} {}",
        t.what.zh,
        b.period,
        format_number(b.value),
        l.period,
        format_number(l.value),
        t.what.en,
        b.period,
        format_number(b.value),
        l.period,
        format_number(l.value),
    );
    Some(html! {
        svg.slope viewBox={ "0 0 " (fixed(W, 0)) " " (fixed(H, 0)) } width=(fixed(W, 0)) height=(fixed(H, 0)) role="img" aria-label=(words) {
            title { (words) }
            line.axis x1=(fixed(x0, 1)) y1=(fixed(y(0.0), 1)) x2=(fixed(x1, 1)) y2=(fixed(y(0.0), 1)) {}
            @if share {
                line.full x1=(fixed(x0, 1)) y1=(fixed(y(100.0), 1)) x2=(fixed(x1, 1)) y2=(fixed(y(100.0), 1)) {}
            }
            @if let Some(v) = target {
                line.target-mark x1=(fixed(x0, 1)) y1=(fixed(y(v), 1)) x2=(fixed(x1, 1)) y2=(fixed(y(v), 1)) {}
            }
            line.slope-line x1=(fixed(x0, 1)) y1=(fixed(y0, 1)) x2=(fixed(x1, 1)) y2=(fixed(y1, 1)) {}
            @for (x, yy, p, anchor) in [(x0, y0, b, "start"), (x1, y1, l, "end")] {
                g.slope-point data-period=(p.period) data-value=(format_number(p.value)) {
                    circle cx=(fixed(x, 1)) cy=(fixed(yy, 1)) r="3.5" {}
                    text x=(fixed(x, 1)) y=(fixed(yy - 7.0, 1)) text-anchor=(anchor) { (format_number(p.value)) }
                    text.slope-year x=(fixed(x, 1)) y=(fixed(H - 3.0, 0)) text-anchor=(anchor) { (p.period) }
                }
            }
        }
    })
}

/// One item's card. `measure_title` names a measure by its id.
fn card(
    set: &IndicatorSet,
    t: &TargetItem,
    measure_title: &dyn Fn(&str) -> Option<(String, String)>,
) -> Markup {
    html! {
        article.target data-target=(t.id) {
            h3 { (both(&t.what.zh, &t.what.en)) }
            @if let Some(chart) = slope(t) {
                (chart)
            } @else if let Some(l) = &t.latest {
                p.target-latest data-period=(l.period) data-value=(format_number(l.value)) {
                    span.target-value { (with_unit(l.value, t.unit)) }
                    " " span.target-period { (bilingual(l.period)) }
                    @if let Some(n) = &l.figure.note_zh { " " span.zh { "（" (n) "）" } }
                    @if let Some(n) = &l.figure.note_en { " " span.en { "(" (n) ")" } }
                }
            }
            @if let Some(f) = t.target {
                p.target-goal {
                    span.zh { "目标 " } span.en { "Target: " }
                    strong { (with_unit(f.value, t.unit)) }
                    " · "
                    @match &f.deadline {
                        Some(d) => { span.zh { "期限 " } span.en { "by " } (d) },
                        None => { span.zh { "期限未说明" } " " span.en { "no deadline stated" } },
                    }
                    @if let Some(n) = &f.note_zh { " · " span.zh { (n) } }
                    @if let Some(n) = &f.note_en { " " span.en { (n) } }
                }
            }
            @if !t.has_progress() {
                p.no-progress { span.zh { "进展未公布" } " " span.en { "No progress published" } }
            }
            p.target-meta {
                @if let Some((id, (zh, en))) = t.measure.and_then(|m| Some((m, measure_title(m)?))) {
                    button.measure-link type="button" data-measure=(id) {
                        span.zh { "措施：" } span.en { "Measure: " } (both(&zh, &en))
                    }
                    " · "
                }
                @for (i, s) in t.sources.iter().filter_map(|s| set.source(s)).enumerate() {
                    @if i > 0 { "; " }
                    (super::short_source(s))
                }
            }
        }
    }
}

/// Every target and achievement of the policy text, one card each.
pub fn targets_html(
    set: &IndicatorSet,
    measure_title: &dyn Fn(&str) -> Option<(String, String)>,
) -> String {
    html! {
        @for t in targets(set) { (card(set, &t, measure_title)) }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::shipped_indicators;

    fn html() -> String {
        let title = |id: &str| {
            (id == "green-buildings").then(|| {
                (
                    "全面发展绿色建筑".to_string(),
                    "Green buildings".to_string(),
                )
            })
        };
        targets_html(&shipped_indicators(), &title)
    }

    fn card_of(html: &str, id: &str) -> String {
        html.split("<article")
            .find(|c| c.contains(&format!(r#"data-target="{id}""#)))
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn shares_are_slopes_from_baseline_to_latest() {
        let html = html();
        let green = card_of(&html, "green-building-share");
        assert!(
            green.contains(r#"data-period="2020" data-value="73.66""#),
            "{green}"
        );
        assert!(
            green.contains(r#"data-period="2023" data-value="97.09""#),
            "{green}"
        );
        assert!(
            green.contains(r#"data-measure="green-buildings""#)
                && green.contains("全面发展绿色建筑")
        );
        assert!(green.contains("山西晚报"), "the source: {green}");
        assert!(!green.contains("no-progress"), "{green}");
        let prefab = card_of(&html, "prefab-share");
        assert!(
            prefab.contains(r#"data-value="18.7""#) && prefab.contains(r#"data-value="31.37""#)
        );
        assert!(
            !prefab.contains("data-measure"),
            "no measure title given here"
        );
    }

    #[test]
    fn a_target_says_its_deadline_or_that_none_is_stated_and_when_nothing_is_published() {
        let html = html();
        let trees = card_of(&html, "afforestation");
        assert!(
            trees.contains("300") && trees.contains("期限未说明"),
            "{trees}"
        );
        assert!(trees.contains("进展未公布") && trees.contains("No progress published"));
        let cover = card_of(&html, "forest-cover");
        assert!(
            cover.contains("期限 </span>") && cover.contains("2025"),
            "{cover}"
        );
        let safe = card_of(&html, "construction-safe-use");
        assert!(
            safe.contains(r#"data-value="100""#) && !safe.contains("进展未公布"),
            "{safe}"
        );
    }
}
