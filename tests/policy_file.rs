//! Validates `public/data/policies.json` against the boundaries and indicators,
//! and checks that every measure of the policy text is in it.

use std::collections::BTreeSet;
use std::path::Path;

use shanxi_eco_map::data::geo::parse_boundaries;
use shanxi_eco_map::data::indicators::IndicatorSet;
use shanxi_eco_map::data::policies::Policies;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn policies() -> Policies {
    Policies::parse("policies.json", &read("public/data/policies.json"))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn codes(rel: &str) -> BTreeSet<String> {
    parse_boundaries(rel, &read(rel))
        .expect("valid")
        .regions
        .into_iter()
        .map(|r| r.adcode)
        .collect()
}

#[test]
fn county_names_match_the_boundaries() {
    let counties = parse_boundaries("c", &read("geo/shanxi-counties.geojson"))
        .expect("valid")
        .regions;
    for r in &policies().regions {
        assert_eq!(r.counties.len(), r.county_names_zh.len());
        assert_eq!(r.counties.len(), r.county_names_en.len());
        for (i, c) in r.counties.iter().enumerate() {
            let b = counties
                .iter()
                .find(|x| &x.adcode == c)
                .expect("county exists");
            assert_eq!(
                (&b.name_zh, &b.name_en),
                (&r.county_names_zh[i], &r.county_names_en[i])
            );
        }
    }
}

#[test]
fn targets_and_indicators_exist() {
    let p = policies();
    let prefectures = codes("geo/shanxi-prefectures.geojson");
    let counties = codes("geo/shanxi-counties.geojson");
    for r in &p.regions {
        for c in &r.prefectures {
            assert!(
                prefectures.contains(c),
                "region {}: {c} is not a prefecture",
                r.id
            );
        }
        for c in &r.counties {
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
    let indicators = IndicatorSet::parse("indicators.json", &read("public/data/indicators.json"))
        .expect("valid");
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
