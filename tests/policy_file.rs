//! Validates `public/data/policies.json` against the boundaries and indicators,
//! and checks that every measure of the policy text is in it.

mod common;

use std::collections::BTreeSet;

use shanxi_eco_map::data::indicators::{Indicator, IndicatorSet, Kind, Observation, Period, Value};
use shanxi_eco_map::data::policies::{Filter, COUNT_INDICATOR};

use common::{policies, read};

#[test]
fn county_names_match_the_boundaries() {
    let counties = common::boundaries(common::COUNTIES).regions;
    for r in &policies().regions {
        for c in &r.counties {
            let b = counties
                .iter()
                .find(|x| x.adcode == c.adcode)
                .unwrap_or_else(|| panic!("region {}: county {} exists", r.id, c.adcode));
            assert_eq!((&b.name_zh, &b.name_en), (&c.name_zh, &c.name_en));
        }
    }
}

#[test]
fn targets_and_indicators_exist() {
    let p = policies();
    let prefectures = common::codes(common::PREFECTURES);
    let counties = common::codes(common::COUNTIES);
    for r in &p.regions {
        for c in &r.prefectures {
            assert!(
                prefectures.contains(c),
                "region {}: {c} is not a prefecture",
                r.id
            );
        }
        for c in r.counties.iter().map(|c| &c.adcode) {
            assert!(counties.contains(c), "region {}: {c} is not a county", r.id);
            assert!(
                r.prefectures.contains(&format!("{}00", &c[..4])),
                "region {}: county {c} outside its prefectures",
                r.id
            );
        }
        assert!(
            !r.basis_zh.is_empty() && !r.basis_en.is_empty(),
            "region {} has no basis",
            r.id
        );
    }
    let indicators = common::indicators();
    for m in &p.measures {
        for i in &m.indicators {
            assert!(
                indicators.indicator(i).is_some(),
                "measure {}: unknown indicator {i}",
                m.id
            );
        }
        assert!(!m.text_zh.is_empty() && !m.summary_en.is_empty() && !m.title_en.is_empty());
    }
}

/// Every measure of the text, by a phrase that only it uses. A phrase missing
/// from all measures' text means a measure was left out.
#[test]
fn no_measure_of_the_text_is_missing() {
    let p = policies();
    let seed = read("tests/fixtures/policy-text-phrases.txt");
    let all: String = p
        .measures
        .iter()
        .map(|m| m.text_zh.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut missing = Vec::new();
    for phrase in seed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if !all.contains(phrase) {
            missing.push(phrase.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "phrases of the text in no measure: {missing:?}"
    );
}

#[test]
fn the_structure_of_the_text_is_complete() {
    let p = policies();
    assert_eq!(p.tasks.len(), 6, "six key tasks");
    assert_eq!(p.campaigns.len(), 5, "five signature campaigns");
    assert_eq!(p.themes.len(), 6);
    let task_measures: BTreeSet<&str> = p
        .measures
        .iter()
        .filter(|m| m.id.starts_with("task-"))
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(task_measures.len(), 6);
    assert_eq!(
        p.measures
            .iter()
            .filter(|m| m.id.starts_with("goal-"))
            .count(),
        3,
        "2027, 2035, mid-century"
    );
    assert_eq!(
        p.measures
            .iter()
            .filter(|m| m.id.starts_with("air-"))
            .count(),
        6,
        "six air measures"
    );
    assert_eq!(
        p.measures
            .iter()
            .filter(|m| m.id.starts_with("water-") && m.id != "water-clear-water-works")
            .count(),
        3,
        "three water measures"
    );
    for c in &p.campaigns {
        assert!(
            p.measures
                .iter()
                .any(|m| m.campaign.as_deref() == Some(c.id.as_str())),
            "campaign {} has a measure",
            c.id
        );
    }
    let yr = p.footprint(
        p.measure("campaign-yellow-river-counties")
            .expect("measure"),
    );
    assert_eq!(yr.counties.len(), 19);
}

const YUNCHENG: &str = "140800";

fn ids(p: &shanxi_eco_map::data::policies::Policies, f: Filter) -> Vec<String> {
    p.filter(&f)
        .targeted
        .iter()
        .flat_map(|(_, ms)| ms.iter().map(|m| m.id.clone()))
        .collect()
}

#[test]
fn uncertain_parts_are_flagged() {
    let p = policies();
    let heating = p.footprint(p.measure("air-clean-heating").expect("measure"));
    assert!(
        heating.uncertain.contains("140500"),
        "Jincheng in Shangdang is uncertain"
    );
    assert!(!heating.uncertain.contains("140400"), "Changzhi is certain");
    let fen = p.footprint(p.measure("campaign-fen-valley").expect("measure"));
    assert!(
        fen.uncertain.contains(YUNCHENG),
        "Fen valley is marked at prefecture level"
    );
}

#[test]
fn selecting_yuncheng_lists_its_measures_and_the_province_wide_apart() {
    let p = policies();
    let cities = vec![YUNCHENG.to_string()];
    let targeted = ids(
        &p,
        Filter {
            cities: cities.clone(),
            ..Filter::default()
        },
    );
    let named = [
        "campaign-yellow-river-counties",
        "campaign-fen-valley",
        "campaign-clear-water",
        "air-signature",
    ];
    let missing: Vec<&str> = named
        .into_iter()
        .filter(|id| !targeted.iter().any(|t| t == id))
        .collect();
    assert!(missing.is_empty(), "{missing:?} target Yuncheng");
    assert!(!targeted.iter().any(|t| t == "project-xiaohe"));
    let f = p.filter(&Filter {
        cities,
        ..Filter::default()
    });
    assert!(f.province_wide.iter().any(|m| m.id == "soil-construction"));
    assert!(f.province_wide.iter().all(|m| p.footprint(m).province_wide));
}

#[test]
fn theme_campaign_and_text_filters() {
    let p = policies();
    let soil = ids(
        &p,
        Filter {
            theme: Some("soil".into()),
            ..Filter::default()
        },
    );
    assert!(
        soil.len() >= 4,
        "three soil measures and the solid-waste campaign"
    );
    let fen = ids(
        &p,
        Filter {
            campaign: Some("fen-valley".into()),
            ..Filter::default()
        },
    );
    assert_eq!(fen.len(), 2);
    for text in ["臭氧", "OZONE"] {
        let found = ids(
            &p,
            Filter {
                text: text.into(),
                ..Filter::default()
            },
        );
        assert!(found.contains(&"air-ozone-winter".to_string()), "{text}");
    }
}

#[test]
fn counts_of_measures_that_name_each_city() {
    let p = policies();
    let c = p.counts_by_city();
    assert!(c[YUNCHENG] >= 5);
    assert_eq!(
        c.get("140200").copied(),
        Some(1),
        "Datong: only its named project"
    );
    assert!(c.values().all(|&n| n < p.measures.len()));
}

/// The computed layer is what the app showed when it was written in Rust, and
/// merges into the shipped indicators.
#[test]
fn count_indicator_is_the_published_layer() {
    let p = policies();
    let codes: Vec<String> = ["140100", "140200", "140800"].map(String::from).to_vec();
    let counts = p.counts_by_city();
    let expected = IndicatorSet {
        sources: Vec::new(),
        periods: vec![Period {
            id: "2024-policy-text".into(),
            label_zh: "2024年5—6月发布".into(),
            label_en: "published May–Jun 2024".into(),
            start: "2024-05".into(),
            end: "2024-06".into(),
            partial: false,
            ..Period::default()
        }],
        indicators: vec![Indicator {
            id: COUNT_INDICATOR.into(),
            name_zh: "点名该市的措施数".into(),
            name_en: "Measures that name the city".into(),
            kind: Kind::Numeric,
            unit: Some("项 measures".into()),
            lower_is_better: true,
            categories: Vec::new(),
            description_zh: "政策文本中明确针对该市（或其所在区域、县）的措施数量，由 policies.json 计算；全省通用的措施不计。".into(),
            description_en: "How many measures of the policy text target the city (or a region or county in it), computed from policies.json; province-wide measures are not counted.".into(),
            user: false,
            remediation: true,
        }],
        observations: codes
            .iter()
            .map(|a| Observation {
                indicator: COUNT_INDICATOR.into(),
                adcode: a.clone(),
                period: "2024-policy-text".into(),
                value: Value::Number(counts.get(a).copied().unwrap_or(0) as f64),
                scope: None,
                source: "S14".into(),
                rank: None,
                change_pct: None,
                derived: true,
                note_zh: Some("由政策措施数据计算".into()),
                note_en: Some("computed from the measures data".into()),
            })
            .collect(),
        province: Vec::new(),
    };
    let layer = p.count_indicator(&codes);
    assert_eq!(layer, expected);
    let mut set = common::indicators();
    set.merge(layer, "policies").expect("merges");
    let v = set.values(COUNT_INDICATOR, "2024-policy-text");
    assert_eq!(v["140200"].value, Value::Number(1.0));
}

/// Each signature campaign's card shows its own content, not one shared
/// paragraph (only the solid-waste campaign, which the text names and does
/// not describe, keeps the paragraph that names all five).
#[test]
fn campaign_cards_have_their_own_content() {
    let p = policies();
    let texts: Vec<&str> = p
        .measures
        .iter()
        .filter(|m| m.id.starts_with("campaign-"))
        .map(|m| m.text_zh.as_str())
        .collect();
    assert_eq!(texts.len(), 5);
    let distinct: std::collections::BTreeSet<&str> = texts.iter().copied().collect();
    assert_eq!(distinct.len(), 5, "{texts:#?}");
}

/// Every province figure that names its measure names one the panel has.
#[test]
fn province_figures_link_to_measures_that_exist() {
    let p = policies();
    let linked: Vec<_> = common::indicators()
        .province
        .into_iter()
        .filter_map(|f| f.measure.map(|m| (f.id, m)))
        .collect();
    assert!(linked.len() >= 10, "{linked:?}");
    for (id, m) in linked {
        assert!(
            p.measure(&m).is_some(),
            "{id}: measure {m} is not in policies.json"
        );
    }
}
