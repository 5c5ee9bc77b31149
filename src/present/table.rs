//! The table of the current indicator: one row per city with value, class,
//! period, scope and source, sortable, and exactly the same rows as CSV.

use super::describe::{citation, describe};
use crate::data::geo::Region;
use crate::data::indicators::{IndicatorSet, RankFrom, Value};
use crate::i18n::{Lang, Text};
use crate::map::choropleth::{Choropleth, NO_DATA};

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub adcode: String,
    pub city_zh: String,
    pub city_en: String,
    /// The value as shown ("41 μg/m³", "后三（最差）", "无数据").
    pub value: String,
    /// The number, for sorting numeric values.
    pub number: Option<f64>,
    /// The legend label of the city's class, in Chinese ("无数据" without data).
    pub class: String,
    /// The class's place in the legend (`None`: no data), for sorting by class.
    pub class_order: Option<usize>,
    /// The first published position (1 = best), for sorting rank layers.
    pub position: Option<u32>,
    pub period: String,
    pub scope: String,
    pub source: String,
    /// The row as the CSV has it, in Chinese and in English.
    pub csv: [CsvCells; 2],
    /// Value, class, period and scope as shown in English.
    pub value_en: String,
    pub class_en: String,
    pub period_en: String,
    pub scope_en: String,
}

/// A row's cells in the downloaded CSV, in one language: ready for analysis,
/// so the value column holds only the number (or the category's name) and is
/// empty without data, the scope is empty where the source does not state it,
/// and `notes` says what is missing or uncertain.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsvCells {
    pub city: String,
    pub value: String,
    pub class: String,
    pub period: String,
    pub scope: String,
    pub source: String,
    pub notes: String,
}

/// Columns the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    City,
    Value,
    Class,
}

impl SortBy {
    /// Every column the table sorts by, in the table's order.
    pub const ALL: [SortBy; 3] = [SortBy::City, SortBy::Value, SortBy::Class];

    /// The column of an id from the page.
    pub fn from_id(id: &str) -> Option<SortBy> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The column's id in the page (`data-sort`).
    pub fn id(self) -> &'static str {
        match self {
            SortBy::City => "city",
            SortBy::Value => "value",
            SortBy::Class => "class",
        }
    }
}

/// The rows for `indicator` in `period`, in region order.
pub fn rows(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    regions: &[Region],
    fills: &Choropleth,
) -> Vec<Row> {
    let values = set.values(indicator, period);
    regions
        .iter()
        .map(|r| {
            let info = describe(set, indicator, period, &r.adcode);
            let entry = fills
                .fills
                .get(&r.adcode)
                .and_then(|f| fills.legend.iter().position(|e| e.class == f.class));
            let class_order = entry.filter(|&i| fills.legend[i].class != NO_DATA);
            let class = entry
                .map(|i| fills.legend[i].label_zh.clone())
                .unwrap_or_default();
            let obs = values.get(r.adcode.as_str());
            let csv = [Lang::Zh, Lang::En].map(|lang| {
                let pick = |t: &Text| {
                    if lang == Lang::En {
                        t.en.clone()
                    } else {
                        t.zh.clone()
                    }
                };
                let mut notes = Vec::new();
                let value = match obs.map(|o| &o.value) {
                    Some(Value::Number(n)) => crate::format::shortest(*n),
                    Some(Value::Category(_)) => {
                        info.as_ref().map(|i| pick(&i.value)).unwrap_or_default()
                    }
                    // The cell stays empty (no number to sort or sum); the
                    // note says why, with the place the source gives.
                    Some(Value::Unpublished) => {
                        notes.extend(info.as_ref().map(|i| pick(&i.value)));
                        String::new()
                    }
                    None => {
                        notes.push(pick(&Text::new("无数据", "no data")));
                        String::new()
                    }
                };
                let scope = match obs.map(|o| o.scope) {
                    Some(Some(_)) => info
                        .as_ref()
                        .and_then(|i| i.scope.as_ref())
                        .map(pick)
                        .unwrap_or_default(),
                    Some(None) => {
                        notes.push(pick(&Text::new(
                            "未说明是市区还是全市",
                            "the source does not say: city proper or whole city",
                        )));
                        String::new()
                    }
                    None => String::new(),
                };
                if obs.is_some_and(|o| o.derived) {
                    notes.push(pick(&Text::new("由通报排除得出", "known by exclusion")));
                }
                if let Some(n) = info.as_ref().and_then(|i| i.note.as_ref()) {
                    notes.push(pick(n));
                }
                let class = class_order
                    .map(|i| &fills.legend[i])
                    .map(|e| {
                        if lang == Lang::En {
                            e.label_en.clone()
                        } else {
                            e.label_zh.clone()
                        }
                    })
                    .unwrap_or_default();
                CsvCells {
                    city: if lang == Lang::En {
                        r.name_en.clone()
                    } else {
                        r.name_zh.clone()
                    },
                    value,
                    class,
                    period: info
                        .as_ref()
                        .filter(|i| i.has_data)
                        .map(|i| pick(&i.period))
                        .unwrap_or_default(),
                    scope,
                    source: info
                        .as_ref()
                        .and_then(|i| i.source.as_ref())
                        .map(|s| citation(s, lang))
                        .unwrap_or_default(),
                    notes: notes.join(if lang == Lang::En { "; " } else { "；" }),
                }
            });
            Row {
                value_en: info
                    .as_ref()
                    .map(|i| i.value.en.clone())
                    .unwrap_or_default(),
                class_en: class_order
                    .map(|i| fills.legend[i].label_en.clone())
                    .unwrap_or_else(|| "No data".into()),
                period_en: info
                    .as_ref()
                    .map(|i| i.period.en.clone())
                    .unwrap_or_default(),
                scope_en: info
                    .as_ref()
                    .and_then(|i| i.scope.as_ref())
                    .map(|s| s.en.clone())
                    .unwrap_or_default(),
                csv,
                adcode: r.adcode.clone(),
                city_zh: r.name_zh.clone(),
                city_en: r.name_en.clone(),
                value: info
                    .as_ref()
                    .map(|i| i.value.zh.clone())
                    .unwrap_or_default(),
                number: values.get(r.adcode.as_str()).and_then(|o| match o.value {
                    Value::Number(n) => Some(n),
                    Value::Category(_) | Value::Unpublished => None,
                }),
                class,
                class_order,
                position: values
                    .get(r.adcode.as_str())
                    .and_then(|o| o.rank.as_ref())
                    .map(|r| match r.from {
                        RankFrom::Top => r.position[0],
                        // "2nd from the bottom of 168" is 167th from the top.
                        // Unknown without the count: after every counted place.
                        RankFrom::Bottom => {
                            r.of.map_or(u32::MAX, |of| (of + 1).saturating_sub(r.position[1]))
                        }
                    }),
                period: info
                    .as_ref()
                    .map(|i| i.period.zh.clone())
                    .unwrap_or_default(),
                scope: info
                    .as_ref()
                    .and_then(|i| i.scope.clone())
                    .map(|s| s.zh)
                    .unwrap_or_default(),
                source: info
                    .and_then(|i| i.source)
                    .map(|s| format!("{} {}", s.outlet, s.date).trim().to_string())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Sorts rows; rows without data always go last, in both directions.
///
/// By value: numbers by size; a rank layer by band in legend order, then by
/// the published position counted from the best (cities that share one stay
/// together; a band known without positions before none); other categories
/// in legend order. By class: in legend order (best band first, or the
/// lowest class). Equal keys keep region order.
pub fn sort(rows: &mut [Row], by: SortBy, descending: bool) {
    let key = |r: &Row| -> Option<(f64, f64)> {
        match by {
            SortBy::City => Some((0.0, 0.0)),
            SortBy::Value => r.number.map(|n| (n, 0.0)).or_else(|| {
                let band = r.class_order.map(|c| c as f64);
                let at = r.position.map_or(0.0, f64::from);
                band.or(r.position.map(|_| 0.0)).map(|b| (b, at))
            }),
            SortBy::Class => r.class_order.map(|c| (c as f64, 0.0)),
        }
    };
    let flip = |o: std::cmp::Ordering| if descending { o.reverse() } else { o };
    rows.sort_by(|a, b| match (key(a), key(b)) {
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, None) => a.adcode.cmp(&b.adcode),
        (Some(ka), Some(kb)) if by == SortBy::City || ka == kb => {
            let o = a.adcode.cmp(&b.adcode);
            if by == SortBy::City {
                flip(o)
            } else {
                o
            }
        }
        (Some(ka), Some(kb)) => flip(ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))),
    });
}

/// One CSV field, quoted where needed. A cell that a spreadsheet would run as
/// a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return:
/// text from a loaded file, such as `=HYPERLINK(…)`, can) is written as text,
/// after an apostrophe, unless it is a plain number such as `-3.2`.
fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && crate::format::parse_decimal(s).is_none();
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The rows as CSV in one language, UTF-8 with a byte-order mark so that Excel
/// reads the Chinese correctly. It opens with the map's `caption` in that
/// language (one cell, then a blank line), where there is one; then a line
/// names the columns, the value column by `indicator_name` (with its unit).
/// The map's own CSV import skips such a title line. See [`CsvCells`].
pub fn to_csv(rows: &[Row], indicator_name: &str, lang: Lang, caption: Option<&str>) -> String {
    let mut out = String::from("\u{feff}");
    if let Some(c) = caption.map(str::trim).filter(|c| !c.is_empty()) {
        out.push_str(&csv_field(&c.replace(['\r', '\n'], " ")));
        out.push_str("\r\n\r\n");
    }
    let head = if lang == Lang::En {
        [
            "City",
            "adcode",
            indicator_name,
            "Class",
            "Period",
            "Scope",
            "Source",
            "Notes",
        ]
    } else {
        [
            "城市",
            "行政区划代码",
            indicator_name,
            "分级",
            "时段",
            "范围",
            "来源",
            "备注",
        ]
    };
    let line = |cells: [&str; 8]| {
        let mut l = cells
            .iter()
            .map(|c| csv_field(c))
            .collect::<Vec<_>>()
            .join(",");
        l.push_str("\r\n");
        l
    };
    out.push_str(&line(head));
    for r in rows {
        let c = &r.csv[usize::from(lang == Lang::En)];
        out.push_str(&line([
            &c.city, &r.adcode, &c.value, &c.class, &c.period, &c.scope, &c.source, &c.notes,
        ]));
    }
    out
}

/// The download's file name: `shanxi-{indicator}-{period}.csv`, by the ids of
/// shipped layers and by the names of a person's own (whose ids say nothing),
/// with the characters file systems refuse replaced.
pub fn csv_file_name(indicator_id: &str, period_id: &str, names: Option<(&str, &str)>) -> String {
    let (ind, per) = names.unwrap_or((indicator_id, period_id));
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_whitespace() || "/\\:*?\"<>|".contains(c) {
                    '-'
                } else {
                    c
                }
            })
            .collect()
    };
    format!("shanxi-{}-{}.csv", clean(ind), clean(per))
}

/// `text` as a `data:` URL for a download link.
pub fn csv_data_url(text: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures;

    fn pm25_rows() -> Vec<Row> {
        let regions = fixtures::prefectures();
        let fills = crate::map::choropleth::pm25_2023(&regions);
        rows(&fixtures::indicators(), "pm25", "2023", &regions, &fills)
    }

    #[test]
    fn rows_carry_value_class_period_scope_and_source() {
        let rows = pm25_rows();
        let codes: Vec<&str> = rows.iter().map(|r| r.adcode.as_str()).collect();
        assert_eq!(
            codes,
            vec!["140100", "140200", "140800", "141100"],
            "region order"
        );
        let ty = &rows[0];
        assert_eq!(
            (ty.value.as_str(), ty.number, ty.scope.as_str()),
            ("41 μg/m³", Some(41.0), "市区")
        );
        assert_eq!(
            (ty.city_zh.as_str(), ty.city_en.as_str()),
            ("太原市", "Taiyuan")
        );
        assert_eq!(ty.source, "太原晚报 2024-01-30");
        assert_eq!(ty.period, "2023年");
        let dt = &rows[1];
        assert_eq!(
            (dt.value.as_str(), dt.class.as_str(), dt.number),
            ("无数据", "无数据", None)
        );
        assert_eq!(rows[3].scope, "未说明是市区还是全市");
    }

    #[test]
    fn sorting_by_value_puts_no_data_last_either_way() {
        let mut rows = pm25_rows();
        let order =
            |rows: &[Row]| -> Vec<String> { rows.iter().map(|r| r.adcode.clone()).collect() };
        sort(&mut rows, SortBy::Value, false);
        assert_eq!(order(&rows), ["141100", "140100", "140800", "140200"]);
        sort(&mut rows, SortBy::Value, true);
        assert_eq!(order(&rows), ["140800", "140100", "141100", "140200"]);
        sort(&mut rows, SortBy::City, false);
        assert_eq!(order(&rows), ["140100", "140200", "140800", "141100"]);
        sort(&mut rows, SortBy::Class, false);
        assert_eq!(rows[3].adcode, "140200", "no class last");
    }

    #[test]
    fn csv_opens_with_the_caption_in_one_cell() {
        let rows = pm25_rows();
        let csv = to_csv(
            &rows,
            "PM2.5",
            Lang::En,
            Some("In 2023, Yuncheng\nwas worst."),
        );
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines[0], "\"In 2023, Yuncheng was worst.\"",
            "quoted, one line"
        );
        assert_eq!(lines[1], "");
        assert!(lines[2].starts_with("City,adcode,PM2.5,"), "{}", lines[2]);
        assert_eq!(
            to_csv(&rows, "PM2.5", Lang::En, Some(" ")),
            to_csv(&rows, "PM2.5", Lang::En, None)
        );
    }

    #[test]
    fn csv_has_a_bom_one_language_and_only_numbers_in_the_value_column() {
        let rows = pm25_rows();
        let csv = to_csv(&rows, "PM2.5 年均浓度 (μg/m³)", Lang::Zh, None);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 1 + 4);
        assert_eq!(
            lines[0],
            "城市,行政区划代码,PM2.5 年均浓度 (μg/m³),分级,时段,范围,来源,备注"
        );
        assert!(lines[1].starts_with("太原市,140100,41,"), "{}", lines[1]);
        assert!(lines[1].contains(",市区,"), "{}", lines[1]);
        // No data: empty value, class, period and scope; said in the notes.
        assert!(lines[2].starts_with("大同市,140200,,,,,"), "{}", lines[2]);
        assert!(lines[2].ends_with(",无数据"), "{}", lines[2]);
        // A scope the source does not state: empty, and said in the notes.
        assert!(lines[4].contains("未说明是市区还是全市"), "{}", lines[4]);
        let en = to_csv(&rows, "PM2.5 annual mean (μg/m³)", Lang::En, None);
        let en: Vec<&str> = en.lines().collect();
        assert!(
            en[0]
                .ends_with("City,adcode,PM2.5 annual mean (μg/m³),Class,Period,Scope,Source,Notes"),
            "{}",
            en[0]
        );
        assert!(en[1].starts_with("Taiyuan,140100,41,"), "{}", en[1]);
        assert!(
            en.iter().all(|l| !l.contains("无数据")),
            "one language: {en:?}"
        );
        let url = csv_data_url("a,b\r\n");
        assert_eq!(url, "data:text/csv;charset=utf-8,a%2Cb%0D%0A");
    }

    #[test]
    fn a_persons_own_layer_is_downloaded_under_its_names() {
        assert_eq!(csv_file_name("pm25", "2023", None), "shanxi-pm25-2023.csv");
        assert_eq!(
            csv_file_name(
                "user-1-x",
                "user-period-1",
                Some(("我的 PM2.5", "2023/24年"))
            ),
            "shanxi-我的-PM2.5-2023-24年.csv"
        );
    }

    #[test]
    fn a_rank_layer_sorts_by_published_position_ties_together_no_data_last() {
        let row = |adcode: &str, position: Option<u32>, class_order: Option<usize>| Row {
            adcode: adcode.into(),
            city_zh: String::new(),
            city_en: String::new(),
            value: String::new(),
            number: None,
            class: String::new(),
            class_order,
            position,
            period: String::new(),
            scope: String::new(),
            source: String::new(),
            ..Row::default()
        };
        // Legend order: best3 (0), middle (1), worst3 (2); D has no data.
        let mut rows = vec![
            row("A", Some(4), Some(1)),
            row("B", Some(8), Some(2)),
            row("C", Some(1), Some(0)),
            row("D", None, None),
            row("E", Some(8), Some(2)),
            row("F", Some(11), Some(2)),
        ];
        let order = |rows: &[Row]| rows.iter().map(|r| r.adcode.clone()).collect::<String>();
        sort(&mut rows, SortBy::Value, false);
        assert_eq!(order(&rows), "CABEFD");
        sort(&mut rows, SortBy::Value, true);
        assert_eq!(order(&rows), "FBEACD", "ties stay together, no data last");
        sort(&mut rows, SortBy::Class, false);
        assert_eq!(order(&rows), "CABEFD", "best, middle, worst, then no data");
        sort(&mut rows, SortBy::Class, true);
        assert_eq!(order(&rows), "BEFACD");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_written_as_text() {
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("+1+1"), "'+1+1");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(
            csv_field("-3.2"),
            "-3.2",
            "a negative number stays a number"
        );
        assert_eq!(csv_field("太原"), "太原");
    }

    #[test]
    fn a_bottom_rank_layer_sorts_best_first_too() {
        // "Not in the bottom 20" (0) is better than "bottom 20" (1); inside,
        // 20th from the bottom of 168 (149th) before 2nd from the bottom (167th).
        let row = |adcode: &str, position: Option<u32>, class_order: Option<usize>| Row {
            adcode: adcode.into(),
            class_order,
            position,
            ..Row::default()
        };
        let mut rows = vec![
            row("A", Some(167), Some(1)),
            row("B", None, Some(0)),
            row("C", Some(149), Some(1)),
            row("D", None, None),
        ];
        let order = |rows: &[Row]| rows.iter().map(|r| r.adcode.clone()).collect::<String>();
        sort(&mut rows, SortBy::Value, false);
        assert_eq!(order(&rows), "BCAD");
        sort(&mut rows, SortBy::Value, true);
        assert_eq!(order(&rows), "ACBD");
    }
}
