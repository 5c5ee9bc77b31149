//! The government measures of the policy text and the places they target: the
//! contents of `public/data/policies.json` (see `docs/data-format.md`).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Deserialize;

use super::indicators::{Indicator, IndicatorSet, Kind, Observation, Period, Value};
use crate::error::Error;

/// A theme, task or campaign: an id and its names.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Named {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A named region of the text resolved to adcodes, with the reason.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Region {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub prefectures: Vec<String>,
    #[serde(default)]
    pub counties: Vec<String>,
    /// The counties' names, in the same order.
    #[serde(default)]
    pub county_names_zh: Vec<String>,
    #[serde(default)]
    pub county_names_en: Vec<String>,
    pub basis_zh: String,
    pub basis_en: String,
    /// The mapping is approximate or inferred: wholly, or only for
    /// `uncertain_prefectures` when those are given.
    #[serde(default)]
    pub uncertain: bool,
    /// Prefectures counted only by some documents.
    #[serde(default)]
    pub uncertain_prefectures: Vec<String>,
}

impl Region {
    /// Uncertain as a whole: flagged, without naming which prefectures are the doubt.
    pub fn wholly_uncertain(&self) -> bool {
        self.uncertain && self.uncertain_prefectures.is_empty() && self.id != PROVINCE
    }
}

/// A figure the measure names.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Figure {
    pub label_zh: String,
    pub label_en: String,
    pub value: f64,
    #[serde(default)]
    pub unit: Option<String>,
}

/// Where the measure was published.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PolicySource {
    pub paper: String,
    pub date: String,
    pub event_zh: String,
    pub event_en: String,
}

/// One measure of the text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Measure {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    /// The measure's words in the text.
    pub text_zh: String,
    pub summary_en: String,
    /// First is the main theme (the panel's group); all count for filtering.
    pub themes: Vec<String>,
    #[serde(default)]
    pub task: Option<String>,
    #[serde(default)]
    pub campaign: Option<String>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Related indicator ids.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Region ids; "province" means every city.
    pub targets: Vec<String>,
    pub source: PolicySource,
}

/// The whole policy file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Policies {
    pub themes: Vec<Named>,
    pub tasks: Vec<Named>,
    pub campaigns: Vec<Named>,
    pub regions: Vec<Region>,
    pub measures: Vec<Measure>,
}

/// The region id that stands for the whole province.
pub const PROVINCE: &str = "province";

/// The places a measure targets, resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Footprint {
    pub province_wide: bool,
    pub prefectures: BTreeSet<String>,
    pub counties: BTreeSet<String>,
    /// Prefectures whose inclusion is uncertain.
    pub uncertain: BTreeSet<String>,
}

/// How the panel is filtered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Prefecture adcodes; empty = all.
    pub cities: Vec<String>,
    pub theme: Option<String>,
    pub campaign: Option<String>,
    /// Matched case-insensitively against titles, text and summary.
    pub text: String,
}

/// Measures that pass a filter, split as the panel shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filtered<'a> {
    /// Measures that name places (all of them when no city is chosen), by main theme.
    pub targeted: Vec<(&'a Named, Vec<&'a Measure>)>,
    /// Province-wide measures, shown apart when cities are chosen.
    pub province_wide: Vec<&'a Measure>,
}

fn invalid(what: &str, reason: impl Into<String>) -> Error {
    Error::Invalid {
        what: what.to_string(),
        reason: reason.into(),
    }
}

impl Policies {
    /// Parses and checks internal references.
    pub fn parse(what: &str, text: &str) -> Result<Self, Error> {
        let p: Policies = serde_json::from_str(text).map_err(|e| invalid(what, e.to_string()))?;
        p.validate(what)?;
        Ok(p)
    }

    fn validate(&self, what: &str) -> Result<(), Error> {
        let ids = |v: &[Named]| v.iter().map(|n| n.id.clone()).collect::<HashSet<_>>();
        let (themes, tasks, campaigns) =
            (ids(&self.themes), ids(&self.tasks), ids(&self.campaigns));
        let regions: HashSet<&str> = self.regions.iter().map(|r| r.id.as_str()).collect();
        let mut seen = HashSet::new();
        for m in &self.measures {
            if !seen.insert(m.id.as_str()) {
                return Err(invalid(what, format!("measure {} appears twice", m.id)));
            }
            if m.themes.is_empty() || m.themes.iter().any(|t| !themes.contains(t)) {
                return Err(invalid(
                    what,
                    format!("measure {}: unknown or missing theme", m.id),
                ));
            }
            if m.task.as_ref().is_some_and(|t| !tasks.contains(t))
                || m.campaign.as_ref().is_some_and(|c| !campaigns.contains(c))
            {
                return Err(invalid(
                    what,
                    format!("measure {}: unknown task or campaign", m.id),
                ));
            }
            if m.targets.is_empty() || m.targets.iter().any(|t| !regions.contains(t.as_str())) {
                return Err(invalid(
                    what,
                    format!("measure {}: unknown or missing target", m.id),
                ));
            }
        }
        Ok(())
    }

    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    fn named<'a>(list: &'a [Named], id: &str) -> Option<&'a Named> {
        list.iter().find(|n| n.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Named> {
        Self::named(&self.themes, id)
    }

    pub fn campaign(&self, id: &str) -> Option<&Named> {
        Self::named(&self.campaigns, id)
    }

    pub fn task(&self, id: &str) -> Option<&Named> {
        Self::named(&self.tasks, id)
    }

    /// The places `m` targets.
    pub fn footprint(&self, m: &Measure) -> Footprint {
        let mut f = Footprint::default();
        for r in m.targets.iter().filter_map(|t| self.region(t)) {
            if r.id == PROVINCE {
                f.province_wide = true;
            }
            f.prefectures.extend(r.prefectures.iter().cloned());
            f.counties.extend(r.counties.iter().cloned());
            f.uncertain.extend(r.uncertain_prefectures.iter().cloned());
            if r.wholly_uncertain() {
                f.uncertain.extend(r.prefectures.iter().cloned());
            }
        }
        // A prefecture named with certainty by another target is certain.
        let certain: BTreeSet<String> = m
            .targets
            .iter()
            .filter_map(|t| self.region(t))
            .filter(|r| !r.wholly_uncertain())
            .flat_map(|r| {
                r.prefectures
                    .iter()
                    .filter(|p| !r.uncertain_prefectures.contains(p))
                    .cloned()
            })
            .collect();
        f.uncertain.retain(|p| !certain.contains(p));
        f
    }

    /// Whether `m` applies to the prefecture `adcode` (province-wide ones do).
    pub fn targets_city(&self, m: &Measure, adcode: &str) -> bool {
        self.footprint(m).prefectures.contains(adcode)
    }

    /// Measures passing `f`, grouped for the panel. With cities chosen, a measure
    /// is listed if it targets any of them by name; province-wide ones go apart.
    pub fn filter(&self, f: &Filter) -> Filtered<'_> {
        let needle = f.text.trim().to_lowercase();
        let passes = |m: &Measure| {
            f.theme.as_ref().is_none_or(|t| m.themes.contains(t))
                && f.campaign
                    .as_ref()
                    .is_none_or(|c| m.campaign.as_ref() == Some(c))
                && (needle.is_empty()
                    || [&m.title_zh, &m.title_en, &m.text_zh, &m.summary_en]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&needle)))
        };
        let mut by_theme: BTreeMap<usize, Vec<&Measure>> = BTreeMap::new();
        let mut province_wide = Vec::new();
        for m in self.measures.iter().filter(|m| passes(m)) {
            let fp = self.footprint(m);
            if f.cities.is_empty() {
                let t = self
                    .themes
                    .iter()
                    .position(|t| Some(&t.id) == m.themes.first())
                    .unwrap_or(usize::MAX);
                by_theme.entry(t).or_default().push(m);
            } else if fp.province_wide {
                province_wide.push(m);
            } else if f.cities.iter().any(|c| fp.prefectures.contains(c)) {
                let t = self
                    .themes
                    .iter()
                    .position(|t| Some(&t.id) == m.themes.first())
                    .unwrap_or(usize::MAX);
                by_theme.entry(t).or_default().push(m);
            }
        }
        let targeted = by_theme
            .into_iter()
            .filter_map(|(i, ms)| self.themes.get(i).map(|t| (t, ms)))
            .collect();
        Filtered {
            targeted,
            province_wide,
        }
    }

    /// How many measures target each prefecture by name (province-wide ones not
    /// counted, since they target every city alike).
    pub fn counts_by_city(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for m in &self.measures {
            let fp = self.footprint(m);
            if fp.province_wide && m.targets.len() == 1 {
                continue;
            }
            let named: BTreeSet<String> = m
                .targets
                .iter()
                .filter(|t| t.as_str() != PROVINCE)
                .filter_map(|t| self.region(t))
                .flat_map(|r| r.prefectures.iter().cloned())
                .collect();
            for p in named {
                *out.entry(p).or_insert(0) += 1;
            }
        }
        out
    }
}

/// Id of the computed "measures targeting the city" indicator.
pub const COUNT_INDICATOR: &str = "measure-count";

impl Policies {
    /// The indicator "number of measures that name the city", computed from this
    /// file for `adcodes`, sourced to the policy text (`source_id` in the
    /// indicator data). Province-wide measures are not counted.
    pub fn count_indicator(&self, adcodes: &[String], source_id: &str) -> IndicatorSet {
        let counts = self.counts_by_city();
        let period = Period {
            id: "2024-policy-text".into(),
            label_zh: "2024年5—6月发布".into(),
            label_en: "published May–Jun 2024".into(),
            start: "2024-05".into(),
            end: "2024-06".into(),
            partial: false,
        };
        let observations = adcodes
            .iter()
            .map(|a| Observation {
                indicator: COUNT_INDICATOR.into(),
                adcode: a.clone(),
                period: period.id.clone(),
                value: Value::Number(counts.get(a).copied().unwrap_or(0) as f64),
                scope: None,
                source: source_id.into(),
                rank: None,
                change_pct: None,
                derived: true,
                note_zh: Some("由政策措施数据计算".into()),
                note_en: Some("computed from the measures data".into()),
            })
            .collect();
        IndicatorSet {
            sources: Vec::new(),
            periods: vec![period],
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
            }],
            observations,
            province: Vec::new(),
        }
    }
}

/// The shipped `public/data/policies.json`, for tests.
#[cfg(test)]
pub(crate) fn shipped() -> Policies {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/policies.json"
    ))
    .expect("shipped policies");
    Policies::parse("policies.json", &text).expect("valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    const YUNCHENG: &str = "140800";

    #[test]
    fn yellow_river_measure_targets_nineteen_counties() {
        let p = shipped();
        let m = p
            .measure("campaign-yellow-river-counties")
            .expect("measure");
        let fp = p.footprint(m);
        assert_eq!(fp.counties.len(), 19);
        assert_eq!(fp.prefectures.len(), 4);
        assert!(!fp.province_wide);
        assert!(fp.uncertain.is_empty());
    }

    #[test]
    fn uncertain_parts_are_flagged() {
        let p = shipped();
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
        let p = shipped();
        let f = p.filter(&Filter {
            cities: vec![YUNCHENG.into()],
            ..Filter::default()
        });
        let ids: Vec<&str> = f
            .targeted
            .iter()
            .flat_map(|(_, ms)| ms.iter().map(|m| m.id.as_str()))
            .collect();
        for id in [
            "campaign-yellow-river-counties",
            "campaign-fen-valley",
            "campaign-clear-water",
            "air-signature",
        ] {
            assert!(ids.contains(&id), "{id} targets Yuncheng: {ids:?}");
        }
        assert!(!ids.contains(&"project-xiaohe"));
        assert!(f.province_wide.iter().any(|m| m.id == "soil-construction"));
        assert!(f.province_wide.iter().all(|m| p.footprint(m).province_wide));
    }

    #[test]
    fn theme_campaign_and_text_filters() {
        let p = shipped();
        let soil = p.filter(&Filter {
            theme: Some("soil".into()),
            ..Filter::default()
        });
        let n: usize = soil.targeted.iter().map(|(_, ms)| ms.len()).sum();
        assert!(n >= 4, "three soil measures and the solid-waste campaign");
        assert!(soil
            .targeted
            .iter()
            .flat_map(|(_, ms)| ms)
            .all(|m| m.themes.contains(&"soil".to_string())));
        let ids = |f: Filter| -> Vec<String> {
            p.filter(&f)
                .targeted
                .iter()
                .flat_map(|(_, ms)| ms.iter().map(|m| m.id.clone()))
                .collect()
        };
        assert_eq!(
            ids(Filter {
                campaign: Some("fen-valley".into()),
                ..Filter::default()
            })
            .len(),
            2
        );
        for text in ["臭氧", "OZONE"] {
            assert!(
                ids(Filter {
                    text: text.into(),
                    ..Filter::default()
                })
                .contains(&"air-ozone-winter".to_string()),
                "{text}"
            );
        }
        assert!(ids(Filter {
            text: "spaceport".into(),
            ..Filter::default()
        })
        .is_empty());
    }

    #[test]
    fn counts_exclude_province_wide_measures() {
        let p = shipped();
        let c = p.counts_by_city();
        assert!(c[YUNCHENG] >= 5);
        assert_eq!(
            c.get("140200").copied(),
            Some(1),
            "Datong: only its named project"
        );
        assert!(c.values().all(|&n| n < p.measures.len()));
    }

    #[test]
    fn count_indicator_merges_into_the_shipped_data() {
        let p = shipped();
        let mut set = crate::data::indicators::shipped();
        let codes: Vec<String> = ["140100", "140200", "140800"].map(String::from).to_vec();
        set.merge(p.count_indicator(&codes, "S14"), "policies")
            .expect("merges");
        let v = set.values(COUNT_INDICATOR, "2024-policy-text");
        assert_eq!(v["140200"].value, Value::Number(1.0));
        assert_eq!(
            v["140800"].value,
            Value::Number(p.counts_by_city()["140800"] as f64)
        );
    }

    #[test]
    fn rejects_unknown_targets() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/policies.json"
        ))
        .expect("file");
        let broken = text.replacen("\"id\": \"datong\"", "\"id\": \"atlantis\"", 1);
        assert!(broken != text, "the fixture changed");
        assert!(matches!(
            Policies::parse("p", &broken),
            Err(Error::Invalid { .. })
        ));
    }
}
