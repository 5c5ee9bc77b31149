//! Validates the shipped `public/data/indicators.json` against the boundaries
//! and against what indicator-facts.md says was published.

use std::collections::BTreeSet;
use std::path::Path;

use shanxi_eco_map::data::geo::parse_boundaries;
use shanxi_eco_map::data::indicators::{IndicatorSet, Scope, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn set() -> IndicatorSet {
    let text = std::fs::read_to_string(root().join("public/data/indicators.json"))
        .expect("indicators.json");
    IndicatorSet::parse("indicators.json", &text).unwrap_or_else(|e| panic!("{e}"))
}

fn prefectures() -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(root().join("geo/shanxi-prefectures.geojson")).expect("geojson");
    parse_boundaries("p", &text)
        .expect("valid")
        .regions
        .into_iter()
        .map(|r| r.adcode)
        .collect()
}

#[test]
fn every_observation_is_about_a_prefecture_on_the_map() {
    let codes = prefectures();
    for o in &set().observations {
        assert!(
            codes.contains(&o.adcode),
            "{} is not a prefecture",
            o.adcode
        );
    }
}

#[test]
fn rank_bands_cover_the_ten_periods_and_all_cities() {
    let s = set();
    let periods = s.periods_of("air-rank");
    assert_eq!(periods.len(), 10);
    assert!(
        periods.iter().all(|p| p.partial),
        "all cumulative periods are partial years"
    );
    for p in periods {
        let v = s.values("air-rank", &p.id);
        assert_eq!(v.len(), 11, "{}", p.id);
        let best = v
            .values()
            .filter(|o| o.value == Value::Category("best3".into()))
            .count();
        assert_eq!(best, 3, "{}", p.id);
        // "middle" is known by exclusion only.
        assert!(v
            .values()
            .filter(|o| o.value == Value::Category("middle".into()))
            .all(|o| o.derived));
    }
    let nov = s.values("air-rank", "2023-jan-nov");
    assert_eq!(
        nov["140200"].rank.as_ref().map(|r| r.position),
        Some([1, 1]),
        "Datong best"
    );
    assert_eq!(
        nov["141000"].rank.as_ref().map(|r| r.position),
        Some([11, 11]),
        "Linfen worst"
    );
    assert_eq!(
        nov["140800"].rank.as_ref().map(|r| r.position),
        Some([8, 9]),
        "Yuncheng tied"
    );
}

#[test]
fn index_changes_cover_seven_periods_with_published_percentages_only() {
    let s = set();
    assert_eq!(s.periods_of("air-index-change").len(), 7);
    let v = s.values("air-index-change", "2022-jan-feb");
    assert_eq!(v["140700"].change_pct, Some(12.4));
    assert_eq!(v["140600"].value, Value::Category("worse".into()));
    assert_eq!(
        v["140600"].change_pct, None,
        "Shuozhou rose, by an unpublished amount"
    );
    let with_pct = s
        .observations
        .iter()
        .filter(|o| o.change_pct.is_some())
        .count();
    assert_eq!(with_pct, 3 + 6 + 6 + 3 + 3 + 3 + 3);
}

#[test]
fn numeric_2023_values_are_exactly_the_published_ones() {
    let s = set();
    let pm = s.values("pm25", "2023");
    let got: Vec<(&str, f64)> = pm
        .iter()
        .filter_map(|(k, o)| {
            if let Value::Number(n) = o.value {
                Some((*k, n))
            } else {
                None
            }
        })
        .collect();
    assert_eq!(
        got,
        vec![("140100", 41.0), ("140300", 38.0), ("140800", 49.0)]
    );
    assert_eq!(pm["140100"].scope, Some(Scope::Urban));
    assert_eq!(pm["140300"].scope, Some(Scope::WholeCity));
    assert_eq!(s.values("composite-index", "2023").len(), 3);
    let datong = s.values("composite-index", "2023-jan-oct");
    assert_eq!(datong.len(), 1);
    assert!(s.period("2023-jan-oct").is_some_and(|p| p.partial));
    assert_eq!(s.values("water-quality-index", "2017-q2").len(), 11);
    assert_eq!(
        s.values("national-bottom20", "2023")
            .values()
            .filter(|o| o.value == Value::Category("bottom20".into()))
            .count(),
        4
    );
}

#[test]
fn province_strip_has_the_headline_figures_with_sources() {
    let s = set();
    let find = |id: &str, period: &str| {
        s.province
            .iter()
            .find(|f| f.id == id && f.period == period)
            .map(|f| f.value)
    };
    assert_eq!(find("pm25", "2023"), Some(37.0));
    assert_eq!(find("pm25", "2022"), Some(38.0));
    assert_eq!(find("water-good-share", "2023"), Some(93.6));
    assert_eq!(find("construction-safe-use", "2023"), Some(100.0));
    assert_eq!(find("construction-plots", "2023"), Some(323.0));
    assert_eq!(find("mining-sites", "2023"), Some(225.0));
    assert_eq!(find("green-building-share", "2023"), Some(97.09));
    assert_eq!(find("prefab-share", "2023"), Some(31.37));
    assert!(s.province.iter().filter(|f| f.headline).count() >= 8);
}
