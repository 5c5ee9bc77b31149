//! What each column of a table is (by its header), units in headers, and the
//! city a cell names.

use crate::data::geo::Region;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Role {
    City,
    /// A county, district or county-level city (a county table).
    County,
    Unit,
    Period,
    Source,
    Value,
}

/// The role of a column, by its header.
pub(super) fn role_of(header: &str) -> Role {
    let h = header.trim().to_ascii_lowercase();
    match h.as_str() {
        "city" | "城市" | "地区" | "地市" | "设区市" | "市" | "名称" | "name" | "adcode"
        | "行政区划代码" | "代码" | "code" | "region" => Role::City,
        "县" | "区县" | "县区" | "县（市、区）" | "县(市、区)" | "县市区" | "县（市）"
        | "county" | "district" | "county/district" => Role::County,
        "unit" | "单位" => Role::Unit,
        "period" | "时段" | "时间" | "期间" | "年份" | "year" | "date" | "月份" => {
            Role::Period
        }
        "source" | "来源" | "数据来源" => Role::Source,
        _ => Role::Value,
    }
}

/// "PM2.5(μg/m³)" or "PM2.5（μg/m³）" → ("PM2.5", Some("μg/m³")).
pub(super) fn split_unit(header: &str) -> (String, Option<String>) {
    let h = header.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if let (Some(a), true) = (h.find(open), h.ends_with(close)) {
            let name = h[..a].trim().to_string();
            let unit = h[a + open.len_utf8()..h.len() - close.len_utf8()]
                .trim()
                .to_string();
            if !name.is_empty() && !unit.is_empty() {
                return (name, Some(unit));
            }
        }
    }
    (h.to_string(), None)
}

pub(super) fn fold(s: &str) -> String {
    s.trim()
        .to_ascii_lowercase()
        .replace(['ü', 'Ü', 'ǚ', 'ǘ'], "u")
        .replace("lv", "lu")
        .replace([' ', '-', '\''], "")
}

/// Finds a region by adcode, Chinese name (with or without 市) or English name.
pub(super) fn resolve<'a>(regions: &'a [Region], cell: &str) -> Option<&'a Region> {
    let c = cell.trim();
    if c.is_empty() {
        return None;
    }
    regions.iter().find(|r| {
        r.adcode == c
            || r.name_zh == c
            || r.short_name_zh() == c
            || r.name_zh.strip_suffix('市') == Some(c)
            || fold(&r.name_en) == fold(c)
            || fold(&r.name_en) == fold(c.trim_end_matches(" City").trim_end_matches(" city"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures;

    #[test]
    fn units_in_headers() {
        assert_eq!(
            split_unit("PM2.5（μg/m³）"),
            ("PM2.5".to_string(), Some("μg/m³".to_string()))
        );
        assert_eq!(split_unit("综合指数"), ("综合指数".to_string(), None));
    }

    #[test]
    fn headers_name_roles() {
        assert_eq!(role_of(" 城市 "), Role::City);
        assert_eq!(role_of("Adcode"), Role::City);
        assert_eq!(role_of("单位"), Role::Unit);
        assert_eq!(role_of("年份"), Role::Period);
        assert_eq!(role_of("数据来源"), Role::Source);
        assert_eq!(role_of("PM2.5"), Role::Value);
    }

    #[test]
    fn cities_by_code_and_names() {
        let regions = fixtures::prefectures();
        let code = |cell: &str| resolve(&regions, cell).map(|r| r.adcode.as_str());
        for cell in [
            "141100",
            "吕梁市",
            "吕梁",
            "Lüliang",
            "Lvliang",
            "lu liang city",
        ] {
            assert_eq!(code(cell), Some("141100"), "{cell}");
        }
        assert_eq!(code(""), None);
        assert_eq!(code("Atlantis"), None);
    }
}
