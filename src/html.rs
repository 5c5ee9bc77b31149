//! HTML fragments for read-only parts of the page (the province strip, the city
//! table, the tooltip's details, import reports, measure cards), built with
//! `maud`, which escapes every spliced value by default, including text from a
//! person's own CSV file.
//!
//! Why markup strings and not Leptos views: each distinct `view!` type makes the
//! wasm bigger, and these parts have no inputs of their own. Measured on this
//! app: moving them from views to strings saved about 13 KB gzip of wasm.
//! Numbers are formatted to text before they are spliced (maud's own float
//! rendering would bring Rust's float formatting into the wasm).

use maud::{html, Markup};

use crate::data::import::RowProblem;
use crate::data::indicators::IndicatorSet;
use crate::data::policies::{Measure, Policies, PROVINCE};
use crate::format::format_number;
use crate::i18n::{Lang, Text};
use crate::present::compare::CompareRow;
use crate::present::describe::ValueInfo;
use crate::present::table::Row;

/// Only http(s) links are made clickable.
fn safe_url(url: &str) -> Option<&str> {
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}

/// Chinese and English side by side (`.zh` / `.en`, which the page's language
/// shows or hides); once when they are the same.
fn both(zh: &str, en: &str) -> Markup {
    html! {
        @if zh == en { (zh) } @else { span.zh { (zh) } " " span.en { (en) } }
    }
}

/// [`both`] of a [`Text`].
fn text(t: &Text) -> Markup {
    both(&t.zh, &t.en)
}

/// The province strip's items (`<li>`s).
pub fn province_items(set: &IndicatorSet) -> String {
    html! {
        @for f in set.province.iter().filter(|f| f.headline) {
            @let previous = set
                .province
                .iter()
                .filter(|p| p.id == f.id && p.period < f.period && p.kind == f.kind)
                .max_by(|a, b| a.period.cmp(&b.period))
                .map(|p| format!("（{}：{}）", p.period, format_number(p.value)))
                .unwrap_or_default();
            @let source = set
                .source(&f.source)
                .map(|s| format!("{} {}", s.outlet, s.date))
                .unwrap_or_default();
            @let note = f.note_zh.as_deref().map(|n| format!(" · {n}")).unwrap_or_default();
            li.figure data-figure=(f.id) title={ (f.label_zh) " " (f.label_en) " " (f.period) (note) " · " (source) } {
                span.figure-value { (format_number(f.value)) " " small { (f.unit.as_deref().unwrap_or_default()) } }
                span.figure-label { span.zh { (f.label_zh) } " " span.en { (f.label_en) } }
                span.figure-meta { (f.period) (previous) (note) " · " (source) }
            }
        }
    }
    .into_string()
}

/// A source as a link (http(s) only) or plain text, titled with the article.
fn source_link(s: &crate::data::indicators::Source) -> Markup {
    let label = format!("{} {}", s.outlet, s.date);
    html! {
        @if let Some(url) = s.url.as_deref().and_then(safe_url) {
            a href=(url) target="_blank" rel="noopener noreferrer" title=(s.title) { (label) }
        } @else {
            span title=(s.title) { (label) }
        }
    }
}

/// The city detail: the city's names and a table of every known value.
pub fn city_detail(zh: &str, en: &str, values: &[ValueInfo]) -> String {
    html! {
        h2 { span.zh { (zh) } " " span.en { (en) } }
        div.table-scroll {
            table {
                thead { tr { th { "指标 Indicator" } th { "数值 Value" } th { "时段 Period" } th { "范围 Scope" } th { "来源 Source" } } }
                tbody {
                    @for v in values {
                        @let extra: Vec<&str> = [
                            v.rank.as_ref().map(|r| r.zh.as_str()),
                            v.change.as_ref().map(|c| c.zh.as_str()),
                            v.note.as_ref().map(|n| n.zh.as_str()),
                            v.derived.then_some("由排除得出"),
                        ]
                        .into_iter()
                        .flatten()
                        .collect();
                        tr {
                            th scope="row" { (text(&v.indicator)) }
                            td {
                                (text(&v.value))
                                @if !extra.is_empty() { br; span.muted { (extra.join("；")) } }
                            }
                            td { (v.period.zh) @if v.partial { "（非全年）" } }
                            td { (v.scope.as_ref().map(|s| s.zh.as_str()).unwrap_or_default()) }
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
            (pair(&info.period, " · "))
            @if info.partial { " " span.partial { @if !en { "非全年 " } "partial year" } }
        }
        @for (class, line) in [("scope", &info.scope), ("rank", &info.rank), ("change", &info.change)] {
            @if let Some(t) = line { span class=(class) { (pair(t, " · ")) } }
        }
        @if let Some(n) = &info.note { span.note { (pair(n, " ")) } }
        @if info.derived { span.derived { @if !en { "由通报排除得出 " } "known by exclusion" } }
        @if let Some(s) = &info.source {
            span.source { @if !en { "来源 " } "Source: " (s.outlet) " " (s.date) }
        }
    }
    .into_string()
}

/// The rows of an import's problem table.
pub fn problem_rows(problems: &[RowProblem]) -> String {
    html! {
        @for p in problems {
            tr {
                td { (p.row.to_string()) }
                td { (p.column.as_deref().unwrap_or_default()) }
                td { (text(&p.text())) }
            }
        }
    }
    .into_string()
}

/// The comparison: a note when more cities are selected than compared, then a
/// header row of city names and one row per indicator.
pub fn compare_table(
    cities: &[(String, String)],
    rows: &[CompareRow],
    max: usize,
    selected: usize,
) -> String {
    html! {
        h2 { span.zh { "比较" } " " span.en { "Compare" } }
        @if selected > max {
            p.hint { "最多比较 " (max.to_string()) " 个城市。" span.en { "At most " (max.to_string()) " cities are compared." } }
        }
        div.table-scroll {
            table.compare {
                thead { tr { th { "指标 Indicator" } @for (zh, en) in cities { th { span.zh { (zh) } " " span.en { (en) } } } } }
                tbody {
                    @for r in rows {
                        tr {
                            th scope="row" { span.zh { (r.indicator_zh) } " " span.en { (r.indicator_en) } br; span.muted { (r.period_zh) } }
                            @for v in &r.values { td { (v) } }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

/// The body rows of the indicator table.
pub fn table_rows(rows: &[Row]) -> String {
    html! {
        @for r in rows {
            tr data-adcode=(r.adcode) {
                th scope="row" { span.zh { (r.city_zh) } " " span.en { (r.city_en) } }
                td { (r.value) } td { (r.class) } td { (r.period) } td { (r.scope) } td { (r.source) }
            }
        }
    }
    .into_string()
}

/// A ready `<iframe>` for a host page: the view's URL with `embed=1`, a title,
/// lazy loading, and a height the host can update from the `postMessage`
/// messages the embedded map sends (see docs/embedding.md).
pub fn embed_snippet(page_url: &str, query: &str, title: &str) -> String {
    let sep = if query.is_empty() { "" } else { "&" };
    html! {
        iframe src={ (page_url) "?" (query) (sep) "embed=1" } title=(title) loading="lazy" width="100%" height="640"
            style="border:0;max-width:100%" data-shanxi-eco-map {}
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
            @if let Some(t) = m.task.as_deref().and_then(|t| p.task(t)) { " · 任务 Task: " (t.name_zh) }
            @if let Some(c) = m.campaign.as_deref().and_then(|c| p.campaign(c)) { " · 战役 Campaign: " (c.name_zh) }
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
            "范围 Targets: "
            @if fp.province_wide && m.targets.len() == 1 {
                span.province-wide { "全省适用 Province-wide" }
            } @else {
                @if fp.province_wide { span.province-wide { "全省 Province-wide" } "; " }
                span.zh { (names(true).join("、")) } " " span.en { (names(false).join(", ")) }
                @for r in targets.iter().filter(|r| !r.counties.is_empty()) {
                    br; (r.name_zh) " " (r.counties.len().to_string()) " 县 counties: "
                    span.zh { (r.counties.iter().map(|c| c.name_zh.as_str()).collect::<Vec<_>>().join("、")) } " "
                    span.en { (r.counties.iter().map(|c| c.name_en.as_str()).collect::<Vec<_>>().join(", ")) }
                }
            }
        }
        @if targets.iter().any(|r| r.id != PROVINCE) {
            details.basis {
                summary { "依据 Basis" }
                ul {
                    @for r in targets.iter().filter(|r| r.id != PROVINCE) {
                        li {
                            strong { (r.name_zh) }
                            @if r.uncertain { " " span.uncertain { "（范围不确定 uncertain）" } }
                            ": " span.zh { (r.basis_zh) } " " span.en { (r.basis_en) }
                        }
                    }
                }
            }
        }
        @if !related.is_empty() {
            p.related-list {
                "相关指标 Related indicators: "
                @for (id, (zh, en)) in &related {
                    button.related type="button" data-indicator=(id) title=(en) { (zh) }
                }
            }
        }
        p.measure-source {
            "来源 Source: " (m.source.paper) " " (m.source.date) " · "
            span.zh { (m.source.event_zh) } " " span.en { (m.source.event_en) }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::describe::{describe, describe_city};

    use crate::data::fixtures::{indicators as set, policies};

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
            html.contains("3 县 counties: <span class=\"zh\">兴县、临县、河津市</span>")
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
        assert!(fen.contains("（范围不确定 uncertain）"));
        let soil = measure_card(
            &p,
            p.measure("soil-construction").expect("measure"),
            &names,
            &ind,
        );
        assert!(soil.contains("全省适用 Province-wide"));
    }

    #[test]
    fn embed_snippet_has_title_lazy_loading_and_embed_mode() {
        let s = embed_snippet(
            "https://example.org/map/",
            "indicator=pm25&period=2023",
            "山西 PM2.5 \"2023\"",
        );
        assert!(s.starts_with("<iframe src=\"https://example.org/map/?indicator=pm25&amp;period=2023&amp;embed=1\""), "{s}");
        assert!(
            s.contains(r#"title="山西 PM2.5 &quot;2023&quot;""#) && s.contains(r#"loading="lazy""#)
        );
    }

    #[test]
    fn escapes_markup_and_quotes() {
        let html = table_rows(&[Row {
            adcode: "\"><script>".into(),
            city_zh: r#"<img src=x onerror="a">&"#.into(),
            city_en: String::new(),
            value: String::new(),
            number: None,
            class: String::new(),
            period: String::new(),
            scope: String::new(),
            source: String::new(),
        }]);
        assert!(
            html.contains("&lt;img src=x onerror=&quot;a&quot;&gt;&amp;")
                && html.contains(r#"data-adcode="&quot;&gt;&lt;script&gt;""#),
            "{html}"
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
    }

    #[test]
    fn problems_from_a_file_are_escaped() {
        let p = RowProblem {
            row: 3,
            column: Some("<b>".into()),
            cell: crate::data::import::CellError::UnknownCity("<script>".into()),
        };
        let html = problem_rows(&[p]);
        assert!(
            !html.contains("<script>") && !html.contains("<b>") && html.contains("&lt;script&gt;")
        );
    }

    #[test]
    fn province_strip_has_each_headline_figure() {
        let html = province_items(&set());
        assert!(html.contains(r#"data-figure="pm25""#) && html.contains("37"));
        assert_eq!(
            html.matches("<li").count(),
            set().province.iter().filter(|f| f.headline).count()
        );
    }

    #[test]
    fn city_rows_link_sources() {
        let s = set();
        let html = city_detail("太原市", "Taiyuan", &describe_city(&s, "140100"));
        assert!(html.contains(r#"<a href="http://www.tynews.com.cn/"#));
        assert_eq!(
            html.matches("<tr>").count(),
            describe_city(&s, "140100").len() + 1,
            "a header row and one row per value"
        );
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
