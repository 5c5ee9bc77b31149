//! Two to four cities side by side: every indicator's newest period, one row per
//! indicator, one column per city.

use super::describe::describe;
use crate::data::indicators::IndicatorSet;

/// Most cities compared at once.
pub const MAX_COMPARED: usize = 4;

/// One indicator's values for the compared cities.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub indicator_zh: String,
    pub indicator_en: String,
    pub period_zh: String,
    pub period_en: String,
    /// The year the period starts in, where known.
    pub year: Option<u32>,
    /// One value per city, in the order asked ("无数据" where there is none).
    pub values: Vec<String>,
    /// The same in English.
    pub values_en: Vec<String>,
}

/// Rows for `cities` (the first [`MAX_COMPARED`]); indicators with no value for
/// any of them are left out.
pub fn compare(set: &IndicatorSet, cities: &[String]) -> Vec<CompareRow> {
    let cities = &cities[..cities.len().min(MAX_COMPARED)];
    set.indicators
        .iter()
        .filter_map(|ind| {
            let period = set.latest_period(&ind.id).map(|p| p.id.clone())?;
            let infos: Vec<_> = cities
                .iter()
                .filter_map(|c| describe(set, &ind.id, &period, c))
                .collect();
            if !infos.iter().any(|i| i.has_data) {
                return None;
            }
            let year = set
                .period(&period)
                .and_then(|p| p.start.get(..4))
                .and_then(|y| y.parse().ok());
            Some(CompareRow {
                year,
                indicator_zh: ind.name_zh.clone(),
                indicator_en: ind.name_en.clone(),
                period_zh: infos
                    .first()
                    .map(|i| i.period.zh.clone())
                    .unwrap_or_default(),
                period_en: infos
                    .first()
                    .map(|i| i.period.en.clone())
                    .unwrap_or_default(),
                values_en: infos.iter().map(|i| i.value.en.clone()).collect(),
                values: infos.into_iter().map(|i| i.value.zh).collect(),
            })
        })
        .collect()
}

/// The first and last year of the rows' periods when they differ: the
/// comparison mixes years (a 2017 water figure beside 2023 air figures) and
/// must say so.
pub fn mixed_years(rows: &[CompareRow]) -> Option<(u32, u32)> {
    let years = rows.iter().filter_map(|r| r.year);
    let (lo, hi) = (years.clone().min()?, years.max()?);
    (lo != hi).then_some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures;

    fn codes(c: &[&str]) -> Vec<String> {
        c.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn compares_cities_across_indicators() {
        let set = fixtures::indicators();
        let rows = compare(&set, &codes(&["140100", "140800"]));
        let names: Vec<&str> = rows.iter().map(|r| r.indicator_en.as_str()).collect();
        assert_eq!(
            names,
            vec!["PM2.5 annual mean", "Air quality rank in the province"],
            "no row for the change neither city has"
        );
        assert_eq!(rows[0].values, vec!["41 μg/m³", "49 μg/m³"]);
        assert_eq!(rows[0].period_zh, "2023年", "the newest period");
        assert_eq!(rows[1].values, vec!["中间（第4—8名）", "后三（最差）"]);
        assert_eq!(rows[1].period_zh, "2023年1—11月");
    }

    #[test]
    fn cities_without_a_value_say_so() {
        let set = fixtures::indicators();
        let rows = compare(&set, &codes(&["140200", "141100"]));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].values, vec!["无数据", "38 μg/m³"]);
        assert_eq!(rows[2].values, vec!["改善", "变差"]);
    }

    #[test]
    fn at_most_four_cities() {
        let set = fixtures::indicators();
        let five = codes(&["140100", "140200", "140800", "141100", "140300"]);
        let rows = compare(&set, &five);
        assert!(!rows.is_empty() && rows.iter().all(|r| r.values.len() == MAX_COMPARED));
        assert!(compare(&set, &codes(&["999999"])).is_empty());
    }

    #[test]
    fn a_comparison_across_years_is_recognised() {
        let row = |year| CompareRow {
            indicator_zh: String::new(),
            indicator_en: String::new(),
            period_zh: String::new(),
            period_en: String::new(),
            year,
            values: Vec::new(),
            values_en: Vec::new(),
        };
        assert_eq!(mixed_years(&[row(Some(2023)), row(Some(2023))]), None);
        assert_eq!(
            mixed_years(&[row(Some(2023)), row(None), row(Some(2017))]),
            Some((2017, 2023))
        );
        let set = fixtures::indicators();
        let rows = compare(&set, &codes(&["140100", "140800"]));
        assert!(rows.iter().all(|r| r.year.is_some()));
    }
}
