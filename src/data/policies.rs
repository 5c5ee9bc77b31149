//! The government measures of the policy text and the places they target: the
//! contents of `public/data/policies.json` (see `docs/data-format.md`).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::check::unique;
use super::indicators::{IndicatorSet, Observation, Value};
use super::json::{self, Json, Node, Wrong};
use crate::error::{At, Error, Item, Problem};

/// A theme, task or campaign: an id and its names.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A named region of the text resolved to adcodes, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub prefectures: Vec<String>,
    /// Counties the text names, in its order.
    pub counties: Vec<County>,
    pub basis_zh: String,
    pub basis_en: String,
    /// The mapping is approximate or inferred: wholly, or only for
    /// `uncertain_prefectures` when those are given.
    pub uncertain: bool,
    /// Prefectures counted only by some documents.
    pub uncertain_prefectures: Vec<String>,
}

/// A county a region names.
#[derive(Debug, Clone, PartialEq)]
pub struct County {
    pub adcode: String,
    pub name_zh: String,
    pub name_en: String,
}

impl Region {
    /// Uncertain as a whole: flagged, without naming which prefectures are the doubt.
    pub fn wholly_uncertain(&self) -> bool {
        self.uncertain && self.uncertain_prefectures.is_empty() && self.id != PROVINCE
    }
}

/// A figure the measure names.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub label_zh: String,
    pub label_en: String,
    pub value: f64,
    pub unit: Option<String>,
}

/// Where the measure was published.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicySource {
    pub paper: String,
    pub date: String,
    pub event_zh: String,
    pub event_en: String,
}

/// One measure of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    /// The measure's words in the text.
    pub text_zh: String,
    pub summary_en: String,
    /// First is the main theme (the panel's group); all count for filtering.
    pub themes: Vec<String>,
    /// The key task it serves (a `tasks` id), if the text files it under one.
    pub task: Option<String>,
    /// The signature campaign it belongs to (a `campaigns` id).
    pub campaign: Option<String>,
    pub figures: Vec<Figure>,
    /// Related indicator ids.
    pub indicators: Vec<String>,
    /// Region ids; "province" means every city.
    pub targets: Vec<String>,
    pub source: PolicySource,
}

/// The whole policy file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policies {
    /// The computed "measures that name the city" layer: its one period, its
    /// indicator, and one template observation (source, notes) that every
    /// city's count copies.
    pub count_indicator: IndicatorSet,
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

impl Policies {
    /// Parses and checks internal references. `file` names the file in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, Error> {
        Self::read(file, json::parse_text(file, text)?)
    }

    /// Reads and checks a measures file's parsed JSON.
    pub fn read<N: Node>(file: &str, root: N) -> Result<Self, Error> {
        let p = json::read(file, root, Policies::from_json)?;
        p.validate(file)?;
        Ok(p)
    }

    fn from_json<N: Node>(j: &Json<N>) -> Result<Self, Wrong> {
        let named = |n: &Json<N>| {
            Ok(Named {
                id: n.text("id")?,
                name_zh: n.text("name_zh")?,
                name_en: n.text("name_en")?,
            })
        };
        Ok(Policies {
            count_indicator: j.object("count_indicator", IndicatorSet::from_json)?,
            themes: j.list("themes", named)?,
            tasks: j.list("tasks", named)?,
            campaigns: j.list("campaigns", named)?,
            regions: j.list("regions", |r| {
                Ok(Region {
                    id: r.text("id")?,
                    name_zh: r.text("name_zh")?,
                    name_en: r.text("name_en")?,
                    prefectures: r.texts("prefectures")?,
                    counties: r.list_or_empty("counties", |c| {
                        Ok(County {
                            adcode: c.text("adcode")?,
                            name_zh: c.text("name_zh")?,
                            name_en: c.text("name_en")?,
                        })
                    })?,
                    basis_zh: r.text("basis_zh")?,
                    basis_en: r.text("basis_en")?,
                    uncertain: r.flag("uncertain", false)?,
                    uncertain_prefectures: r
                        .list_or_empty("uncertain_prefectures", Json::as_text)?,
                })
            })?,
            measures: j.list("measures", |m| {
                Ok(Measure {
                    id: m.text("id")?,
                    title_zh: m.text("title_zh")?,
                    title_en: m.text("title_en")?,
                    text_zh: m.text("text_zh")?,
                    summary_en: m.text("summary_en")?,
                    themes: m.texts("themes")?,
                    task: m.opt_text("task")?,
                    campaign: m.opt_text("campaign")?,
                    figures: m.list_or_empty("figures", |f| {
                        Ok(Figure {
                            label_zh: f.text("label_zh")?,
                            label_en: f.text("label_en")?,
                            value: f.number("value")?,
                            unit: f.opt_text("unit")?,
                        })
                    })?,
                    indicators: m.list_or_empty("indicators", Json::as_text)?,
                    targets: m.texts("targets")?,
                    source: m.object("source", |s| {
                        Ok(PolicySource {
                            paper: s.text("paper")?,
                            date: s.text("date")?,
                            event_zh: s.text("event_zh")?,
                            event_en: s.text("event_en")?,
                        })
                    })?,
                })
            })?,
        })
    }

    fn validate(&self, file: &str) -> Result<(), Error> {
        let themes = unique(file, Item::Theme, self.themes.iter().map(|n| &*n.id))?;
        let tasks = unique(file, Item::Task, self.tasks.iter().map(|n| &*n.id))?;
        let campaigns = unique(file, Item::Campaign, self.campaigns.iter().map(|n| &*n.id))?;
        let regions = unique(file, Item::Region, self.regions.iter().map(|r| &*r.id))?;
        unique(file, Item::Measure, self.measures.iter().map(|m| &*m.id))?;
        let fail = |problem| Err(Error::validation(file, problem));
        let layer = &self.count_indicator;
        let ids = |ids: Vec<&str>| ids == [COUNT_INDICATOR];
        if !ids(layer.indicators.iter().map(|i| &*i.id).collect())
            || !ids(layer.observations.iter().map(|o| &*o.indicator).collect())
            || layer.periods.len() != 1
        {
            let (at, expected) = (At::CountIndicator, COUNT_INDICATOR.to_string());
            return fail(Problem::WrongId { at, expected });
        }
        for m in &self.measures {
            let at = || At::Measure(m.id.clone());
            let lists: [(Item, &HashSet<&str>, Vec<&String>); 4] = [
                (Item::Theme, &themes, m.themes.iter().collect()),
                (Item::Task, &tasks, m.task.iter().collect()),
                (Item::Campaign, &campaigns, m.campaign.iter().collect()),
                (Item::Region, &regions, m.targets.iter().collect()),
            ];
            for (kind, known, used) in lists {
                if let Some(id) = used.into_iter().find(|id| !known.contains(id.as_str())) {
                    let (at, id) = (at(), id.clone());
                    return fail(Problem::Unknown { at, kind, id });
                }
            }
            for (kind, list) in [(Item::Theme, &m.themes), (Item::Region, &m.targets)] {
                if list.is_empty() {
                    return fail(Problem::Missing { at: at(), kind });
                }
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
            f.counties
                .extend(r.counties.iter().map(|c| c.adcode.clone()));
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
        // ASCII case folding is enough: Chinese has no case, the English texts
        // are ASCII, and `str::to_lowercase` links Unicode case tables (about
        // 7 KB of wasm, measured with `cargo xtask size`).
        let needle = f.text.trim().to_ascii_lowercase();
        let passes = |m: &Measure| {
            f.theme.as_ref().is_none_or(|t| m.themes.contains(t))
                && f.campaign
                    .as_ref()
                    .is_none_or(|c| m.campaign.as_ref() == Some(c))
                && (needle.is_empty()
                    || [&m.title_zh, &m.title_en, &m.text_zh, &m.summary_en]
                        .iter()
                        .any(|s| s.to_ascii_lowercase().contains(&needle)))
        };
        let mut by_theme: BTreeMap<usize, Vec<&Measure>> = BTreeMap::new();
        let mut province_wide = Vec::new();
        for m in self.measures.iter().filter(|m| passes(m)) {
            let fp = self.footprint(m);
            if !f.cities.is_empty() && fp.province_wide {
                province_wide.push(m);
            } else if f.cities.is_empty() || f.cities.iter().any(|c| fp.prefectures.contains(c)) {
                let main_theme = self
                    .themes
                    .iter()
                    .position(|t| Some(&t.id) == m.themes.first())
                    .unwrap_or(usize::MAX);
                by_theme.entry(main_theme).or_default().push(m);
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
    pub fn count_indicator(&self, adcodes: &[String]) -> IndicatorSet {
        let counts = self.counts_by_city();
        let mut layer = self.count_indicator.clone();
        let template = layer.observations.pop();
        layer.observations = template
            .iter()
            .flat_map(|t| {
                adcodes.iter().map(|a| Observation {
                    adcode: a.clone(),
                    value: Value::Number(counts.get(a).copied().unwrap_or(0) as f64),
                    ..t.clone()
                })
            })
            .collect();
        layer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::{self, POLICIES};

    const YUNCHENG: &str = "140800";

    fn ids<'a>(ms: impl IntoIterator<Item = &'a Measure>) -> Vec<&'a str> {
        ms.into_iter().map(|m| m.id.as_str()).collect()
    }

    fn targeted<'a>(f: &Filtered<'a>) -> Vec<&'a str> {
        ids(f.targeted.iter().flat_map(|(_, ms)| ms.iter().copied()))
    }

    #[test]
    fn county_targets_resolve_to_adcodes() {
        let p = fixtures::policies();
        let m = p
            .measure("campaign-yellow-river-counties")
            .expect("measure");
        let fp = p.footprint(m);
        assert_eq!(
            fp.counties,
            ["140882", "141123", "141124"].map(String::from).into()
        );
        assert_eq!(fp.prefectures.len(), 2);
        assert!(!fp.province_wide && fp.uncertain.is_empty());
        let region = p.region("yellow-river-mainstem").expect("region");
        assert_eq!(
            region.counties[0],
            County {
                adcode: "141123".into(),
                name_zh: "兴县".into(),
                name_en: "Xingxian".into()
            }
        );
    }

    #[test]
    fn uncertain_parts_are_flagged() {
        let p = fixtures::policies();
        let fp = |id: &str| p.footprint(p.measure(id).expect("measure"));
        let heating = fp("air-clean-heating");
        assert!(heating.uncertain.contains("140200"), "Datong is the doubt");
        assert!(!heating.uncertain.contains("140100"), "Taiyuan is certain");
        let fen = fp("campaign-fen-valley");
        assert_eq!(fen.uncertain, fen.prefectures, "wholly uncertain");
        assert!(fen.uncertain.contains(YUNCHENG));
        let datong = fp("project-datong");
        assert!(
            datong.uncertain.is_empty(),
            "named with certainty by another target"
        );
        assert!(fp("soil-construction").uncertain.is_empty());
    }

    #[test]
    fn selecting_a_city_lists_its_measures_and_the_province_wide_apart() {
        let p = fixtures::policies();
        let f = p.filter(&Filter {
            cities: vec![YUNCHENG.into()],
            ..Filter::default()
        });
        assert_eq!(
            targeted(&f),
            vec!["campaign-fen-valley", "campaign-yellow-river-counties"],
            "grouped by main theme, air first"
        );
        assert_eq!(
            ids(f.province_wide.iter().copied()),
            vec!["air-ozone-winter", "soil-construction"]
        );
        let all = p.filter(&Filter::default());
        assert!(all.province_wide.is_empty());
        assert_eq!(targeted(&all).len(), p.measures.len());
    }

    #[test]
    fn theme_campaign_and_text_filters() {
        let p = fixtures::policies();
        let by = |f: Filter| targeted(&p.filter(&f));
        let soil = p.filter(&Filter {
            theme: Some("soil".into()),
            ..Filter::default()
        });
        let groups: Vec<(&str, usize)> = soil
            .targeted
            .iter()
            .map(|(t, ms)| (t.id.as_str(), ms.len()))
            .collect();
        assert_eq!(groups, vec![("water", 1), ("soil", 2)], "by main theme");
        assert_eq!(
            by(Filter {
                campaign: Some("fen-valley".into()),
                ..Filter::default()
            }),
            vec!["campaign-fen-valley"]
        );
        for text in ["臭氧", "OZONE"] {
            let found = by(Filter {
                text: text.into(),
                ..Filter::default()
            });
            assert_eq!(found, vec!["air-ozone-winter"], "{text}");
        }
        assert!(by(Filter {
            text: "spaceport".into(),
            ..Filter::default()
        })
        .is_empty());
    }

    #[test]
    fn counts_exclude_province_wide_measures() {
        let c = fixtures::policies().counts_by_city();
        let expected = [("140100", 3), ("140200", 2), ("140800", 2), ("141100", 2)]
            .map(|(a, n)| (a.to_string(), n));
        assert_eq!(c, expected.into());
    }

    #[test]
    fn count_indicator_merges_into_the_indicators() {
        let p = fixtures::policies();
        let mut set = fixtures::indicators();
        let codes: Vec<String> = ["140100", "140200", "140800"].map(String::from).to_vec();
        set.merge(p.count_indicator(&codes), "policies")
            .expect("merges");
        let v = set.values(COUNT_INDICATOR, "2024-policy-text");
        assert_eq!(v.len(), 3);
        assert_eq!(v["140100"].value, Value::Number(3.0));
        assert!(v.values().all(|o| o.derived && o.source == "S1"));
        assert_eq!(
            v["140200"].note_en.as_deref(),
            Some("computed from the measures data")
        );
        let ind = set.indicator(COUNT_INDICATOR).expect("indicator");
        assert_eq!(ind.unit.as_deref(), Some("项 measures"));
        assert_eq!(
            set.period("2024-policy-text").map(|p| p.end.as_str()),
            Some("2024-06")
        );
    }

    fn problem(from: &str, to: &str) -> Problem {
        let text = POLICIES.replacen(from, to, 1);
        assert_ne!(text, POLICIES, "the fixture changed");
        match Policies::parse("p", &text) {
            Err(Error::Validation { problem, .. }) => problem,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn rejects_unknown_references_and_duplicates() {
        let at = || At::Measure("project-datong".into());
        assert_eq!(
            problem(r#""id": "datong""#, r#""id": "atlantis""#),
            Problem::Unknown {
                at: at(),
                kind: Item::Region,
                id: "datong".into()
            }
        );
        assert_eq!(
            problem(
                r#""themes": ["soil", "water"]"#,
                r#""themes": ["soil", "fire"]"#
            ),
            Problem::Unknown {
                at: at(),
                kind: Item::Theme,
                id: "fire".into()
            }
        );
        assert_eq!(
            problem(r#""themes": ["soil", "water"]"#, r#""themes": []"#),
            Problem::Missing {
                at: at(),
                kind: Item::Theme
            }
        );
        assert_eq!(
            problem(r#""campaign": "fen-valley""#, r#""campaign": "moon""#),
            Problem::Unknown {
                at: At::Measure("campaign-fen-valley".into()),
                kind: Item::Campaign,
                id: "moon".into()
            }
        );
        assert_eq!(
            problem(r#""id": "soil-construction""#, r#""id": "project-datong""#),
            Problem::Duplicate {
                kind: Item::Measure,
                id: "project-datong".into()
            }
        );
        assert_eq!(
            problem(r#""id": "measure-count""#, r#""id": "count""#),
            Problem::WrongId {
                at: At::CountIndicator,
                expected: COUNT_INDICATOR.into()
            }
        );
    }

    #[test]
    fn rejects_the_old_county_lists() {
        let old = POLICIES.replacen(
            r#"{"adcode": "141123", "name_zh": "兴县", "name_en": "Xingxian"}"#,
            r#""141123""#,
            1,
        );
        assert!(matches!(
            Policies::parse("p", &old),
            Err(Error::Shape { .. })
        ));
    }
}
