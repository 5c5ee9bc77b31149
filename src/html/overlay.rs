//! The remediation overlay as markup: its circles (SVG, for the live map and
//! the export alike) and its legend under the main one.

use maud::html;

use crate::data::indicators::IndicatorSet;
use crate::format::fixed;
use crate::i18n::Lang;
use crate::map::overlay::{marks, remediation_layers, Overlay, INK};
use crate::map::palette::UNPUBLISHED_PATTERN;
use crate::present::describe::sources_used;

/// Pixels per map unit of a legend circle until the page measures the map.
const LEGEND_SCALE: f64 = 0.6;

/// The overlay's legend: its name and period, a circle per size with what it
/// stands for and how many cities, the cities without a circle, its notes.
pub fn overlay_legend(set: &IndicatorSet, o: &Overlay, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pick = |t: &crate::i18n::Text| if en { t.en.clone() } else { t.zh.clone() };
    // Each swatch is drawn in map units, as big as the largest circle; the
    // page sizes it to the map's scale (`data-d`, see `ui::legend`), so a
    // circle in the legend is as big as one on the map.
    let biggest = o.legend.iter().filter_map(|e| e.r).fold(0.0, f64::max);
    let d = 2.0 * biggest + 4.0;
    let side = fixed(d, 0);
    let sources = sources_used(set, &o.indicator, &o.period);
    html! {
        p.legend-title {
            span.overlay-kicker { (if en { "Overlay (circles)" } else { "叠加（圆点） Overlay" }) } br;
            strong { (pick(&o.name)) }
            @if !en { " " span.en { (o.name.en) } }
            br;
            span.legend-period { (pick(&o.period_label)) @if !en && o.period_label.en != o.period_label.zh { " · " (o.period_label.en) } }
        }
        ul {
            @for e in &o.legend {
                li.legend-entry.overlay-entry data-unpublished=[e.unpublished.then_some("1")] {
                    svg.swatch-circle data-d=(side) width=(fixed(d * LEGEND_SCALE, 0)) height=(fixed(d * LEGEND_SCALE, 0)) viewBox={ "0 0 " (side) " " (side) } aria-hidden="true" {
                        @if let Some(r) = e.r {
                            @let c = fixed(d / 2.0, 1);
                            circle cx=(c) cy=(c) r=(fixed(r, 1)) vector-effect="non-scaling-stroke" stroke-width="1.5"
                                fill=(if e.unpublished { format!("url(#{UNPUBLISHED_PATTERN})") } else { INK.to_string() })
                                fill-opacity=(if e.unpublished { "1" } else { "0.9" })
                                stroke=(if e.unpublished { INK } else { "#ffffff" }) {}
                        }
                    }
                    span.legend-label {
                        @if en || e.label.en == e.label.zh { (pick(&e.label)) } @else { (e.label.zh) " " span.en { (e.label.en) } }
                    }
                    span.legend-count title="城市数 cities" { (e.count.to_string()) }
                }
            }
        }
        p.legend-note { (if en { "Circle sizes are classes: bigger is more." } else { "圆的大小按分级，越大数值越高。 " }) @if !en { span.en { "Circle sizes are classes: bigger is more." } } }
        (super::legend::notes_and_sources(&o.notes, &sources, en))
    }
    .into_string()
}

/// What the map's title adds for the overlay: " + 圆点：地表水水质改善程度
/// 2018年第一季度", so a screenshot says that the circles have their own period.
pub fn overlay_title(o: &Overlay, lang: Lang) -> String {
    html! {
        span.overlay-title {
            @if lang == Lang::En {
                " + circles: " (o.name.en) " " span.map-period { (o.period_label.en) }
            } @else {
                " + 圆点：" (o.name.zh) " " span.map-period { (o.period_label.zh) }
            }
        }
    }
    .into_string()
}

/// The overlay picker's label and `<select name="overlay">`: "无 None" and each
/// remediation layer but the one `shown` as colours; empty if there is none.
/// Its value is set by the page (so that choosing does not redraw it).
pub fn overlay_picker(set: &IndicatorSet, shown: &str, lang: Lang) -> String {
    let layers: Vec<_> = remediation_layers(set)
        .into_iter()
        .filter(|i| i.id != shown)
        .collect();
    if layers.is_empty() {
        return String::new();
    }
    html! {
        label for="overlay" { span.zh { "叠加治理图层（圆点） " } span.en { "Remediation overlay (circles)" } }
        select #overlay name="overlay" {
            option value="" { (lang.both("无", "None", " · ")) }
            @for i in layers {
                option value=(i.id) { (lang.both(&i.name_zh, &i.name_en, " · ")) }
            }
        }
    }
    .into_string()
}

/// The overlay's period picker: a `<select name="overlay-period">` of every
/// period of the overlay `indicator` (labels with their notes), empty when it
/// has one period only. Its value is set by the page.
pub fn overlay_period_picker(set: &IndicatorSet, indicator: &str, lang: Lang) -> String {
    let periods = set.periods_of(indicator);
    if periods.len() < 2 {
        return String::new();
    }
    html! {
        label for="overlay-period" { span.zh { "圆点的时段 " } span.en { "Circles' period" } }
        select #overlay-period name="overlay-period" {
            @for p in periods {
                @let t = p.full();
                option value=(p.id) { (lang.both(&t.zh, &t.en, " · ")) }
            }
        }
    }
    .into_string()
}

/// The circles of `o` as a string for an SVG `<g>`'s place in the live map.
pub fn marks_svg(o: &Overlay) -> String {
    marks(o, 2.0).into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures;
    use crate::map::layout::MapLayout;
    use crate::map::overlay::overlay;

    #[test]
    fn circles_and_legend_name_the_layer_and_its_period() {
        let set = fixtures::shipped_indicators();
        let regions = fixtures::prefectures();
        let layout = MapLayout::new(&regions).expect("layout");
        let o = overlay(&set, "water-improvement", "2023", None, &layout).expect("overlay");
        let svg = marks_svg(&o);
        assert!(svg.contains(r#"data-overlay="water-improvement""#), "{svg}");
        assert_eq!(svg.matches("<circle").count(), o.marks.len());
        let zh = overlay_legend(&set, &o, Lang::Zh);
        assert!(zh.contains("地表水水质改善程度") && zh.contains("Surface-water improvement"));
        assert!(
            zh.contains("无数据（无圆）") && zh.contains("数据来源"),
            "{zh}"
        );
        let en = overlay_legend(&set, &o, Lang::En);
        assert!(
            en.contains("Overlay (circles)")
                && !en
                    .split("Data:")
                    .next()
                    .unwrap_or_default()
                    .contains("改善"),
            "{en}"
        );
    }
}
