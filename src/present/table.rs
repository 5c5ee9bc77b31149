//! The table of the current indicator: one row per city with value, class,
//! period, scope and source, sortable, and exactly the same rows as CSV.

use super::describe::describe;
use crate::data::geo::Region;
use crate::data::indicators::{IndicatorSet, Value};
use crate::map::choropleth::{Choropleth, NO_DATA};

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub adcode: String,
    pub city_zh: String,
    pub city_en: String,
    /// The value as shown ("41 μg/m³", "后三（最差）", "无数据").
    pub value: String,
    /// The number, for sorting numeric values.
    pub number: Option<f64>,
    /// The legend label of the city's class.
    pub class: String,
    /// The class's place in the legend (`None`: no data), for sorting by class.
    pub class_order: Option<usize>,
    /// The first published position (1 = best), for sorting rank layers.
    pub position: Option<u32>,
    pub period: String,
    pub scope: String,
    pub source: String,
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
                .map(|i| &fills.legend[i])
                .map(|e| {
                    if e.label_zh == e.label_en {
                        e.label_zh.clone()
                    } else {
                        format!("{} {}", e.label_zh, e.label_en)
                    }
                })
                .unwrap_or_default();
            Row {
                adcode: r.adcode.clone(),
                city_zh: r.name_zh.clone(),
                city_en: r.name_en.clone(),
                value: info
                    .as_ref()
                    .map(|i| i.value.zh.clone())
                    .unwrap_or_default(),
                number: values.get(r.adcode.as_str()).and_then(|o| match o.value {
                    Value::Number(n) => Some(n),
                    Value::Category(_) => None,
                }),
                class,
                class_order,
                position: values
                    .get(r.adcode.as_str())
                    .and_then(|o| o.rank.as_ref())
                    .map(|r| r.position[0]),
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
/// By value: numbers by size; a rank layer by the published position (cities
/// that share one stay together); other categories in legend order. By class:
/// in legend order (best band first, or the lowest class). Equal keys keep
/// region order.
pub fn sort(rows: &mut [Row], by: SortBy, descending: bool) {
    let key = |r: &Row| -> Option<f64> {
        match by {
            SortBy::City => Some(0.0),
            SortBy::Value => r
                .number
                .or(r.position.map(f64::from))
                .or(r.class_order.map(|c| c as f64)),
            SortBy::Class => r.class_order.map(|c| c as f64),
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
        (Some(ka), Some(kb)) => flip(ka.total_cmp(&kb)),
    });
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The rows as CSV, UTF-8 with a byte-order mark so that Excel reads the
/// Chinese correctly; the first line names the columns.
pub fn to_csv(rows: &[Row], indicator_name: &str) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&format!(
        "城市,City,adcode,{},分级 Class,时段 Period,范围 Scope,来源 Source\r\n",
        csv_field(indicator_name)
    ));
    for r in rows {
        let cells = [
            &r.city_zh, &r.city_en, &r.adcode, &r.value, &r.class, &r.period, &r.scope, &r.source,
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
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
            ("无数据", "无数据 No data", None)
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
    fn csv_has_a_bom_and_exactly_the_rows() {
        let rows = pm25_rows();
        let csv = to_csv(&rows, "PM2.5 年均浓度, μg/m³");
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(csv.lines().count(), 1 + 4);
        assert!(csv
            .lines()
            .next()
            .is_some_and(|h| h.contains("\"PM2.5 年均浓度, μg/m³\"")));
        assert!(csv.contains("太原市,Taiyuan,140100,41 μg/m³,"));
        let url = csv_data_url("a,b\r\n");
        assert_eq!(url, "data:text/csv;charset=utf-8,a%2Cb%0D%0A");
        assert!(csv_data_url(&csv).contains("%EF%BB%BF"), "the BOM survives");
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
}
