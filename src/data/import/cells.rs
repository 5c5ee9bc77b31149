//! A cell's number, and why a cell or row was not used.

use crate::i18n::Text;

/// Values beyond this size are treated as mistakes, not data.
pub const ABSURD: f64 = 1e9;

/// Why a cell (or its row) gave no value.
#[derive(Debug, Clone, PartialEq)]
pub enum CellError {
    /// Nothing in the cell: the city has no data there.
    Empty,
    /// The cell's text is not a number.
    NotANumber(String),
    /// Not finite, or [`ABSURD`] or more.
    Absurd(String),
    /// Below zero in a column that cannot be (a concentration, a share, a
    /// count), as its header or unit says.
    Negative(String),
    /// The row names no city.
    NoCity,
    /// The row's city is not on the map.
    UnknownCity(String),
    /// The name fits several counties and no prefecture tells them apart:
    /// the candidates as "阳泉市城区" and "Chengqu (Yangquan)".
    Ambiguous {
        name: String,
        candidates_zh: Vec<String>,
        candidates_en: Vec<String>,
    },
    /// The city already has a value for this column and period.
    Duplicate {
        city_zh: String,
        city_en: String,
        first_row: usize,
    },
}

impl CellError {
    /// The reason in Chinese and English.
    pub fn text(&self) -> Text {
        match self {
            CellError::Empty => Text::new("空值，显示为无数据", "empty: shown as no data"),
            CellError::NotANumber(c) => {
                Text::new(format!("“{c}”不是数字"), format!("“{c}” is not a number"))
            }
            CellError::Absurd(c) => {
                Text::new(format!("数值“{c}”不合理"), format!("absurd value “{c}”"))
            }
            CellError::Negative(c) => Text::new(
                format!("“{c}”小于零，而此列（浓度、比例或数量）不会为负"),
                format!("“{c}” is below zero, which this column (a concentration, share or count) cannot be"),
            ),
            CellError::NoCity => Text::new("缺少城市", "no city"),
            CellError::UnknownCity(c) => {
                Text::new(format!("未知城市“{c}”"), format!("unknown city “{c}”"))
            }
            CellError::Ambiguous {
                name,
                candidates_zh,
                candidates_en,
            } => Text::new(
                format!(
                    "“{name}”有多处：{}；请写明所属地市",
                    candidates_zh.join("、")
                ),
                format!(
                    "“{name}” fits several counties: {}; name the prefecture",
                    candidates_en.join(", ")
                ),
            ),
            CellError::Duplicate {
                city_zh,
                city_en,
                first_row,
            } => Text::new(
                format!("{city_zh}在第 {first_row} 行已有数值，此行未用"),
                format!("{city_en} already has a value in row {first_row}; this one is not used"),
            ),
        }
    }
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

/// The number in a cell: `Ok(None)` for an empty cell (or "-", "—", "/"); a
/// percent sign and spaces are ignored.
pub(super) fn number(cell: &str) -> Result<Option<f64>, CellError> {
    let c = cell
        .trim()
        .trim_end_matches(['%', '％'])
        .trim()
        .replace(['\u{a0}', ' '], "");
    if c.is_empty() || c == "-" || c == "—" || c == "/" {
        return Ok(None);
    }
    let v: f64 = c
        .parse()
        .map_err(|_| CellError::NotANumber(cell.trim().to_string()))?;
    if !v.is_finite() || v.abs() >= ABSURD {
        return Err(CellError::Absurd(cell.trim().to_string()));
    }
    Ok(Some(v))
}

/// Whether a value column with this `header` and `unit` can never be below
/// zero: a concentration, a share or ratio, a number of days or things. A
/// change (变化, 同比, change) can be, whatever its unit.
pub(super) fn never_negative(header: &str, unit: Option<&str>) -> bool {
    let h = header.to_lowercase();
    const CHANGE: [&str; 8] = [
        "变化",
        "同比",
        "环比",
        "增减",
        "升降",
        "change",
        "difference",
        "±",
    ];
    if CHANGE.iter().any(|w| h.contains(w)) {
        return false;
    }
    const UNITS: [&str; 9] = [
        "μg/m³", "ug/m3", "µg/m³", "mg/m³", "mg/m3", "个", "家", "块", "天",
    ];
    const WORDS: [&str; 10] = [
        "浓度",
        "比例",
        "占比",
        "天数",
        "数量",
        "concentration",
        "share",
        "ratio",
        "days",
        "number of",
    ];
    unit.is_some_and(|u| UNITS.iter().any(|x| u.trim().eq_ignore_ascii_case(x)))
        || UNITS.iter().any(|x| h.contains(&x.to_lowercase()))
        || WORDS.iter().any(|w| h.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negatives_are_wrong_only_where_a_column_cannot_be_below_zero() {
        assert!(never_negative("PM2.5(μg/m³)", None));
        assert!(never_negative("PM2.5", Some("μg/m³")));
        assert!(never_negative("优良天数比例(%)", None));
        assert!(never_negative("Share of good days", Some("%")));
        assert!(!never_negative("PM2.5同比变化(%)", None));
        assert!(!never_negative("Change in PM2.5", Some("μg/m³")));
        assert!(!never_negative("综合指数", None));
        assert!(!never_negative("score", Some("points")));
    }

    #[test]
    fn percent_signs_dashes_and_bad_numbers() {
        assert_eq!(number("64.4%"), Ok(Some(64.4)));
        assert_eq!(number(" — "), Ok(None));
        assert_eq!(number(" abc "), Err(CellError::NotANumber("abc".into())));
        assert_eq!(number("1e12"), Err(CellError::Absurd("1e12".into())));
        assert_eq!(number("inf"), Err(CellError::Absurd("inf".into())));
    }

    #[test]
    fn reasons_in_both_languages() {
        let d = CellError::Duplicate {
            city_zh: "吕梁市".into(),
            city_en: "Lüliang".into(),
            first_row: 4,
        };
        assert_eq!(
            d.text(),
            Text::new(
                "吕梁市在第 4 行已有数值，此行未用",
                "Lüliang already has a value in row 4; this one is not used"
            )
        );
        assert_eq!(CellError::Empty.to_string(), "empty: shown as no data");
        assert_eq!(CellError::NoCity.text().zh, "缺少城市");
    }
}
