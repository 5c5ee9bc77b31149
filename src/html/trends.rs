//! Values over time as small SVG charts: the province's figures across years
//! (beside the province strip) and a city's strip of periods (in the tooltip
//! and the city detail). See [`crate::present::trend`].
//!
//! Caveat: a province chart's vertical scale spans its own values (not from
//! zero), so a small change looks steep; every point is labelled with its
//! value so that the picture is read by its numbers.

use maud::{html, Markup};

use super::both;
use crate::data::indicators::IndicatorSet;
use crate::format::{fixed, format_number, parse_decimal};
use crate::i18n::{Lang, Text};
use crate::map::palette::NO_DATA_PATTERN;
use crate::present::trend::{ProvinceTrend, StripCell};

/// A province chart's drawing box.
const W: f64 = 168.0;
const H: f64 = 64.0;
/// Room at the sides (for the value labels), above them and below (years).
const SIDE: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 16.0;

/// Where each point of a trend goes in the `W`×`H` box: years spaced by time,
/// values between the lowest (bottom) and the highest (top).
fn points(t: &ProvinceTrend) -> Vec<(f64, f64)> {
    let year = |p: &str| parse_decimal(p).unwrap_or(0.0);
    let (first, last) = match (t.points.first(), t.points.last()) {
        (Some(a), Some(b)) => (year(&a.period), year(&b.period)),
        _ => return Vec::new(),
    };
    let (lo, hi) = t
        .points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), f| {
            (lo.min(f.value), hi.max(f.value))
        });
    t.points
        .iter()
        .map(|f| {
            let x = if last > first {
                SIDE + (year(&f.period) - first) / (last - first) * (W - 2.0 * SIDE)
            } else {
                W / 2.0
            };
            let y = if hi > lo {
                TOP + (hi - f.value) / (hi - lo) * (H - TOP - BOTTOM)
            } else {
                (TOP + H - BOTTOM) / 2.0
            };
            (x, y)
        })
        .collect()
}

/// The trend in words, for a screen reader and the chart's title.
fn trend_words(t: &ProvinceTrend, lang: Lang) -> String {
    let (unit_zh, unit_en) = crate::i18n::unit_parts(t.unit.unwrap_or_default());
    let en = lang == Lang::En;
    let parts: Vec<String> = t
        .points
        .iter()
        .map(|f| {
            let v = format_number(f.value);
            if en {
                format!("{} {v}", f.period)
            } else {
                format!("{}年 {v}", f.period)
            }
        })
        .collect();
    if en {
        format!("{}: {} {unit_en}", t.label.en, parts.join(", "))
    } else {
        format!("{}：{} {unit_zh}", t.label.zh, parts.join("，"))
    }
}

/// One province figure's chart: its name and unit, the line with each year's
/// value, and the sources of its points.
fn trend_chart(set: &IndicatorSet, t: &ProvinceTrend) -> Markup {
    let xy = points(t);
    let line: Vec<String> = xy
        .iter()
        .map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1)))
        .collect();
    let (unit_zh, unit_en) = crate::i18n::unit_parts(t.unit.unwrap_or_default());
    let mut sources: Vec<&str> = t.points.iter().map(|f| f.source.as_str()).collect();
    sources.dedup();
    let label = format!("{} {}", trend_words(t, Lang::Zh), trend_words(t, Lang::En));
    html! {
        figure.trend data-trend=(t.id) {
            figcaption {
                (both(&t.label.zh, &t.label.en))
                @if !unit_zh.is_empty() { " " small { (super::one(unit_zh, unit_en)) } }
            }
            svg viewBox={ "0 0 " (fixed(W, 0)) " " (fixed(H, 0)) } width=(fixed(W, 0)) height=(fixed(H, 0)) role="img" aria-label=(label) {
                title { (label) }
                polyline.trend-line points=(line.join(" ")) fill="none" {}
                @for (f, (x, y)) in t.points.iter().zip(&xy) {
                    @let (x, label_y, y) = (fixed(*x, 1), fixed(*y - 6.0, 1), fixed(*y, 1));
                    g.trend-point data-period=(f.period) data-value=(format_number(f.value)) {
                        circle cx=(x) cy=(y) r="3" {}
                        text x=(x) y=(label_y) text-anchor="middle" { (format_number(f.value)) @if f.note_zh.is_some() { "*" } }
                        text.trend-year x=(x) y=(fixed(H - 3.0, 0)) text-anchor="middle" { (f.period) }
                    }
                }
            }
            @for f in t.points.iter().filter(|f| f.note_zh.is_some()) {
                p.trend-note {
                    "* " (f.period) ": "
                    @if let Some(n) = &f.note_zh { span.zh { (n) } }
                    @if let Some(n) = &f.note_en { " " span.en { (n) } }
                }
            }
            p.trend-sources {
                span.zh { "来源 " } span.en { "Sources: " }
                @for (i, id) in sources.iter().enumerate() {
                    @if i > 0 { "; " }
                    @let years: Vec<&str> = t.points.iter().filter(|f| f.source == *id).map(|f| f.period.as_str()).collect();
                    (years.join(", ")) " "
                    @if let Some(s) = set.source(id) { (super::short_source(s)) } @else { (id) }
                }
            }
        }
    }
}

/// The province's trends (figures with two or more years), one small chart
/// each; empty when there are none.
pub fn province_trends_html(set: &IndicatorSet) -> String {
    let trends = crate::present::trend::province_trends(set);
    if trends.is_empty() {
        return String::new();
    }
    html! {
        @for t in &trends { (trend_chart(set, t)) }
    }
    .into_string()
}

/// A city's strip: one cell per period of the current run in its class's
/// colour (hatched without data), the period on the map outlined and marked;
/// its first and last period written under it. `same_scale` says whether the
/// colours mean the same every period (bands) or each period's own classes.
pub fn strip_html(city: &Text, cells: &[StripCell], same_scale: bool, lang: Lang) -> String {
    if cells.is_empty() {
        return String::new();
    }
    const CELL: f64 = 12.0;
    let width = cells.len() as f64 * CELL;
    let en = lang == Lang::En;
    let pick = |t: &Text| if en { t.en.clone() } else { t.zh.clone() };
    let said: Vec<String> = cells
        .iter()
        .map(|c| {
            let now = match (c.current, en) {
                (true, true) => " (shown)",
                (true, false) => "（当前）",
                _ => "",
            };
            format!("{} {}{now}", pick(&c.period), pick(&c.value))
        })
        .collect();
    let label = if en {
        format!("{} over the periods: {}", city.en, said.join("; "))
    } else {
        format!("{}历次：{}", city.zh, said.join("；"))
    };
    let scale = match (same_scale, en) {
        (true, _) => "",
        (false, true) => " · colour: class within each period",
        (false, false) => " · 颜色为各时段内的分级",
    };
    let (first, last) = (&cells[0], &cells[cells.len() - 1]);
    html! {
        span.strip {
            svg.strip-cells viewBox={ "0 0 " (fixed(width, 0)) " 18" } width=(fixed(width, 0)) height="18" role="img" aria-label=(label) {
                @for (i, c) in cells.iter().enumerate() {
                    @let x = fixed(i as f64 * CELL + 1.0, 0);
                    @let fill = c.color.clone().unwrap_or_else(|| format!("url(#{NO_DATA_PATTERN})"));
                    rect.strip-cell.current[c.current] data-period=(c.period_id) x=(x) y="1" width="10" height="12" fill=(fill) {
                        title { (pick(&c.period)) " " (pick(&c.value)) }
                    }
                    @if c.current {
                        path.strip-mark d={ "M" (fixed(i as f64 * CELL + 6.0, 0)) " 14l-3 4h6z" } {}
                    }
                }
            }
            span.strip-ends {
                (pick(&first.period)) " → " (pick(&last.period)) (scale)
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::choropleth::Classing;
    use crate::present::trend::city_strip;

    use crate::data::fixtures::shipped_indicators as shipped;

    #[test]
    fn each_province_chart_has_its_years_values_and_sources() {
        let set = shipped();
        let html = province_trends_html(&set);
        assert!(html.contains(r#"data-trend="pm25""#), "{html}");
        let pm = html
            .split("<figure")
            .find(|f| f.contains(r#"data-trend="pm25""#))
            .unwrap_or_default();
        for (year, v) in [("2022", "38"), ("2023", "37"), ("2024", "36")] {
            assert!(
                pm.contains(&format!(r#"data-period="{year}" data-value="{v}""#)),
                "{year}: {pm}"
            );
        }
        assert!(pm.contains("山西日报") && pm.contains("山西发布"), "{pm}");
        assert!(
            pm.contains("2022年 38") && pm.contains("2022 38"),
            "words in both languages"
        );
        // The highest value is drawn highest.
        assert!(pm.contains("<polyline"), "{pm}");
        // A point's remark as published, marked on it and written under it.
        let good = html
            .split("<figure")
            .find(|f| f.contains(r#"data-trend="good-day-ratio""#))
            .unwrap_or_default();
        assert!(
            good.contains("76*") && good.contains("* 2023: ") && good.contains("扣除沙尘天气"),
            "{good}"
        );
        let trend = crate::present::trend::province_trends(&set);
        let y: Vec<f64> = points(&trend[0]).iter().map(|p| p.1).collect();
        assert!(y[0] < y[1] && y[1] < y[2], "38 above 37 above 36: {y:?}");
        assert!(y.iter().all(|y| (TOP..=H - BOTTOM).contains(y)));
    }

    #[test]
    fn a_strip_marks_the_period_shown_and_names_its_ends() {
        let set = shipped();
        let codes: Vec<String> = ["140100", "140200", "141000"].map(String::from).to_vec();
        let classing = Classing {
            classes: 5,
            ..Classing::default()
        };
        let cells = city_strip(
            &set,
            "air-rank",
            "2022-jan-jun",
            "140100",
            &classing,
            &codes,
        );
        let city = Text::new("太原", "Taiyuan");
        let html = strip_html(&city, &cells, true, Lang::Zh);
        assert_eq!(html.matches("<rect").count(), cells.len());
        assert_eq!(html.matches("strip-cell current").count(), 1, "{html}");
        assert!(html.contains(r#"data-period="2022-jan-jun""#));
        assert!(html.contains("太原历次："), "{html}");
        assert!(html.contains("（当前）"));
        let en = strip_html(&city, &cells, true, Lang::En);
        assert!(en.contains("Taiyuan over the periods") && !en.contains("历次"));
        assert!(strip_html(&city, &[], true, Lang::Zh).is_empty());
    }
}
