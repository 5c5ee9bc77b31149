//! Section G of indicator-facts.md (surface water: quality and improvement by
//! city) against `public/data/indicators.json`, read from a copy of the facts
//! file in `tests/fixtures/`: every number, place and city of the new layers
//! is the published one, and every number in them is in the facts file.

mod common;

use shanxi_eco_map::data::indicators::{Observation, RankFrom, Value};
use shanxi_eco_map::i18n::Lang;
use shanxi_eco_map::present::caption::caption;
use shanxi_eco_map::present::describe::describe;

use common::indicators as set;

/// Section G's text, from its heading to the next one.
fn section_g() -> String {
    let facts = common::read("tests/fixtures/indicator-facts.md");
    let start = facts.find("## G.").expect("section G");
    let rest = &facts[start..];
    let end = rest[4..].find("\n## ").map_or(rest.len(), |i| i + 4);
    rest[..end].to_string()
}

/// The cells of the table row of section G whose first two cells start with
/// `period` and `what`.
fn row(period: &str, what: &str) -> Vec<String> {
    section_g()
        .lines()
        .map(|l| {
            l.split('|')
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .find(|c| c.len() > 4 && c[1] == period && c[2].starts_with(what))
        .unwrap_or_else(|| panic!("row {period} / {what}"))
}

/// "太原 12.4, 朔州 11.8" → [("太原", Some(12.4)), …]; a city without a number
/// gets `None`. Cities are the eleven prefectures' short names.
fn named(text: &str) -> Vec<(String, Option<f64>)> {
    let cities = [
        "太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁",
    ];
    let mut at: Vec<(usize, &str)> = cities
        .iter()
        .flat_map(|c| text.match_indices(c).map(|(i, _)| (i, *c)))
        .collect();
    at.sort();
    at.iter()
        .map(|(i, c)| {
            let after = text[i + c.len()..].trim_start();
            let num: String = after
                .chars()
                .take_while(|ch| ch.is_ascii_digit() || *ch == '.')
                .collect();
            (c.to_string(), num.parse().ok())
        })
        .collect()
}

fn adcode(city: &str) -> String {
    let s = set();
    let regions = common::boundaries(common::PREFECTURES).regions;
    let r = regions
        .iter()
        .find(|r| r.name_zh.starts_with(city))
        .unwrap_or_else(|| panic!("{city}"));
    assert!(s.observations.iter().any(|o| o.adcode == r.adcode));
    r.adcode.clone()
}

fn obs(indicator: &str, period: &str, city: &str) -> Observation {
    set()
        .values(indicator, period)
        .get(adcode(city).as_str())
        .map(|o| (*o).clone())
        .unwrap_or_else(|| panic!("{indicator} {period} {city}"))
}

fn place(o: &Observation) -> [u32; 2] {
    o.rank.as_ref().map(|r| r.position).expect("a place")
}

#[test]
fn improvement_2017_q2_has_ten_values_and_jinzhong_last_without_one() {
    let r = row("2017 Q2", "improvement");
    let listed = named(&r[3]);
    assert_eq!(listed.len(), 11, "{listed:?}");
    for (i, (city, value)) in listed.iter().enumerate() {
        let o = obs("water-improvement", "2017-q2", city);
        assert_eq!(place(&o), [i as u32 + 1; 2], "{city}");
        match value {
            Some(v) => assert_eq!(o.value, Value::Number(*v), "{city}"),
            None => {
                assert_eq!(city, "晋中");
                assert_eq!(o.value, Value::Unpublished, "last, value not published");
            }
        }
    }
    let s = set();
    let info = describe(&s, "water-improvement", "2017-q2", &adcode("晋中")).expect("Jinzhong");
    assert_eq!(info.value.zh, "末位（第11名，共11个），数值未公布");
    assert_eq!(info.value.en, "last (11 of 11), value not published");
    assert!(s
        .indicator("water-improvement")
        .is_some_and(|i| i.remediation));
    let regions = common::boundaries(common::PREFECTURES).regions;
    let said = caption(&s, "water-improvement", "2017-q2", &regions, Lang::Zh).expect("caption");
    assert!(
        said.starts_with("2017年第二季度，地表水水质改善程度：最好的是太原、朔州、晋城，最差的是晋中、运城、长治。"),
        "{said}"
    );
}

#[test]
fn quality_2018_q1_ranks_all_eleven_with_four_indices() {
    let order = named(&row("2018 Q1", "quality rank")[3]);
    assert_eq!(order.len(), 11);
    let indices = named(&row("2018 Q1", "quality index")[3]);
    assert_eq!(indices.len(), 4);
    for (i, (city, _)) in order.iter().enumerate() {
        let pos = i as u32 + 1;
        let o = obs("water-quality-index", "2018-q1", city);
        assert_eq!(place(&o), [pos; 2], "{city}");
        match indices.iter().find(|(c, _)| c == city) {
            Some((_, Some(v))) => assert_eq!(o.value, Value::Number(*v), "{city}"),
            _ => assert_eq!(o.value, Value::Unpublished, "{city}: ranked, no index"),
        }
        let band = obs("water-rank", "2018-q1", city);
        assert_eq!(place(&band), [pos; 2], "{city}");
        let want = match pos {
            1..=3 => "best3",
            9..=11 => "worst3",
            _ => "middle",
        };
        assert_eq!(band.value, Value::Category(want.into()), "{city}");
        assert!(!band.derived, "the notice ranks all eleven");
    }
}

#[test]
fn improvement_2018_q1_names_the_top_three_and_the_least_improved() {
    let r = row("2018 Q1", "improvement");
    let (top, least) = r[3].split_once(';').expect("two parts");
    let top = named(top);
    assert_eq!(top.len(), 3);
    for (i, (city, v)) in top.iter().enumerate() {
        let o = obs("water-improvement", "2018-q1", city);
        assert_eq!(
            (o.value.clone(), place(&o)),
            (Value::Number(v.expect("value")), [i as u32 + 1; 2])
        );
    }
    let least = named(least);
    assert_eq!(least.len(), 1);
    let o = obs("water-improvement", "2018-q1", &least[0].0);
    assert_eq!((o.value.clone(), place(&o)), (Value::Unpublished, [11, 11]));
    // The others are not named: no data, and the legend says which places are known.
    assert_eq!(set().values("water-improvement", "2018-q1").len(), 4);
}

#[test]
fn the_first_half_of_2024_names_three_better_and_three_worse() {
    let r = row("2024 Jan–Jun", "provincial-control");
    let (better, worse) = r[3].split_once(';').expect("better; worse");
    let s = set();
    let period = s.period("2024-jan-jun").expect("period");
    let said = period.full();
    assert!(said.zh.contains("省控断面") && said.en.contains("provincial-control"));
    assert_eq!(
        period.label_zh, "2024年1—6月",
        "the timeline's label stays short"
    );
    for (list, want) in [(better, "best3"), (worse, "worst3")] {
        let cities = named(list.split("(the other").next().unwrap_or(list));
        assert_eq!(cities.len(), 3, "{list}");
        for (city, _) in cities {
            let o = obs("water-rank", "2024-jan-jun", &city);
            // Named, but not in order: a band without a place (not "tied 1st–3rd").
            assert_eq!(
                (o.value, o.rank, o.derived),
                (Value::Category(want.into()), None, false)
            );
        }
    }
    let values = s.values("water-rank", "2024-jan-jun");
    let middle: Vec<_> = values.values().filter(|o| o.derived).collect();
    assert_eq!(middle.len(), 5, "the other five, by exclusion");
    assert!(middle
        .iter()
        .all(|o| o.value == Value::Category("middle".into())));
}

#[test]
fn the_national_2019_ranking_names_lvliang_and_yuncheng() {
    let s = set();
    let values = s.values("water-national", "2019");
    assert_eq!(values.len(), 2);
    let lvliang = obs("water-national", "2019", "吕梁");
    assert_eq!(lvliang.value, Value::Category("quality-last".into()));
    let r = lvliang.rank.expect("rank");
    assert_eq!((r.position, r.from, r.of), ([1, 1], RankFrom::Bottom, None));
    let yuncheng = obs("water-national", "2019", "运城");
    assert_eq!(yuncheng.value, Value::Category("improvement-2nd".into()));
    assert_eq!(place(&yuncheng), [2, 2]);
    assert!(section_g().contains("吕梁 last in water quality; 运城 2nd"));
    assert!(s
        .period("2019")
        .is_some_and(|p| p.full().zh.contains("国考断面")));
}

#[test]
fn every_number_of_the_new_layers_is_in_section_g() {
    let s = set();
    let g = section_g();
    let regions = common::boundaries(common::PREFECTURES).regions;
    let new = |o: &&Observation| {
        ["water-improvement", "water-rank", "water-national"].contains(&o.indicator.as_str())
            || (o.indicator == "water-quality-index" && o.period != "2017-q2")
    };
    let mut checked = 0;
    for o in s.observations.iter().filter(new) {
        let city = regions
            .iter()
            .find(|r| r.adcode == o.adcode)
            .map(|r| r.short_name_zh().to_string())
            .expect("a prefecture");
        assert!(g.contains(&city), "{city} is in section G");
        if let Value::Number(n) = o.value {
            let said = format!("{city} {}", shanxi_eco_map::format::format_number(n));
            assert!(g.contains(&said), "{said} is not in section G");
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        10 + 3 + 4,
        "2017 Q2 and 2018 Q1 improvement, 2018 Q1 index"
    );
    // The province's first half of 2024 (S26).
    for (id, value, facts) in [
        ("water-good-share-h1", 88.3, "83 rated good (88.3%"),
        ("water-provincial-good-share-h1", 82.1, "147 good (82.1%"),
    ] {
        let f = s.province.iter().find(|f| f.id == id).expect(id);
        assert_eq!((f.value, f.source.as_str()), (value, "S26"));
        assert!(g.contains(facts), "{facts}");
    }
}
