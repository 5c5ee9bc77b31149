//! The table of the current indicator: one row per city with value, class,
//! period, scope and source, sortable, and exactly the same rows as CSV.

use super::describe::describe;
use crate::data::geo::Region;
use crate::data::indicators::{IndicatorSet, Value};
use crate::map::choropleth::Choropleth;

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
            let class = fills
                .fills
                .get(&r.adcode)
                .and_then(|f| fills.legend.iter().find(|e| e.class == f.class))
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

/// Sorts rows; rows without data always go last.
pub fn sort(rows: &mut [Row], by: SortBy, descending: bool) {
    let key = |r: &Row| match by {
        SortBy::City => (0, r.adcode.clone(), 0.0),
        SortBy::Value => (
            i32::from(r.number.is_none()),
            String::new(),
            r.number.unwrap_or(0.0),
        ),
        SortBy::Class => (i32::from(r.class.is_empty()), r.class.clone(), 0.0),
    };
    rows.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        if ka.0 != kb.0 {
            return ka.0.cmp(&kb.0);
        }
        let o =
            ka.1.cmp(&kb.1)
                .then(ka.2.total_cmp(&kb.2))
                .then_with(|| a.adcode.cmp(&b.adcode));
        if descending {
            o.reverse()
        } else {
            o
        }
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
        assert_eq!(rows[3].scope, "范围未注明");
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
}
