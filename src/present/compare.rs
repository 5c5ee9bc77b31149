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
    /// One value per city, in the order asked ("无数据" where there is none).
    pub values: Vec<String>,
}

/// Rows for `cities` (the first [`MAX_COMPARED`]); indicators with no value for
/// any of them are left out.
pub fn compare(set: &IndicatorSet, cities: &[String]) -> Vec<CompareRow> {
    let cities = &cities[..cities.len().min(MAX_COMPARED)];
    set.indicators
        .iter()
        .filter_map(|ind| {
            let period = set.periods_of(&ind.id).last().map(|p| p.id.clone())?;
            let infos: Vec<_> = cities
                .iter()
                .filter_map(|c| describe(set, &ind.id, &period, c))
                .collect();
            if !infos.iter().any(|i| i.has_data) {
                return None;
            }
            Some(CompareRow {
                indicator_zh: ind.name_zh.clone(),
                indicator_en: ind.name_en.clone(),
                period_zh: infos
                    .first()
                    .map(|i| i.period.zh.clone())
                    .unwrap_or_default(),
                values: infos.into_iter().map(|i| i.value.zh).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::indicators::shipped;

    #[test]
    fn compares_cities_across_indicators() {
        let set = shipped();
        let rows = compare(&set, &["140100".into(), "140800".into()]);
        let pm = rows
            .iter()
            .find(|r| r.indicator_en == "PM2.5 annual mean")
            .expect("PM2.5 row");
        assert_eq!(pm.values, vec!["41 μg/m³", "49 μg/m³"]);
        let water = rows
            .iter()
            .find(|r| r.indicator_en == "Surface-water quality index")
            .expect("water row");
        assert_eq!(water.period_zh, "2017年第二季度");
        let rank = rows
            .iter()
            .find(|r| r.indicator_en.starts_with("Air quality rank"))
            .expect("rank row");
        assert_eq!(rank.values, vec!["后三（最差）", "后三（最差）"]);
        assert!(rows.iter().all(|r| r.values.len() == 2));
        assert!(!rows
            .iter()
            .any(|r| r.indicator_en == "CO" && r.values[1] != "无数据"));
    }

    #[test]
    fn at_most_four_cities_and_empty_rows_dropped() {
        let set = shipped();
        let five: Vec<String> = ["140100", "140200", "140300", "140400", "140500"]
            .map(String::from)
            .to_vec();
        assert!(compare(&set, &five).iter().all(|r| r.values.len() == 4));
        let rows = compare(&set, &["140200".into(), "140400".into()]);
        assert!(
            !rows.iter().any(|r| r.indicator_en == "PM10 annual mean"),
            "no city has PM10 there"
        );
    }
}
