//! Table bodies: an import's problems, the comparison, the indicator table.

use maud::html;

use super::{both, one, text};
use crate::data::import::message::ProblemLine;
use crate::present::compare::{mixed_years, CompareRow};
use crate::present::table::{Row, SortBy};

/// What became of a person's file, as the import shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportReport {
    /// Being read.
    Reading(String),
    /// Read: rows, indicators loaded, and every row or cell not used.
    Loaded {
        file: String,
        rows: usize,
        indicators: usize,
        problems: Vec<ProblemLine>,
        /// Rows or cells not used beyond those listed.
        more: usize,
        /// Read as GBK (not UTF-8).
        read_as_gbk: bool,
    },
    /// Refused, with why.
    Failed {
        file: String,
        zh: String,
        en: String,
    },
}

/// The English noun for `n` things.
fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The import's report: status, or the alert of a refused file, or the counts
/// and a table of the rows and cells not used (row number, column, reason).
pub fn import_report(report: &ImportReport) -> String {
    html! {
        @match report {
            ImportReport::Reading(file) => p.import-status role="status" { span.zh { "正在读取" } " " span.en { "Reading" } " " (file) "…" },
            ImportReport::Failed { file, zh, en } => div.import-status.import-error role="alert" {
                p { strong { (file) } ": " span.zh { (zh) } " " span.en { (en) } }
            },
            ImportReport::Loaded { file, rows, indicators, problems, more, read_as_gbk } => div.import-status role="status" {
                @let n = problems.len() + more;
                p {
                    strong { (file) } ": " span.zh { (format!("读取 {rows} 行，载入 {indicators} 个指标，{n} 处未用。")) }
                    " " span.en { (format!(
                        "{rows} {} read, {indicators} {} loaded, {n} {} not used.",
                        plural(*rows, "row", "rows"),
                        plural(*indicators, "indicator", "indicators"),
                        plural(n, "cell or row", "cells or rows"),
                    )) }
                    @if *read_as_gbk {
                        " " span.zh { "（文件按 GBK 编码读取。）" } " " span.en { "(The file was read as GBK, the encoding of Chinese Excel.)" }
                    }
                }
                @if !problems.is_empty() {
                    table.import-problems {
                        thead { tr {
                            th { span.zh { "行 " } " " span.en { "Row" } }
                            th { span.zh { "列 " } " " span.en { "Column" } }
                            th { span.zh { "原因 " } " " span.en { "Reason" } }
                        } }
                        tbody {
                            @for p in problems {
                                tr {
                                    td { (p.row.to_string()) }
                                    td { (p.column.as_deref().unwrap_or_default()) }
                                    td { (text(&p.text)) }
                                }
                            }
                            @if *more > 0 {
                                tr.more {
                                    td colspan="3" {
                                        span.zh { (format!("另有 {more} 处未用，未逐一列出。")) } " "
                                        span.en { (format!("{more} more not listed.")) }
                                    }
                                }
                            }
                        }
                    }
                }
            },
        }
    }
    .into_string()
}

/// The comparison: a header row of city names and one row per indicator; when
/// more cities are selected than compared, a note that says why and names the
/// ones left out (`left_out`, Chinese and English names).
pub fn compare_table(
    cities: &[(String, String)],
    rows: &[CompareRow],
    max: usize,
    left_out: &[(String, String)],
) -> String {
    let zh: Vec<&str> = left_out.iter().map(|(zh, _)| zh.as_str()).collect();
    let en: Vec<&str> = left_out.iter().map(|(_, en)| en.as_str()).collect();
    html! {
        h2 { span.zh { "比较" } " " span.en { "Compare" } }
        @if let Some((lo, hi)) = mixed_years(rows) {
            p.hint.mixed-years {
                span.zh { "这些数据来自不同年份（" (lo.to_string()) "—" (hi.to_string()) "年），每行的时段写在指标下。" }
                " "
                span.en { "These figures are from different years (" (lo.to_string()) "–" (hi.to_string()) "); each row names its period." }
            }
        }
        @if !left_out.is_empty() {
            p.hint.left-out {
                span.zh { "并排最多比较 " (max.to_string()) " 个城市，以便表格可读；未比较：" (zh.join("、")) "。" }
                " "
                span.en { "At most " (max.to_string()) " cities side by side, so that the table stays readable; not compared: " (en.join(", ")) "." }
            }
        }
        div.table-scroll {
            table.compare {
                thead { tr { th { (both("指标", "Indicator")) } @for (zh, en) in cities { th { span.zh { (zh) } " " span.en { (en) } } } } }
                tbody {
                    @for r in rows {
                        tr {
                            th scope="row" { span.zh { (r.indicator_zh) } " " span.en { (r.indicator_en) } br; span.muted { (one(&r.period_zh, &r.period_en)) } }
                            @for (zh, en) in r.values.iter().zip(&r.values_en) { td { (one(zh, en)) } }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

/// The open indicator table's frame: the CSV link (`a[download]`) and the
/// table with a sort button per sortable column. The page writes into it in
/// place: the link's address and file name, `aria-sort`, and the body rows
/// ([`table_rows`]), so that a table scrolled sideways stays where it is.
pub fn data_table() -> String {
    let header = |key: SortBy, zh: &str, en: &str| {
        html! {
            th aria-sort="none" {
                button.sort type="button" name={ "sort-" (key.id()) } data-sort=(key.id()) { span.zh { (zh) } " " span.en { (en) } }
            }
        }
    };
    html! {
        p.table-tools {
            a.tool href="#" download {
                span.zh { span.zh { "下载" } " " span.en { "CSV " } } " " span.en { "Download CSV" }
            }
        }
        div.table-scroll {
            table {
                thead {
                    tr {
                        (header(SortBy::City, "城市", "City"))
                        (header(SortBy::Value, "数值", "Value"))
                        (header(SortBy::Class, "分级", "Class"))
                        th { span.zh { "时段 " } " " span.en { "Period" } }
                        th { span.zh { "范围 " } " " span.en { "Scope" } }
                        th { span.zh { "来源 " } " " span.en { "Source" } }
                    }
                }
                tbody {}
            }
        }
    }
    .into_string()
}

/// The `aria-sort` of the column `key` when the table is sorted by `by`.
pub fn aria_sort(key: SortBy, by: SortBy, descending: bool) -> &'static str {
    match (key == by, descending) {
        (false, _) => "none",
        (true, true) => "descending",
        (true, false) => "ascending",
    }
}

/// The body rows of the indicator table.
pub fn table_rows(rows: &[Row]) -> String {
    html! {
        @for r in rows {
            tr data-adcode=(r.adcode) {
                th scope="row" { span.zh { (r.city_zh) } " " span.en { (r.city_en) } }
                td { (one(&r.value, &r.value_en)) }
                td { (both(&r.class, &r.class_en)) }
                td { (one(&r.period, &r.period_en)) }
                td { (one(&r.scope, &r.scope_en)) }
                td { span lang="zh" { (r.source) } }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_marks_the_column_it_is_sorted_by() {
        let t = data_table();
        assert!(t.contains(r#"<th aria-sort="none"><button class="sort" type="button" name="sort-value" data-sort="value">"#), "{t}");
        assert!(
            t.contains("<tbody></tbody>") && t.contains("download"),
            "{t}"
        );
        assert_eq!(aria_sort(SortBy::Value, SortBy::Value, true), "descending");
        assert_eq!(aria_sort(SortBy::Value, SortBy::Value, false), "ascending");
        assert_eq!(aria_sort(SortBy::City, SortBy::Value, false), "none");
        assert_eq!(SortBy::from_id("class"), Some(SortBy::Class));
        assert_eq!(SortBy::from_id("x"), None);
    }

    #[test]
    fn escapes_markup_and_quotes() {
        let html = table_rows(&[Row {
            adcode: "\"><script>".into(),
            city_zh: r#"<img src=x onerror="a">&"#.into(),
            ..Row::default()
        }]);
        assert!(
            html.contains("&lt;img src=x onerror=&quot;a&quot;&gt;&amp;")
                && html.contains(r#"data-adcode="&quot;&gt;&lt;script&gt;""#),
            "{html}"
        );
    }

    #[test]
    fn problems_from_a_file_are_escaped() {
        let cell = crate::data::import::CellError::UnknownCity("<script>".into());
        let p = ProblemLine {
            row: 3,
            column: Some("<b>".into()),
            text: cell.text(),
        };
        let html = import_report(&ImportReport::Loaded {
            file: "<i>.csv".into(),
            rows: 4,
            indicators: 1,
            problems: vec![p],
            more: 0,
            read_as_gbk: false,
        });
        assert!(
            !html.contains("<script>")
                && !html.contains("<b>")
                && !html.contains("<i>")
                && html.contains("&lt;script&gt;")
                && html.contains("1 处未用"),
            "{html}"
        );
    }
}
