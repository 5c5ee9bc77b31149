//! The legend and the map's title: what the colours mean, for which indicator
//! and period. One function each for the live page and the prerendered first
//! view, so the two cannot drift apart.

use maud::{html, Markup, PreEscaped};

use super::source_link;
use crate::data::indicators::{IndicatorSet, Kind, Source};
use crate::i18n::Lang;
use crate::map::choropleth::{Choropleth, NO_DATA, UNPUBLISHED};
use crate::present::describe::sources_used;

/// The legend's content (inside `<div class="legend">`): title with indicator,
/// unit and period; one entry per class (`li.legend-entry[data-class]` with its
/// swatch, label and count), no data last; the sources; what the indicator
/// means when `about` (the live page shows that after the overlay's legend:
/// [`about`]).
pub fn legend(
    set: &IndicatorSet,
    fills: &Choropleth,
    indicator: &str,
    period: &str,
    lang: Lang,
    about: bool,
) -> String {
    let (Some(ind), Some(per)) = (set.indicator(indicator), set.period(period)) else {
        return String::new();
    };
    let en = lang == Lang::En;
    let unit = ind.unit_in_parens();
    let sources = sources_used(set, indicator, period);
    html! {
        p.legend-title {
            @if en {
                strong { (ind.name_en) (unit) } br;
                span.legend-period { (per.full().en) }
            } @else {
                strong { (ind.name_zh) } " " span.en { (ind.name_en) (unit) } br;
                span.legend-period { (per.full_both()) }
            }
        }
        ul {
            @for e in &fills.legend {
                li.legend-entry.empty[e.count == 0] data-class=(e.class) {
                    // The colour as an SVG fill, not a style attribute: the
                    // strict Content-Security-Policy blocks style attributes.
                    @match &e.color {
                        Some(c) => {
                            svg.swatch viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true" {
                                rect width="1" height="1" fill=(c) {}
                            }
                        }
                        None => { span.swatch.hatch[e.class == NO_DATA].dots[e.class == UNPUBLISHED] aria-hidden="true" {} }
                    }
                    span.legend-label {
                        @if en || e.label_en == e.label_zh {
                            (if en { &e.label_en } else { &e.label_zh })
                        } @else {
                            (e.label_zh) " " span.en { (e.label_en) }
                        }
                    }
                    span.legend-count title="城市数 cities" { (e.count.to_string()) }
                }
            }
        }
        // Which way the colours run, for numbers (bands and categories say it
        // in their names).
        @if ind.kind == Kind::Numeric {
            @let (zh, en_dir) = if ind.lower_is_better {
                ("颜色越深越差（数值越低越好）", "Darker is worse (lower is better)")
            } else {
                ("颜色越深越差（数值越高越好）", "Darker is worse (higher is better)")
            };
            p.legend-note.direction { @if en { (en_dir) } @else { (zh) " " span.en { (en_dir) } } }
        }
        (notes_and_sources(&fills.notes, &sources, en))
        @if about {
            (PreEscaped(self::about(set, indicator)))
        }
    }
    .into_string()
}

/// A legend's notes (Chinese with English, or English alone) and its "Data:"
/// line of linked sources: the colours' legend and the circles' alike.
pub(crate) fn notes_and_sources(
    notes: &[(String, String)],
    sources: &[&Source],
    en: bool,
) -> Markup {
    html! {
        @for (zh, en_note) in notes {
            p.legend-note { @if en { (en_note) } @else { (zh) " " span.en { (en_note) } } }
        }
        @if !sources.is_empty() {
            p.legend-source {
                (if en { "Data: " } else { "数据来源 Data: " })
                @for (i, s) in sources.iter().enumerate() {
                    @if i > 0 { "；" }
                    (source_link(s))
                }
            }
        }
    }
}

/// What the indicator means, in both languages (empty if the data says nothing).
pub fn about(set: &IndicatorSet, indicator: &str) -> String {
    match set.indicator(indicator) {
        Some(ind) if !ind.description_zh.is_empty() => html! {
            p.description { span.zh { (ind.description_zh) } " " span.en { (ind.description_en) } }
        }
        .into_string(),
        _ => String::new(),
    }
}

/// The map's title (inside `<h2 class="map-title">`): the indicator with its
/// unit and the period, so that a screenshot or a phone's first screen says it.
pub fn map_title(set: &IndicatorSet, indicator: &str, period: &str, lang: Lang) -> String {
    let (Some(ind), Some(per)) = (set.indicator(indicator), set.period(period)) else {
        return String::new();
    };
    let unit = ind.unit_in_parens();
    let (name, period) = if lang == Lang::En {
        (format!("{}{unit}", ind.name_en), per.label_en.clone())
    } else {
        (ind.name_zh.clone(), per.both())
    };
    html! { (name) " " span.map-period { (period) } }.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::Dataset;
    use crate::map::choropleth::{choropleth, Classing};

    #[test]
    fn legend_names_classes_counts_sources_and_no_data() {
        let d = Dataset::parse(
            include_str!("../../public/data/indicators.json"),
            include_str!("../../public/data/policies.json"),
        )
        .expect("shipped data");
        let s = &*d.indicators;
        let c = choropleth(
            s,
            "pm25",
            "2023",
            &Classing {
                classes: 3,
                ..Default::default()
            },
            &["140100".into(), "140200".into(), "149900".into()],
        );
        let html = legend(s, &c, "pm25", "2023", Lang::Zh, true);
        assert!(
            html.contains(r#"<li class="legend-entry" data-class="0">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"data-class="none""#) && html.contains("无数据"),
            "{html}"
        );
        assert!(html.contains("数据来源 Data: "), "{html}");
        let en = legend(s, &c, "pm25", "2023", Lang::En, true);
        assert!(en.contains("Data: ") && !en.contains("数据来源"), "{en}");
        assert!(legend(s, &c, "nope", "2023", Lang::Zh, true).is_empty());
        assert!(map_title(s, "pm25", "2023", Lang::Zh).contains(r#"<span class="map-period">"#));
    }
}
