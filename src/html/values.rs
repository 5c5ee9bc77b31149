//! One city's values in words: the city detail table and the tooltip's lines.

use maud::html;

use super::{both, one, source_link, source_title, text};
use crate::i18n::{Lang, Text};
use crate::present::describe::ValueInfo;

/// The city detail: the city's names, its strip of the current indicator's
/// periods (`strip`: the indicator's name and [`super::strip_html`]'s markup,
/// where the current run has several periods) and a table of every known value.
pub fn city_detail(
    zh: &str,
    en: &str,
    strip: Option<(&Text, &str)>,
    values: &[ValueInfo],
) -> String {
    html! {
        h2 { span.zh { (zh) } " " span.en { (en) } }
        @if let Some((name, markup)) = strip.filter(|(_, m)| !m.is_empty()) {
            p.city-strip {
                span.city-strip-name { (text(name)) }
                " " (maud::PreEscaped(markup))
            }
        }
        div.table-scroll {
            table {
                thead { tr { th { (both("指标", "Indicator")) } th { (both("数值", "Value")) } th { (both("时段", "Period")) } th { (both("范围", "Scope")) } th { (both("来源", "Source")) } } }
                tbody {
                    @for v in values {
                        @let extra = |en: bool| -> String {
                            let pick = |t: &crate::i18n::Text| if en { t.en.clone() } else { t.zh.clone() };
                            [
                                v.rank.as_ref().map(pick),
                                v.change.as_ref().map(pick),
                                v.note.as_ref().map(pick),
                                v.derived.then(|| if en { "known by exclusion".to_string() } else { "由排除得出".to_string() }),
                            ]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(if en { "; " } else { "；" })
                        };
                        tr {
                            th scope="row" { (text(&v.indicator)) }
                            td {
                                (text(&v.value))
                                @if !extra(false).is_empty() { br; span.muted { (one(&extra(false), &extra(true))) } }
                            }
                            td { (one(&v.period.zh, &v.period.en)) @if v.partial { (one("（非全年）", " (partial year)")) } }
                            td { @if let Some(s) = &v.scope { (one(&s.zh, &s.en)) } }
                            td { @if let Some(s) = &v.source { (source_link(s)) } }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

/// The hint shown in the city detail while no city is selected.
pub fn city_detail_hint() -> String {
    html! {
        p.hint { span.zh { "点击地图上的城市查看其全部数据。" } " " span.en { "Select a city on the map to see all its values." } }
    }
    .into_string()
}

/// The tooltip's lines below the names: Chinese with English beside it, or
/// English only.
pub fn tooltip_details(info: &ValueInfo, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pair = |t: &Text, sep: &str| -> String {
        if en {
            t.en.clone()
        } else {
            format!("{}{sep}{}", t.zh, t.en)
        }
    };
    html! {
        span.value.no-data[!info.has_data] {
            @if en { (info.value.en) } @else { span.zh { (info.value.zh) } " " span.en { (info.value.en) } }
        }
        span.period {
            @if en || crate::data::indicators::en_adds(&info.period.zh, &info.period.en) {
                (pair(&info.period, " · "))
            } @else {
                (info.period.zh)
            }
            @if info.partial { " " span.partial { @if !en { "非全年 " } "partial year" } }
        }
        @for (class, line) in [("scope", &info.scope), ("rank", &info.rank), ("change", &info.change)] {
            @if let Some(t) = line { span class=(class) { (pair(t, " · ")) } }
        }
        @if let Some(n) = &info.note { span.note { (pair(n, " ")) } }
        @if info.derived { span.derived { @if !en { "由通报排除得出 " } "known by exclusion" } }
        @if let Some(s) = &info.source {
            span.source { @if !en { "来源 " } "Source: " (crate::present::describe::source_name(s)) @if !en { (source_title(s)) } }
        }
    }
    .into_string()
}

/// The tooltip's line for the remediation overlay: its name, this city's
/// value (or "no data") and its period, e.g. "叠加圆点 地表水水质改善程度：
/// 12.56 · 2018年第一季度".
pub fn overlay_line(name: &Text, info: &ValueInfo, lang: Lang) -> String {
    let en = lang == Lang::En;
    html! {
        span.overlay-value {
            @if en {
                "Circles: " (name.en) ": " (info.value.en) " · " (info.period.en)
            } @else {
                "叠加圆点 " (name.zh) "：" (info.value.zh) " · " (info.period.zh)
                " " span.en { "Circles: " (info.value.en) }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::indicators as set;
    use crate::present::describe::{describe, describe_city};
    #[test]
    fn city_rows_link_sources() {
        let s = set();
        let html = city_detail("太原市", "Taiyuan", None, &describe_city(&s, "140100"));
        assert!(
            html.contains(r#"href="http://www.tynews.com.cn/"#),
            "{html}"
        );
        assert!(html.contains("《"), "the article's title: {html}");
        assert_eq!(
            html.matches("<tr>").count(),
            describe_city(&s, "140100").len() + 1,
            "a header row and one row per value"
        );
    }

    #[test]
    fn the_overlay_line_names_the_layer_value_and_period() {
        let s = crate::data::fixtures::shipped_indicators();
        let info = describe(&s, "water-improvement", "2017-q2", "140700").expect("Jinzhong");
        let name = Text::new("地表水水质改善程度", "Surface-water improvement");
        let zh = overlay_line(&name, &info, Lang::Zh);
        assert!(
            zh.contains(
                "叠加圆点 地表水水质改善程度：末位（第11名，共11个），数值未公布 · 2017年第二季度"
            ),
            "{zh}"
        );
        let en = overlay_line(&name, &info, Lang::En);
        assert!(en.contains("Circles: Surface-water improvement: last (11 of 11), value not published · Q2 2017"), "{en}");
    }

    #[test]
    fn tooltip_lines() {
        let s = set();
        let info = describe(&s, "pm25", "2023", "140100").expect("indicator");
        let html = tooltip_details(&info, Lang::Zh);
        assert!(html.contains("41 μg/m³") && html.contains("市区") && html.contains("太原晚报"));
        let none = describe(&s, "pm25", "2023", "140200").expect("indicator");
        assert!(tooltip_details(&none, Lang::Zh).contains("no-data"));
        let en = tooltip_details(&info, Lang::En);
        assert!(
            en.contains("41 μg/m³") && en.contains("urban districts") && !en.contains("市区"),
            "{en}"
        );
    }
}
