//! Indicators, observations, periods and sources: the contents of
//! `public/data/indicators.json` (see `docs/data-format.md`).
//!
//! Everything here is as published: a city without an observation for an
//! indicator and period has no data, and stays that way.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::error::Error;

/// How an indicator's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Numbers, classed into ranges.
    Numeric,
    /// Categories in order from best to worst.
    Ordinal,
    /// Categories without an order.
    Categorical,
}

/// A category of an ordinal or categorical indicator.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Category {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
}

/// One layer the map can show.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: Kind,
    #[serde(default)]
    pub unit: Option<String>,
    /// For numeric indicators: whether a lower value is better (so higher is drawn darker).
    #[serde(default = "yes")]
    pub lower_is_better: bool,
    /// Ordinal: best first. Categorical: in legend order.
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub description_zh: String,
    #[serde(default)]
    pub description_en: String,
    /// Loaded by the person using the map, not shipped with it.
    #[serde(default)]
    pub user: bool,
}

fn yes() -> bool {
    true
}

/// A time span an observation covers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Period {
    /// URL-safe id, e.g. "2023-jan-nov", "2023", "2017-q2".
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    /// First month, "YYYY-MM".
    pub start: String,
    /// Last month, "YYYY-MM".
    pub end: String,
    /// Less than a full calendar year.
    pub partial: bool,
}

/// Where a value was published.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// The area a value describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Scope {
    /// Urban districts (市区).
    #[serde(rename = "市区")]
    Urban,
    /// The whole city (全市).
    #[serde(rename = "全市")]
    WholeCity,
}

/// A value: a number or a category id.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Category(String),
}

/// Which end a published rank counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RankFrom {
    Top,
    Bottom,
}

/// A published position, or range of positions (ties, or a band known by exclusion).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Rank {
    /// First and last position, e.g. [8, 9] for a tie or [4, 8] for "middle".
    pub position: [u32; 2],
    /// Number of ranked cities.
    pub of: u32,
    pub from: RankFrom,
}

/// One published value for one city, indicator and period.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Observation {
    pub indicator: String,
    pub adcode: String,
    pub period: String,
    pub value: Value,
    /// `None` where the source does not say.
    #[serde(default)]
    pub scope: Option<Scope>,
    pub source: String,
    #[serde(default)]
    pub rank: Option<Rank>,
    /// Change against a year earlier in percent, where published.
    #[serde(default)]
    pub change_pct: Option<f64>,
    /// Known by exclusion from what the source names, not stated for this city.
    #[serde(default)]
    pub derived: bool,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
}

/// A province-wide figure (the headline strip).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ProvinceFigure {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    /// The year or span, as published.
    pub period: String,
    pub value: f64,
    #[serde(default)]
    pub unit: Option<String>,
    pub source: String,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    /// Shown in the strip above the map.
    #[serde(default)]
    pub headline: bool,
    /// "observed" (default) or "target".
    #[serde(default)]
    pub kind: Option<String>,
}

/// The whole indicator file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct IndicatorSet {
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub periods: Vec<Period>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub observations: Vec<Observation>,
    #[serde(default)]
    pub province: Vec<ProvinceFigure>,
}

fn invalid(what: &str, reason: impl Into<String>) -> Error {
    Error::Invalid {
        what: what.to_string(),
        reason: reason.into(),
    }
}

impl IndicatorSet {
    /// Parses and validates indicator JSON. `what` names the file in errors.
    pub fn parse(what: &str, text: &str) -> Result<Self, Error> {
        let set: IndicatorSet =
            serde_json::from_str(text).map_err(|e| invalid(what, e.to_string()))?;
        set.validate(what)?;
        Ok(set)
    }

    /// Checks that every reference resolves and every value fits its indicator.
    pub fn validate(&self, what: &str) -> Result<(), Error> {
        let unique = |ids: Vec<&str>, kind: &str| -> Result<HashSet<String>, Error> {
            let mut seen = HashSet::new();
            for id in ids {
                if !seen.insert(id.to_string()) {
                    return Err(invalid(what, format!("{kind} {id:?} is defined twice")));
                }
            }
            Ok(seen)
        };
        let sources = unique(
            self.sources.iter().map(|s| s.id.as_str()).collect(),
            "source",
        )?;
        let periods = unique(
            self.periods.iter().map(|p| p.id.as_str()).collect(),
            "period",
        )?;
        unique(
            self.indicators.iter().map(|i| i.id.as_str()).collect(),
            "indicator",
        )?;
        for ind in &self.indicators {
            if ind.kind != Kind::Numeric && ind.categories.is_empty() {
                return Err(invalid(
                    what,
                    format!("indicator {} has no categories", ind.id),
                ));
            }
        }
        let mut keys = HashSet::new();
        for (i, o) in self.observations.iter().enumerate() {
            let at = || {
                format!(
                    "observation {} ({} {} {})",
                    i + 1,
                    o.indicator,
                    o.adcode,
                    o.period
                )
            };
            let ind = self
                .indicator(&o.indicator)
                .ok_or_else(|| invalid(what, format!("{}: unknown indicator", at())))?;
            if !periods.contains(&o.period) {
                return Err(invalid(what, format!("{}: unknown period", at())));
            }
            if !sources.contains(&o.source) {
                return Err(invalid(
                    what,
                    format!("{}: unknown source {}", at(), o.source),
                ));
            }
            match (&o.value, ind.kind) {
                (Value::Number(v), Kind::Numeric) if v.is_finite() => {}
                (Value::Category(c), Kind::Ordinal | Kind::Categorical)
                    if ind.categories.iter().any(|k| &k.id == c) => {}
                _ => {
                    return Err(invalid(
                        what,
                        format!(
                            "{}: value {:?} does not fit a {:?} indicator",
                            at(),
                            o.value,
                            ind.kind
                        ),
                    ))
                }
            }
            if !keys.insert((&o.indicator, &o.adcode, &o.period)) {
                return Err(invalid(
                    what,
                    format!("{}: a second value for the same city and period", at()),
                ));
            }
        }
        for f in &self.province {
            if !sources.contains(&f.source) {
                return Err(invalid(
                    what,
                    format!("province figure {}: unknown source {}", f.id, f.source),
                ));
            }
        }
        Ok(())
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn period(&self, id: &str) -> Option<&Period> {
        self.periods.iter().find(|p| p.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The periods an indicator has observations for, oldest first.
    pub fn periods_of(&self, indicator: &str) -> Vec<&Period> {
        let used: HashSet<&str> = self
            .observations
            .iter()
            .filter(|o| o.indicator == indicator)
            .map(|o| o.period.as_str())
            .collect();
        let mut out: Vec<&Period> = self
            .periods
            .iter()
            .filter(|p| used.contains(p.id.as_str()))
            .collect();
        out.sort_unstable_by(|a, b| (&a.end, &a.start).cmp(&(&b.end, &b.start)));
        out
    }

    /// Observations of one indicator and period, by adcode.
    pub fn values(&self, indicator: &str, period: &str) -> BTreeMap<&str, &Observation> {
        self.observations
            .iter()
            .filter(|o| o.indicator == indicator && o.period == period)
            .map(|o| (o.adcode.as_str(), o))
            .collect()
    }

    /// Everything known about one city, in indicator order, newest period first.
    pub fn city(&self, adcode: &str) -> Vec<&Observation> {
        let mut out: Vec<&Observation> = self
            .observations
            .iter()
            .filter(|o| o.adcode == adcode)
            .collect();
        let order = |o: &Observation| {
            self.indicators
                .iter()
                .position(|i| i.id == o.indicator)
                .unwrap_or(usize::MAX)
        };
        let end = |o: &Observation| {
            self.period(&o.period)
                .map(|p| p.end.clone())
                .unwrap_or_default()
        };
        out.sort_unstable_by(|a, b| order(a).cmp(&order(b)).then_with(|| end(b).cmp(&end(a))));
        out
    }

    /// Adds another set (user data) to this one, replacing nothing: ids must be new.
    pub fn merge(&mut self, other: IndicatorSet, what: &str) -> Result<(), Error> {
        let mut merged = self.clone();
        for p in other.periods {
            if let Some(existing) = merged.period(&p.id) {
                if existing != &p {
                    return Err(invalid(
                        what,
                        format!("period {} differs from the shipped one", p.id),
                    ));
                }
            } else {
                merged.periods.push(p);
            }
        }
        merged.sources.extend(other.sources);
        merged.indicators.extend(other.indicators);
        merged.observations.extend(other.observations);
        merged.validate(what)?;
        *self = merged;
        Ok(())
    }
}

/// The shipped `public/data/indicators.json`, for tests.
#[cfg(test)]
pub(crate) fn shipped() -> IndicatorSet {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/indicators.json"
    ))
    .expect("shipped data");
    IndicatorSet::parse("indicators.json", &text).expect("valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{
      "sources": [{"id": "S1", "outlet": "山西日报", "title": "t", "date": "2024-01-04"}],
      "periods": [
        {"id": "2023", "label_zh": "2023年", "label_en": "2023", "start": "2023-01", "end": "2023-12", "partial": false},
        {"id": "2023-jan-nov", "label_zh": "2023年1—11月", "label_en": "Jan–Nov 2023", "start": "2023-01", "end": "2023-11", "partial": true}
      ],
      "indicators": [
        {"id": "pm25", "name_zh": "PM2.5", "name_en": "PM2.5", "kind": "numeric", "unit": "μg/m³"},
        {"id": "band", "name_zh": "排名", "name_en": "Rank", "kind": "ordinal",
         "categories": [{"id": "best3", "name_zh": "前三", "name_en": "Best three"}, {"id": "worst3", "name_zh": "后三", "name_en": "Worst three"}]}
      ],
      "observations": [
        {"indicator": "pm25", "adcode": "140100", "period": "2023", "value": 41, "scope": "市区", "source": "S1"},
        {"indicator": "band", "adcode": "140200", "period": "2023-jan-nov", "value": "best3", "source": "S1", "rank": {"position": [1, 1], "of": 11, "from": "top"}},
        {"indicator": "band", "adcode": "140200", "period": "2023", "value": "best3", "source": "S1"}
      ]
    }"#;

    #[test]
    fn parses_and_looks_up() {
        let set = IndicatorSet::parse("t", SMALL).expect("valid");
        let v = set.values("pm25", "2023");
        assert_eq!(v["140100"].value, Value::Number(41.0));
        assert_eq!(v["140100"].scope, Some(Scope::Urban));
        assert!(
            set.values("pm25", "2023-jan-nov").is_empty(),
            "no data is no data"
        );
        let ps: Vec<&str> = set
            .periods_of("band")
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ps, vec!["2023-jan-nov", "2023"]);
        let b = &set.values("band", "2023-jan-nov")["140200"];
        assert_eq!(b.rank.as_ref().map(|r| r.position), Some([1, 1]));
        assert_eq!(b.scope, None);
        assert_eq!(set.city("140200").len(), 2);
        assert!(set.indicator("pm25").is_some_and(|i| i.lower_is_better));
    }

    fn broken(from: &str, to: &str) -> String {
        match IndicatorSet::parse("t", &SMALL.replace(from, to)) {
            Err(Error::Invalid { reason, .. }) => reason,
            other => panic!("expected an error for {to}, got {other:?}"),
        }
    }

    #[test]
    fn rejects_broken_references_and_values() {
        assert!(broken(r#""source": "S1"}"#, r#""source": "S9"}"#).contains("unknown source"));
        assert!(broken(r#""value": 41"#, r#""value": "high""#).contains("does not fit"));
        assert!(broken(
            r#""value": "best3", "source": "S1", "rank""#,
            r#""value": "best9", "source": "S1", "rank""#
        )
        .contains("does not fit"));
        assert!(broken(
            r#""period": "2023", "value": 41"#,
            r#""period": "2030", "value": 41"#
        )
        .contains("unknown period"));
        assert!(broken(
            r#""indicator": "pm25", "adcode""#,
            r#""indicator": "pm99", "adcode""#
        )
        .contains("unknown indicator"));
        assert!(broken(r#""scope": "市区""#, r#""scope": "城区""#).contains("城区"));
    }

    #[test]
    fn rejects_duplicate_values() {
        let dup = SMALL.replace(
            r#""observations": ["#,
            r#""observations": [{"indicator": "pm25", "adcode": "140100", "period": "2023", "value": 40, "source": "S1"},"#,
        );
        assert!(matches!(
            IndicatorSet::parse("t", &dup),
            Err(Error::Invalid { .. })
        ));
    }
}
