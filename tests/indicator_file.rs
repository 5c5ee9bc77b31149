//! Validates the shipped `public/data/indicators.json` against the boundaries
//! and against what indicator-facts.md says was published.

mod common;

use shanxi_eco_map::data::indicators::{Scope, Series, Value};
use shanxi_eco_map::present::compare::compare;
use shanxi_eco_map::present::describe::{describe, describe_city, sources_of};

use common::indicators as set;

#[test]
fn every_observation_is_about_a_prefecture_on_the_map() {
    let codes = common::codes(common::PREFECTURES);
    for o in &set().observations {
        assert!(
            codes.contains(&o.adcode),
            "{} is not a prefecture",
            o.adcode
        );
    }
}

#[test]
fn rank_bands_cover_twenty_three_periods_and_all_cities() {
    let s = set();
    let periods = s.periods_of("air-rank");
    // Section A's ten spans from January, section F's new one (Jan–Oct 2019)
    // and its twelve single months.
    assert_eq!(periods.len(), 23);
    assert_eq!(s.periods_in("air-rank", Series::Month).len(), 12);
    assert_eq!(s.periods_in("air-rank", Series::SinceJanuary).len(), 11);
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
fn index_changes_cover_nineteen_periods_with_published_percentages_only() {
    let s = set();
    // Section A's seven, section F's ten months and two spans from January.
    assert_eq!(s.periods_of("air-index-change").len(), 19);
    assert_eq!(s.periods_in("air-index-change", Series::Month).len(), 10);
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
    // Section A: 3 + 6 + 6 + 3 + 3 + 3 + 3. Section F, months: 2019-10 3,
    // 2020-11 6, 2021-04 3, 2021-08 4, 2022-01 3, 2022-02 3, 2022-04 3,
    // 2023-02 3, 2023-05 3, 2023-11 3; spans: Jan–Oct 2019 7, Jan–Apr 2021 3.
    assert_eq!(
        with_pct,
        (3 + 6 + 6 + 3 + 3 + 3 + 3) + (3 + 6 + 3 + 4 + 3 + 3 + 3 + 3 + 3 + 3) + (7 + 3)
    );
}

/// Section F of indicator-facts.md, row by row: the single months' best and
/// worst three (best first, worst first), with ties.
#[test]
fn single_months_rank_as_the_notices_say() {
    let s = set();
    let rows: [(&str, [&str; 3], [&str; 3]); 12] = [
        (
            "2019-10",
            ["140400", "140600", "140800"],
            ["140100", "140500", "141000"],
        ),
        (
            "2020-11",
            ["141100", "140400", "140900"],
            ["140100", "140300", "140600"],
        ),
        (
            "2021-04",
            ["140200", "140600", "140700"],
            ["141000", "140300", "140100"],
        ),
        (
            "2021-08",
            ["140800", "140200", "140400"],
            ["140300", "141000", "140100"],
        ),
        (
            "2022-01",
            ["140200", "141100", "140400"],
            ["140100", "140800", "141000"],
        ),
        (
            "2022-02",
            ["140900", "140200", "141100"],
            ["140800", "140500", "141000"],
        ),
        (
            "2022-04",
            ["140200", "140600", "140900"],
            ["141000", "140300", "140100"],
        ),
        (
            "2022-06",
            ["140800", "140200", "140400"],
            ["140300", "140100", "140700"],
        ),
        (
            "2023-02",
            ["140200", "140600", "141100"],
            ["141000", "140100", "140300"],
        ),
        (
            "2023-05",
            ["140400", "140200", "140800"],
            ["141000", "140100", "140300"],
        ),
        (
            "2023-06",
            ["140800", "140200", "140900"],
            ["141000", "140100", "140300"],
        ),
        (
            "2023-11",
            ["140200", "140600", "141100"],
            ["140800", "141000", "140100"],
        ),
    ];
    for (period, best, worst) in rows {
        let v = s.values("air-rank", period);
        assert_eq!(v.len(), 11, "{period}");
        assert!(s
            .period(period)
            .is_some_and(|p| p.series() == Series::Month));
        let position = |code: &str| v[code].rank.as_ref().map(|r| r.position);
        // The n-th named city's position (1st best, 11th worst…) is inside
        // its published range (a tie spans two).
        for (i, code) in best.iter().enumerate() {
            assert_eq!(
                v[code].value,
                Value::Category("best3".into()),
                "{period} {code}"
            );
            let p = position(code).unwrap_or_default();
            let n = i as u32 + 1;
            assert!((p[0]..=p[1]).contains(&n), "{period} {code}: {p:?}");
        }
        for (i, code) in worst.iter().enumerate() {
            assert_eq!(
                v[code].value,
                Value::Category("worst3".into()),
                "{period} {code}"
            );
            let p = position(code).unwrap_or_default();
            let n = 11 - i as u32;
            assert!((p[0]..=p[1]).contains(&n), "{period} {code}: {p:?}");
        }
    }
    // The ties the notices print.
    let tie = |period: &str, code: &str| {
        s.values("air-rank", period)[code]
            .rank
            .as_ref()
            .map(|r| r.position)
    };
    assert_eq!(
        tie("2022-02", "140900"),
        Some([1, 2]),
        "Xinzhou and Datong tied 1st"
    );
    assert_eq!(tie("2022-02", "140200"), Some([1, 2]));
    assert_eq!(
        tie("2021-08", "141000"),
        Some([9, 10]),
        "Linfen and Taiyuan tied"
    );
    assert_eq!(
        tie("2022-01", "140800"),
        Some([9, 10]),
        "Yuncheng and Linfen tied"
    );
    // Jan–Oct 2019, the new span from January (S21).
    let jan_oct = s.values("air-rank", "2019-jan-oct");
    assert_eq!(
        jan_oct["140200"].rank.as_ref().map(|r| r.position),
        Some([1, 1])
    );
    assert_eq!(jan_oct["140500"].value, Value::Category("worst3".into()));
    assert_eq!(jan_oct["140200"].source, "S21");
    assert_eq!(s.values("air-rank", "2022-01")["140200"].source, "S22");
}

/// Section F: month-level changes join the change layer.
#[test]
fn month_changes_are_the_published_ones() {
    let s = set();
    let pct = |period: &str, code: &str| s.values("air-index-change", period)[code].change_pct;
    assert_eq!(pct("2019-10", "140500"), Some(-17.3));
    assert_eq!(pct("2020-11", "140700"), Some(5.8));
    assert_eq!(
        pct("2021-04", "140800"),
        Some(-26.0),
        "printed without its minus sign"
    );
    assert!(s.values("air-index-change", "2021-04")["140800"]
        .note_en
        .as_deref()
        .is_some_and(|n| n.contains("minus")));
    assert_eq!(
        pct("2021-08", "140800"),
        Some(-2.1),
        "Yuncheng the only fall"
    );
    assert_eq!(pct("2022-01", "140700"), Some(39.0));
    assert_eq!(pct("2022-02", "140900"), Some(-36.8));
    assert_eq!(pct("2022-04", "140800"), Some(14.2));
    assert_eq!(pct("2023-02", "140900"), Some(56.8));
    assert_eq!(pct("2023-05", "140100"), Some(-11.1));
    assert_eq!(pct("2023-11", "140700"), Some(-22.3));
    assert_eq!(pct("2019-jan-oct", "140600"), Some(11.9));
    assert_eq!(pct("2021-jan-apr", "141000"), Some(-19.8));
    // No change was published for June 2022 and June 2023.
    assert!(s.values("air-index-change", "2022-06").is_empty());
    assert!(s.values("air-index-change", "2023-06").is_empty());
    let worse = |period: &str| {
        s.values("air-index-change", period)
            .values()
            .filter(|o| o.value == Value::Category("worse".into()))
            .count()
    };
    assert_eq!(worse("2021-08"), 10);
    assert_eq!(worse("2022-01"), 7);
    assert_eq!(worse("2023-02"), 11);
    assert_eq!(worse("2019-jan-oct"), 7);
}

/// Section F: the regional benchmark, all 11 cities wherever a period states it.
#[test]
fn the_regional_benchmark_covers_all_cities_where_stated() {
    let s = set();
    let periods = s.periods_of("air-vs-region");
    assert_eq!(periods.len(), 10 + 9, "ten months and nine spans");
    for p in &periods {
        assert_eq!(s.values("air-vs-region", &p.id).len(), 11, "{}", p.id);
    }
    let better = |period: &str| -> Vec<&str> {
        s.values("air-vs-region", period)
            .iter()
            .filter(|(_, o)| o.value == Value::Category("better".into()))
            .map(|(c, _)| *c)
            .collect()
    };
    assert_eq!(better("2020-11"), ["141100"], "Lüliang only");
    assert_eq!(better("2019-10").len(), 8);
    assert_eq!(
        better("2023-jan-jun"),
        ["140200", "140400", "140500", "140600", "140900", "141100"]
    );
    assert_eq!(
        s.values("air-vs-region", "2023-06")["140900"].value,
        Value::Category("equal".into()),
        "Xinzhou equal to the average"
    );
    // Not stated for August 2021 and November 2023: no data, not "worse".
    assert!(s.values("air-vs-region", "2021-08").is_empty());
    assert!(s.values("air-vs-region", "2023-11").is_empty());
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

/// The shipped values read as the published notices say them.
#[test]
fn values_are_described_as_published() {
    let s = set();
    let pm = describe(&s, "pm25", "2023", "140100").expect("indicator");
    assert_eq!(pm.value.en, "41 μg/m³");
    assert_eq!(
        pm.rank.map(|r| r.en).as_deref(),
        Some("2 of 3 cities with data"),
        "Yangquan 38 < Taiyuan 41 < Yuncheng 49"
    );
    assert_eq!(pm.source.map(|s| s.outlet).as_deref(), Some("太原晚报"));
    let yc = describe(&s, "air-rank", "2023-jan-nov", "140800").expect("indicator");
    // The band as the legend names it that period (two cities tie).
    assert_eq!(yc.value.en, "Worst three (with a tie)");
    assert_eq!(yc.rank.map(|r| r.en).as_deref(), Some("position 8–9 of 11"));
    assert_eq!(yc.note.map(|n| n.en).as_deref(), Some("tied with Yangquan"));
    assert_eq!(
        sources_of(&s, "air-rank", "2023-jan-nov"),
        vec!["山西日报 2024-01-04"]
    );
    let change = describe(&s, "air-index-change", "2022-jan-feb", "140700").expect("indicator");
    assert_eq!(
        change.change.map(|c| c.en).as_deref(),
        Some("+12.4% year on year")
    );
    let taiyuan = describe_city(&s, "140100");
    assert!(taiyuan.len() > 20);
    assert_eq!(taiyuan[0].indicator.en, "Air quality rank in the province");
    assert_eq!(taiyuan[0].period.en, "Jan–Nov 2023", "newest first");
}

#[test]
fn comparison_of_taiyuan_and_yuncheng() {
    let s = set();
    let rows = compare(&s, &["140100".into(), "140800".into()]);
    let row = |name: &str| {
        rows.iter()
            .find(|r| r.indicator_en.starts_with(name))
            .unwrap_or_else(|| panic!("{name} row"))
    };
    assert_eq!(
        row("PM2.5 annual mean").values,
        vec!["41 μg/m³", "49 μg/m³"]
    );
    // The newest water period ranks all eleven, with the index of four.
    let water = row("Surface-water quality index");
    assert_eq!(water.period_zh, "2018年第一季度");
    assert_eq!(
        water.values,
        vec!["第6名（共11个），数值未公布", "第8名（共11个），数值未公布"]
    );
    assert_eq!(
        row("Air quality rank").values,
        vec!["后三（最差，含并列）", "后三（最差，含并列）"]
    );
    let datong_changzhi = compare(&s, &["140200".into(), "140400".into()]);
    assert!(
        !datong_changzhi
            .iter()
            .any(|r| r.indicator_en == "PM10 annual mean"),
        "no city has PM10 there"
    );
}

#[test]
fn a_rank_band_is_named_alike_in_the_legend_and_for_each_city() {
    // Jan–Nov 2023: two cities tie for third-last, so "middle" is 4th–7th,
    // in the legend and wherever a city's value is named.
    use shanxi_eco_map::map::choropleth::{choropleth, Classing};
    let set = set();
    let codes: Vec<String> = common::codes(common::PREFECTURES).into_iter().collect();
    for period in ["2023-jan-nov", "2023"] {
        let Some(_) = set.period(period) else {
            continue;
        };
        let map = choropleth(&set, "air-rank", period, &Classing::default(), &codes);
        for code in &codes {
            let (Some(fill), Some(info)) = (
                map.fills.get(code),
                describe(&set, "air-rank", period, code),
            ) else {
                continue;
            };
            if !info.has_data {
                continue;
            }
            let entry = map
                .legend
                .iter()
                .find(|e| e.class == fill.class)
                .expect("a legend entry");
            assert_eq!(
                (info.value.zh.as_str(), info.value.en.as_str()),
                (entry.label_zh.as_str(), entry.label_en.as_str()),
                "{period} {code}"
            );
        }
    }
    let middle = describe(&set, "air-rank", "2023-jan-nov", "140700").expect("Jinzhong");
    assert!(middle.value.zh.contains("4—7"), "{}", middle.value.zh);
}
