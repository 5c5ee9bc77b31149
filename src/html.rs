//! HTML fragments for read-only parts of the page (the province strip, the city
//! table, the tooltip's details, import reports), built as escaped strings.
//!
//! Why strings and not Leptos views: each distinct `view!` type makes the wasm
//! bigger, and these parts have no inputs of their own. Measured on this app:
//! moving them to strings saved a large share of the wasm (see the issue notes).
//! Every piece of text goes through [`escape`], including text from a person's
//! own CSV file.

use std::fmt::Write;

use crate::data::import::RowProblem;
use crate::data::indicators::IndicatorSet;
use crate::data::policies::{Measure, Policies};
use crate::format::{escape, format_number};
use crate::i18n::Lang;
use crate::present::describe::ValueInfo;

/// Only http(s) links are made clickable.
fn safe_url(url: &str) -> Option<String> {
    (url.starts_with("https://") || url.starts_with("http://")).then(|| escape(url))
}

/// The province strip's items (`<li>`s).
pub fn province_items(set: &IndicatorSet) -> String {
    let mut out = String::new();
    for f in set.province.iter().filter(|f| f.headline) {
        let previous = set
            .province
            .iter()
            .filter(|p| p.id == f.id && p.period < f.period && p.kind == f.kind)
            .max_by(|a, b| a.period.cmp(&b.period))
            .map(|p| format!("（{}：{}）", escape(&p.period), format_number(p.value)))
            .unwrap_or_default();
        let source = set
            .source(&f.source)
            .map(|s| format!("{} {}", s.outlet, s.date))
            .unwrap_or_default();
        let note = f
            .note_zh
            .as_deref()
            .map(|n| format!(" · {n}"))
            .unwrap_or_default();
        let title = format!(
            "{} {} {}{} · {}",
            f.label_zh, f.label_en, f.period, note, source
        );
        let _ = write!(
            out,
            r#"<li class="figure" data-figure="{id}" title="{title}"><span class="figure-value">{value} <small>{unit}</small></span><span class="figure-label"><span class="zh">{lzh}</span> <span class="en">{len}</span></span><span class="figure-meta">{period}{previous}{note} · {source}</span></li>"#,
            id = escape(&f.id),
            title = escape(&title),
            value = format_number(f.value),
            unit = escape(f.unit.as_deref().unwrap_or_default()),
            lzh = escape(&f.label_zh),
            len = escape(&f.label_en),
            period = escape(&f.period),
            note = escape(&note),
            source = escape(&source),
        );
    }
    out
}

fn both(zh: &str, en: &str) -> String {
    if zh == en {
        escape(zh)
    } else {
        format!(
            r#"<span class="zh">{}</span> <span class="en">{}</span>"#,
            escape(zh),
            escape(en)
        )
    }
}

/// The city table's body rows.
pub fn city_rows(values: &[ValueInfo]) -> String {
    let mut out = String::new();
    for v in values {
        let extra: Vec<&str> = [
            v.rank.as_ref().map(|r| r.zh.as_str()),
            v.change.as_ref().map(|c| c.zh.as_str()),
            v.note.as_ref().map(|n| n.zh.as_str()),
            v.derived.then_some("由排除得出"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(
                r#"<br><span class="muted">{}</span>"#,
                escape(&extra.join("；"))
            )
        };
        let source = match &v.source {
            None => String::new(),
            Some(s) => {
                let text = escape(&format!("{} {}", s.outlet, s.date));
                match s.url.as_deref().and_then(safe_url) {
                    Some(url) => format!(
                        r#"<a href="{url}" target="_blank" rel="noopener noreferrer" title="{}">{text}</a>"#,
                        escape(&s.title)
                    ),
                    None => format!(r#"<span title="{}">{text}</span>"#, escape(&s.title)),
                }
            }
        };
        let _ = write!(
            out,
            r#"<tr><th scope="row">{ind}</th><td>{value}{extra}</td><td>{period}{partial}</td><td>{scope}</td><td>{source}</td></tr>"#,
            ind = both(&v.indicator.zh, &v.indicator.en),
            value = both(&v.value.zh, &v.value.en),
            period = escape(&v.period.zh),
            partial = if v.partial { "（非全年）" } else { "" },
            scope = escape(v.scope.as_ref().map(|s| s.zh.as_str()).unwrap_or_default()),
        );
    }
    out
}

/// The tooltip's lines below the names: Chinese with English beside it, or
/// English only.
pub fn tooltip_details(info: &ValueInfo, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pair = |zh: &str, en_text: &str, sep: &str| {
        if en {
            escape(en_text)
        } else {
            format!("{}{sep}{}", escape(zh), escape(en_text))
        }
    };
    let partial = match (info.partial, en) {
        (false, _) => "",
        (true, false) => r#" <span class="partial">非全年 partial year</span>"#,
        (true, true) => r#" <span class="partial">partial year</span>"#,
    };
    let mut out = format!(
        r#"<span class="value{}">{}</span><span class="period">{}{partial}</span>"#,
        if info.has_data { "" } else { " no-data" },
        if en {
            escape(&info.value.en)
        } else {
            format!(
                r#"<span class="zh">{}</span> <span class="en">{}</span>"#,
                escape(&info.value.zh),
                escape(&info.value.en)
            )
        },
        pair(&info.period.zh, &info.period.en, " · "),
    );
    for (class, text) in [
        ("scope", &info.scope),
        ("rank", &info.rank),
        ("change", &info.change),
    ] {
        if let Some(t) = text {
            let _ = write!(
                out,
                r#"<span class="{class}">{}</span>"#,
                pair(&t.zh, &t.en, " · ")
            );
        }
    }
    if let Some(n) = &info.note {
        let _ = write!(
            out,
            r#"<span class="note">{}</span>"#,
            pair(&n.zh, &n.en, " ")
        );
    }
    if info.derived {
        out.push_str(if en {
            r#"<span class="derived">known by exclusion</span>"#
        } else {
            r#"<span class="derived">由通报排除得出 known by exclusion</span>"#
        });
    }
    if let Some(s) = &info.source {
        let _ = write!(
            out,
            r#"<span class="source">{} {} {}</span>"#,
            if en { "Source:" } else { "来源 Source:" },
            escape(&s.outlet),
            escape(&s.date)
        );
    }
    out
}

/// The rows of an import's problem table.
pub fn problem_rows(problems: &[RowProblem]) -> String {
    let mut out = String::new();
    for p in problems {
        let _ = write!(
            out,
            r#"<tr><td>{}</td><td>{}</td><td><span class="zh">{}</span> <span class="en">{}</span></td></tr>"#,
            p.row,
            escape(p.column.as_deref().unwrap_or_default()),
            escape(&p.zh),
            escape(&p.en)
        );
    }
    out
}

/// The comparison table: a header row of city names, then one row per indicator.
pub fn compare_table(
    cities: &[(String, String)],
    rows: &[crate::present::compare::CompareRow],
) -> String {
    let mut out = String::from(r#"<table class="compare"><thead><tr><th>指标 Indicator</th>"#);
    for (zh, en) in cities {
        let _ = write!(
            out,
            r#"<th><span class="zh">{}</span> <span class="en">{}</span></th>"#,
            escape(zh),
            escape(en)
        );
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        let _ = write!(
            out,
            r#"<tr><th scope="row"><span class="zh">{}</span> <span class="en">{}</span><br><span class="muted">{}</span></th>"#,
            escape(&r.indicator_zh),
            escape(&r.indicator_en),
            escape(&r.period_zh)
        );
        for v in &r.values {
            let _ = write!(out, "<td>{}</td>", escape(v));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The body rows of the indicator table.
pub fn table_rows(rows: &[crate::present::table::Row]) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = write!(
            out,
            r#"<tr data-adcode="{}"><th scope="row"><span class="zh">{}</span> <span class="en">{}</span></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            escape(&r.adcode),
            escape(&r.city_zh),
            escape(&r.city_en),
            escape(&r.value),
            escape(&r.class),
            escape(&r.period),
            escape(&r.scope),
            escape(&r.source)
        );
    }
    out
}

/// A ready `<iframe>` for a host page: the view's URL with `embed=1`, a title,
/// lazy loading, and a height the host can update from the `postMessage`
/// messages the embedded map sends (see docs/embedding.md).
pub fn embed_snippet(page_url: &str, query: &str, title: &str) -> String {
    let sep = if query.is_empty() { "" } else { "&" };
    let src = format!("{page_url}?{query}{sep}embed=1");
    format!(
        r#"<iframe src="{}" title="{}" loading="lazy" width="100%" height="640" style="border:0;max-width:100%" data-shanxi-eco-map></iframe>"#,
        escape(&src),
        escape(title)
    )
}

/// One measure card's content (the card element itself is the panel's): title, text, figures, footprint with its basis, related
/// indicators (buttons with `data-indicator`) and source. `city_name` gives a
/// prefecture's Chinese and English name; `indicator_name` an indicator's.
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
    let themes: String = m
        .themes
        .iter()
        .filter_map(|t| p.theme(t))
        .map(|t| {
            format!(
                r#"<span class="chip" data-theme="{}"><span class="zh">{}</span> <span class="en">{}</span></span>"#,
                escape(&t.id),
                escape(&t.name_zh),
                escape(&t.name_en)
            )
        })
        .collect();
    let mut meta = Vec::new();
    if let Some(t) = m.task.as_deref().and_then(|t| p.task(t)) {
        meta.push(format!("任务 Task: {}", escape(&t.name_zh)));
    }
    if let Some(c) = m.campaign.as_deref().and_then(|c| p.campaign(c)) {
        meta.push(format!("战役 Campaign: {}", escape(&c.name_zh)));
    }
    let figures: String = m
        .figures
        .iter()
        .map(|f| {
            format!(
                r#"<li><span class="zh">{}</span> <span class="en">{}</span>: <strong>{}</strong> {}</li>"#,
                escape(&f.label_zh),
                escape(&f.label_en),
                format_number(f.value),
                escape(f.unit.as_deref().unwrap_or_default())
            )
        })
        .collect();
    let figures = if figures.is_empty() {
        String::new()
    } else {
        format!(r#"<ul class="figures">{figures}</ul>"#)
    };
    let footprint = if fp.province_wide && m.targets.len() == 1 {
        r#"<span class="province-wide">全省适用 Province-wide</span>"#.to_string()
    } else {
        let mut t = format!(
            "<span class=\"zh\">{}</span> <span class=\"en\">{}</span>",
            escape(&names(true).join("、")),
            escape(&names(false).join(", "))
        );
        if fp.province_wide {
            t = format!(r#"<span class="province-wide">全省 Province-wide</span>; {t}"#);
        }
        for r in m
            .targets
            .iter()
            .filter_map(|r| p.region(r))
            .filter(|r| !r.counties.is_empty())
        {
            let _ = write!(
                t,
                r#"<br>{} {} 县 counties: <span class="zh">{}</span> <span class="en">{}</span>"#,
                escape(&r.name_zh),
                r.counties.len(),
                escape(&r.county_names_zh.join("、")),
                escape(&r.county_names_en.join(", "))
            );
        }
        t
    };
    let basis: String = m
        .targets
        .iter()
        .filter_map(|r| p.region(r))
        .filter(|r| r.id != crate::data::policies::PROVINCE)
        .map(|r| {
            let flag = if r.uncertain {
                r#" <span class="uncertain">（范围不确定 uncertain）</span>"#
            } else {
                ""
            };
            format!(
                r#"<li><strong>{}</strong>{flag}: <span class="zh">{}</span> <span class="en">{}</span></li>"#,
                escape(&r.name_zh),
                escape(&r.basis_zh),
                escape(&r.basis_en)
            )
        })
        .collect();
    let basis = if basis.is_empty() {
        String::new()
    } else {
        format!(r#"<details class="basis"><summary>依据 Basis</summary><ul>{basis}</ul></details>"#)
    };
    let related: String = m
        .indicators
        .iter()
        .filter_map(|i| indicator_name(i).map(|n| (i, n)))
        .map(|(i, (zh, en))| format!(r#"<button type="button" class="related" data-indicator="{}" title="{}">{}</button>"#, escape(i), escape(&en), escape(&zh)))
        .collect();
    let related = if related.is_empty() {
        String::new()
    } else {
        format!(r#"<p class="related-list">相关指标 Related indicators: {related}</p>"#)
    };
    format!(
        r#"<h4><span class="zh">{tzh}</span> <span class="en">{ten}</span></h4><p class="measure-meta">{themes}{meta}</p><p class="measure-text zh" lang="zh">{text}</p><p class="measure-summary en" lang="en">{summary}</p>{figures}<p class="footprint">范围 Targets: {footprint}</p>{basis}{related}<p class="measure-source">来源 Source: {paper} {date} · <span class="zh">{event}</span> <span class="en">{event_en}</span></p>"#,
        tzh = escape(&m.title_zh),
        ten = escape(&m.title_en),
        meta = if meta.is_empty() {
            String::new()
        } else {
            format!(" · {}", meta.join(" · "))
        },
        text = escape(&m.text_zh),
        summary = escape(&m.summary_en),
        paper = escape(&m.source.paper),
        date = escape(&m.source.date),
        event = escape(&m.source.event_zh),
        event_en = escape(&m.source.event_en),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::describe::{describe, describe_city};

    use crate::data::indicators::shipped as set;

    #[test]
    fn measure_card_shows_footprint_basis_and_related_indicators() {
        let p = crate::data::policies::shipped();
        let m = p
            .measure("campaign-yellow-river-counties")
            .expect("measure");
        let names = |c: &str| Some((format!("市{c}"), format!("City{c}")));
        let ind = |i: &str| Some((format!("指标{i}"), i.to_string()));
        let html = measure_card(&p, m, &names, &ind);
        assert!(html.starts_with("<h4>") && html.contains("黄河"));
        assert!(
            html.contains("19 县 counties") && html.contains("偏关县") && html.contains("Pianguan")
        );
        assert!(html.contains(r#"data-indicator="water-quality-index""#));
        assert!(html.contains("basis") && html.contains("965"));
        let fen = measure_card(
            &p,
            p.measure("campaign-fen-valley").expect("measure"),
            &names,
            &ind,
        );
        assert!(fen.contains("市140800?"), "uncertain cities are marked");
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
        assert_eq!(
            escape(r#"<img src=x onerror="a">&'"#),
            "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;"
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
    }

    #[test]
    fn problems_from_a_file_are_escaped() {
        let p = RowProblem {
            row: 3,
            column: Some("<b>".into()),
            zh: "未知城市“<script>”".into(),
            en: "x".into(),
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
        assert!(
            html.contains("（2022：38）"),
            "previous year beside the value"
        );
        assert_eq!(
            html.matches("<li").count(),
            set().province.iter().filter(|f| f.headline).count()
        );
    }

    #[test]
    fn city_rows_link_sources() {
        let s = set();
        let html = city_rows(&describe_city(&s, "140100"));
        assert!(html.contains(r#"<a href="http://www.tynews.com.cn/"#));
        assert_eq!(
            html.matches("<tr>").count(),
            describe_city(&s, "140100").len()
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
