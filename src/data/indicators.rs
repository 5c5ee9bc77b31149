//! Indicators, observations, periods and sources: the contents of
//! `public/data/indicators.json` (see `docs/data-format.md`).
//!
//! Everything here is as published: a city without an observation for an
//! indicator and period has no data, and stays that way.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::check::unique;
use super::json::{self, Json, Node, Wrong};
use crate::error::{At, Error, Item, ObservationAt, Problem};

/// How an indicator's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Numbers, classed into ranges.
    #[default]
    Numeric,
    /// Categories in order from best to worst.
    Ordinal,
    /// Categories without an order.
    Categorical,
}

/// A category of an ordinal or categorical indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Category {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// Its own colour on the map ("#rrggbb"), for a categorical layer whose
    /// categories read as bad and good; else the palette's.
    pub color: Option<String>,
}

/// Whether `c` is a colour a category may have: "#" and six hex digits
/// (nothing that could break out of an attribute or a stylesheet).
pub fn is_hex_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|d| d.is_ascii_hexdigit())
}

/// One layer the map can show.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Indicator {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: Kind,
    pub unit: Option<String>,
    /// For numeric indicators: whether a lower value is better (so higher is drawn darker).
    pub lower_is_better: bool,
    /// Ordinal: best first. Categorical: in legend order.
    pub categories: Vec<Category>,
    pub description_zh: String,
    pub description_en: String,
    /// Loaded by the person using the map, not shipped with it.
    pub user: bool,
    /// Measures where cities are cleaning up (remediation), not how polluted
    /// they are: the picker groups it apart.
    pub remediation: bool,
}

impl Indicator {
    /// The unit in parentheses, to follow the name: " (μg/m³)", or nothing.
    pub fn unit_in_parens(&self) -> String {
        self.unit
            .as_deref()
            .map(|u| format!(" ({u})"))
            .unwrap_or_default()
    }
}

/// A time span an observation covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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
    /// What the values of this period cover beyond its months, e.g. "省控断面"
    /// / "provincial-control sections": said after the label in the legend,
    /// tooltip, caption and exports ([`Period::full`]), not on the timeline.
    pub note_zh: Option<String>,
    pub note_en: Option<String>,
}

/// Whether a period's English label says more than its Chinese one: not for
/// "2023年" / "2023", nor for a label given once in both.
pub fn en_adds(zh: &str, en: &str) -> bool {
    !(en == zh || zh.strip_suffix('年') == Some(en))
}

/// Which run of periods a period belongs to. A single month and a span from
/// January to that month are different measures of the same thing: the
/// timeline shows one run at a time and never puts them side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Series {
    /// From January to a month (a full year is January to December).
    SinceJanuary,
    /// Any other span (a quarter, a half-year not from January).
    Other,
    /// One month.
    Month,
}

impl Series {
    /// The name of the run, in Chinese and English.
    pub fn text(self) -> crate::i18n::Text {
        match self {
            Series::SinceJanuary => crate::i18n::Text::new("1月起累计", "Cumulative"),
            Series::Other => crate::i18n::Text::new("其他时段", "Other"),
            Series::Month => crate::i18n::Text::new("单月", "Monthly"),
        }
    }

    /// The id the address and the page use ("cumulative", "other", "month").
    pub fn id(self) -> &'static str {
        match self {
            Series::SinceJanuary => "cumulative",
            Series::Other => "other",
            Series::Month => "month",
        }
    }
}

impl Period {
    /// The label with the period's note, "2024年1—6月（省控断面）" / "Jan–Jun
    /// 2024 (provincial-control sections)"; the label alone without one.
    pub fn full(&self) -> crate::i18n::Text {
        match (&self.note_zh, &self.note_en) {
            (None, None) => crate::i18n::Text::new(self.label_zh.clone(), self.label_en.clone()),
            (zh, en) => crate::i18n::Text::new(
                format!(
                    "{}（{}）",
                    self.label_zh,
                    zh.as_deref().or(en.as_deref()).unwrap_or_default()
                ),
                format!(
                    "{} ({})",
                    self.label_en,
                    en.as_deref().or(zh.as_deref()).unwrap_or_default()
                ),
            ),
        }
    }

    /// The run this period belongs to (from its first and last month).
    pub fn series(&self) -> Series {
        if self.start == self.end {
            Series::Month
        } else if self.start.ends_with("-01") {
            Series::SinceJanuary
        } else {
            Series::Other
        }
    }

    /// [`Period::both`] with the period's note, if it has one:
    /// "2024年1—6月（省控断面） · Jan–Jun 2024 (provincial-control sections)".
    pub fn full_both(&self) -> String {
        if self.note_zh.is_none() && self.note_en.is_none() {
            return self.both();
        }
        let t = self.full();
        format!("{} · {}", t.zh, t.en)
    }

    /// The English label when it says more than the Chinese one: not for
    /// "2023年" / "2023", nor for a label given once in both (a CSV's "2023年").
    pub fn en_label(&self) -> Option<&str> {
        en_adds(&self.label_zh, &self.label_en).then_some(self.label_en.as_str())
    }

    /// Both labels for a bilingual line, "2023年1—11月 · Jan–Nov 2023", or the
    /// Chinese one alone when the English adds nothing (never "2023年 · 2023").
    pub fn both(&self) -> String {
        match self.en_label() {
            Some(en) => format!("{} · {en}", self.label_zh),
            None => self.label_zh.clone(),
        }
    }
}

/// Where a value was published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    /// The outlet's name in English (or pinyin), for English mode.
    pub outlet_en: Option<String>,
    pub title: String,
    pub date: String,
    pub url: Option<String>,
}

/// The area a value describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Scope {
    /// Urban districts (市区).
    #[serde(rename = "市区")]
    Urban,
    /// The whole city (全市).
    #[serde(rename = "全市")]
    WholeCity,
}

/// A value: a number, a category id, or a place in a published ranking
/// whose value the source does not give.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Category(String),
    /// Ranked, value not published (`"value": null` with a `rank`): e.g. a
    /// city named last in an improvement ranking without its figure. Neither
    /// a number nor "no data"; only numeric indicators have it.
    Unpublished,
}

/// Which end a published rank counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RankFrom {
    Top,
    Bottom,
}

/// A published position, or range of positions (ties, or a band known by exclusion).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rank {
    /// First and last position, e.g. [8, 9] for a tie or [4, 8] for "middle".
    pub position: [u32; 2],
    /// Number of ranked cities; `None` where the source does not say (a
    /// national ranking of "all prefecture-level cities").
    pub of: Option<u32>,
    pub from: RankFrom,
}

/// One published value for one city, indicator and period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    pub indicator: String,
    pub adcode: String,
    pub period: String,
    pub value: Value,
    /// `None` where the source does not say.
    pub scope: Option<Scope>,
    /// A `sources` id.
    pub source: String,
    /// The published position, where the source ranks the cities.
    pub rank: Option<Rank>,
    /// Change against a year earlier in percent, where published.
    pub change_pct: Option<f64>,
    /// Known by exclusion from what the source names, not stated for this city.
    pub derived: bool,
    pub note_zh: Option<String>,
    pub note_en: Option<String>,
}

/// A province-wide figure (the headline strip).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvinceFigure {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    /// The year or span, as published.
    pub period: String,
    pub value: f64,
    pub unit: Option<String>,
    /// A `sources` id.
    pub source: String,
    /// Remarks shown with the figure, as published.
    pub note_zh: Option<String>,
    pub note_en: Option<String>,
    /// Shown in the strip above the map.
    pub headline: bool,
    /// "observed" (default) or "target".
    pub kind: Option<String>,
    /// The measure of the policy text it belongs to (a `policies.json` id).
    pub measure: Option<String>,
    /// A target's deadline as published ("2025" for the 14th Five-Year
    /// Plan); `None` where the text gives none.
    pub deadline: Option<String>,
}

/// Which places values are for: the 11 prefecture-level cities, or the
/// counties (districts and county-level cities) within them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Level {
    #[default]
    Prefecture,
    County,
}

impl Level {
    /// The level of an administrative code: a prefecture's ends in "00"
    /// (140500 晋城市), a county's does not (140502 城区, 140581 高平市).
    pub fn of(adcode: &str) -> Level {
        if adcode.ends_with("00") {
            Level::Prefecture
        } else {
            Level::County
        }
    }
}

/// The whole indicator file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IndicatorSet {
    pub sources: Vec<Source>,
    pub periods: Vec<Period>,
    pub indicators: Vec<Indicator>,
    pub observations: Vec<Observation>,
    pub province: Vec<ProvinceFigure>,
}

impl IndicatorSet {
    /// Parses and validates indicator JSON. `file` names the file in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, Error> {
        Self::read(file, json::parse_text(file, text)?)
    }

    /// The set as an indicator file (what [`IndicatorSet::parse`] reads back),
    /// e.g. to hand a person's table from the worker that read it to the page.
    pub fn to_json(&self) -> String {
        // Plain data (strings, finite numbers, flags): it always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads and validates an indicator file's parsed JSON.
    pub fn read<N: Node>(file: &str, root: N) -> Result<Self, Error> {
        let set = json::read(file, root, IndicatorSet::from_json)?;
        // Every list may be missing except this one: JSON without indicators
        // (e.g. another file served under this name) is not an indicator file.
        if set.indicators.is_empty() {
            return Err(Error::shape(file, "it has no \"indicators\""));
        }
        set.validate(file)?;
        Ok(set)
    }

    /// The file's content, unvalidated (also the count layer's template in the
    /// measures' file).
    pub(crate) fn from_json<N: Node>(j: &Json<N>) -> Result<Self, Wrong> {
        Ok(IndicatorSet {
            sources: j.list_or_empty("sources", |s| {
                Ok(Source {
                    id: s.text("id")?,
                    outlet: s.text("outlet")?,
                    outlet_en: s.opt_text("outlet_en")?,
                    title: s.text("title")?,
                    date: s.text("date")?,
                    url: s.opt_text("url")?,
                })
            })?,
            periods: j.list_or_empty("periods", |p| {
                Ok(Period {
                    id: p.text("id")?,
                    label_zh: p.text("label_zh")?,
                    label_en: p.text("label_en")?,
                    start: p.text("start")?,
                    end: p.text("end")?,
                    partial: p.boolean("partial")?,
                    note_zh: p.opt_text("note_zh")?,
                    note_en: p.opt_text("note_en")?,
                })
            })?,
            indicators: j.list_or_empty("indicators", |i| {
                Ok(Indicator {
                    id: i.text("id")?,
                    name_zh: i.text("name_zh")?,
                    name_en: i.text("name_en")?,
                    kind: i.choice(
                        "kind",
                        &[
                            ("numeric", Kind::Numeric),
                            ("ordinal", Kind::Ordinal),
                            ("categorical", Kind::Categorical),
                        ],
                    )?,
                    unit: i.opt_text("unit")?,
                    lower_is_better: i.flag("lower_is_better", true)?,
                    categories: i.list_or_empty("categories", |c| {
                        Ok(Category {
                            id: c.text("id")?,
                            name_zh: c.text("name_zh")?,
                            name_en: c.text("name_en")?,
                            color: c.opt_text("color")?,
                        })
                    })?,
                    description_zh: i.text_or_empty("description_zh")?,
                    description_en: i.text_or_empty("description_en")?,
                    user: i.flag("user", false)?,
                    remediation: i.flag("remediation", false)?,
                })
            })?,
            observations: j.list_or_empty("observations", |o| {
                Ok(Observation {
                    indicator: o.text("indicator")?,
                    adcode: o.text("adcode")?,
                    period: o.text("period")?,
                    value: match o.opt_object("value", Json::number_or_text)? {
                        Some(Ok(n)) => Value::Number(n),
                        Some(Err(t)) => Value::Category(t),
                        None => Value::Unpublished,
                    },
                    scope: o.opt_object("scope", |s| {
                        s.as_choice(&[("市区", Scope::Urban), ("全市", Scope::WholeCity)])
                    })?,
                    source: o.text("source")?,
                    rank: o.opt_object("rank", |r| {
                        let position = r.list("position", Json::as_count)?;
                        let [first, last] = position[..] else {
                            return Err(format!(
                                "{}: expected two positions",
                                r.path_of("position")
                            ));
                        };
                        Ok(Rank {
                            position: [first, last],
                            of: r.opt_object("of", Json::as_count)?,
                            from: r.choice(
                                "from",
                                &[("top", RankFrom::Top), ("bottom", RankFrom::Bottom)],
                            )?,
                        })
                    })?,
                    change_pct: o.opt_number("change_pct")?,
                    derived: o.flag("derived", false)?,
                    note_zh: o.opt_text("note_zh")?,
                    note_en: o.opt_text("note_en")?,
                })
            })?,
            province: j.list_or_empty("province", |f| {
                Ok(ProvinceFigure {
                    id: f.text("id")?,
                    label_zh: f.text("label_zh")?,
                    label_en: f.text("label_en")?,
                    period: f.text("period")?,
                    value: f.number("value")?,
                    unit: f.opt_text("unit")?,
                    source: f.text("source")?,
                    note_zh: f.opt_text("note_zh")?,
                    note_en: f.opt_text("note_en")?,
                    headline: f.flag("headline", false)?,
                    kind: f.opt_text("kind")?,
                    measure: f.opt_text("measure")?,
                    deadline: f.opt_text("deadline")?,
                })
            })?,
        })
    }

    /// Checks that every reference resolves and every value fits its indicator.
    pub fn validate(&self, file: &str) -> Result<(), Error> {
        let fail = |problem| Err(Error::validation(file, problem));
        let sources = unique(file, Item::Source, self.sources.iter().map(|s| &*s.id))?;
        let periods = unique(file, Item::Period, self.periods.iter().map(|p| &*p.id))?;
        unique(
            file,
            Item::Indicator,
            self.indicators.iter().map(|i| &*i.id),
        )?;
        if let Some((ind, c)) = self.indicators.iter().find_map(|i| {
            let c = i
                .categories
                .iter()
                .find_map(|c| c.color.as_deref().filter(|c| !is_hex_color(c)))?;
            Some((i, c))
        }) {
            let at = At::Indicator(ind.id.clone());
            return fail(Problem::ValueDoesNotFit {
                at,
                value: format!("color “{c}”"),
            });
        }
        if let Some(ind) = self
            .indicators
            .iter()
            .find(|i| i.kind != Kind::Numeric && i.categories.is_empty())
        {
            let at = At::Indicator(ind.id.clone());
            return fail(Problem::Missing {
                at,
                kind: Item::Category,
            });
        }
        let mut keys = HashSet::new();
        for (i, o) in self.observations.iter().enumerate() {
            let at = At::Observation(Box::new(ObservationAt {
                index: i + 1,
                indicator: o.indicator.clone(),
                adcode: o.adcode.clone(),
                period: o.period.clone(),
            }));
            let unknown = |kind, id: &str| Problem::Unknown {
                at: at.clone(),
                kind,
                id: id.to_string(),
            };
            let Some(ind) = self.indicator(&o.indicator) else {
                return fail(unknown(Item::Indicator, &o.indicator));
            };
            if !periods.contains(o.period.as_str()) {
                return fail(unknown(Item::Period, &o.period));
            }
            if !sources.contains(o.source.as_str()) {
                return fail(unknown(Item::Source, &o.source));
            }
            if !fits(&o.value, ind) || (o.value == Value::Unpublished && o.rank.is_none()) {
                let value = match &o.value {
                    Value::Number(n) => crate::format::format_number(*n),
                    Value::Category(c) => format!("“{c}”"),
                    Value::Unpublished => "null".to_string(),
                };
                return fail(Problem::ValueDoesNotFit { at, value });
            }
            if !keys.insert((&o.indicator, &o.adcode, &o.period)) {
                return fail(Problem::SecondValue { at });
            }
        }
        if let Some(f) = self
            .province
            .iter()
            .find(|f| !sources.contains(f.source.as_str()))
        {
            let at = At::ProvinceFigure(f.id.clone());
            let (kind, id) = (Item::Source, f.source.clone());
            return fail(Problem::Unknown { at, kind, id });
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

    /// The runs of periods `indicator` has, the main one first (since
    /// January, then other spans, then single months).
    pub fn series_of(&self, indicator: &str) -> Vec<Series> {
        let mut out: Vec<Series> = self
            .periods_of(indicator)
            .iter()
            .map(|p| p.series())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The periods of `indicator` in `series`, oldest first.
    pub fn periods_in(&self, indicator: &str, series: Series) -> Vec<&Period> {
        let mut out = self.periods_of(indicator);
        out.retain(|p| p.series() == series);
        out
    }

    /// The newest period of `indicator`'s main run: where a view of it starts.
    pub fn latest_period(&self, indicator: &str) -> Option<&Period> {
        let main = *self.series_of(indicator).first()?;
        self.periods_in(indicator, main).last().copied()
    }

    /// Whether `indicator`'s values are for counties (any of its places is a
    /// county) or for the prefectures.
    pub fn level(&self, indicator: &str) -> Level {
        let county = self
            .observations
            .iter()
            .any(|o| o.indicator == indicator && Level::of(&o.adcode) == Level::County);
        if county {
            Level::County
        } else {
            Level::Prefecture
        }
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
    pub fn merge(&mut self, other: IndicatorSet, file: &str) -> Result<(), Error> {
        let mut merged = self.clone();
        for p in other.periods {
            match merged.period(&p.id) {
                Some(existing) if existing != &p => {
                    let period = p.id;
                    return Err(Error::validation(file, Problem::PeriodDiffers { period }));
                }
                Some(_) => {}
                None => merged.periods.push(p),
            }
        }
        merged.sources.extend(other.sources);
        merged.indicators.extend(other.indicators);
        merged.observations.extend(other.observations);
        merged.validate(file)?;
        *self = merged;
        Ok(())
    }
}

/// Whether `value` is a value of `ind`: a finite number (or a ranked city's
/// unpublished one) of a numeric indicator, or one of the categories of another.
fn fits(value: &Value, ind: &Indicator) -> bool {
    match (value, ind.kind) {
        (Value::Number(v), Kind::Numeric) => v.is_finite(),
        (Value::Unpublished, Kind::Numeric) => true,
        (Value::Category(c), Kind::Ordinal | Kind::Categorical) => {
            ind.categories.iter().any(|k| &k.id == c)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::{self, INDICATORS};

    #[test]
    fn a_category_colour_must_be_six_hex_digits() {
        assert!(is_hex_color("#b2182b") && !is_hex_color("red") && !is_hex_color("#b2182b;}"));
        let text = |c: &str| {
            format!(
                r#"{{"sources": [], "periods": [], "observations": [],
                  "indicators": [{{"id": "n", "name_zh": "n", "name_en": "n", "kind": "categorical",
                    "categories": [{{"id": "a", "name_zh": "a", "name_en": "a", "color": "{c}"}}]}}]}}"#
            )
        };
        assert!(IndicatorSet::parse("t", &text("#1a9850")).is_ok());
        let err = IndicatorSet::parse("t", &text("red;}body{display:none")).expect_err("refused");
        assert!(err.to_string().contains("color"), "{err}");
    }

    #[test]
    fn parses_and_looks_up() {
        let set = fixtures::indicators();
        let v = set.values("pm25", "2023");
        assert_eq!(v["140100"].value, Value::Number(41.0));
        assert_eq!(v["140100"].scope, Some(Scope::Urban));
        assert_eq!(v["140800"].scope, Some(Scope::WholeCity));
        assert_eq!(v["141100"].scope, None);
        assert!(!v.contains_key("140200"), "no data is no data");
        assert!(set.values("pm25", "2023-jan-nov").is_empty());
        let ps: Vec<&str> = set
            .periods_of("pm25")
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ps, vec!["2022", "2023"]);
        let b = &set.values("air-rank", "2023-jan-nov")["140200"];
        assert_eq!(b.rank.as_ref().map(|r| r.position), Some([1, 1]));
        assert_eq!(b.scope, None);
        assert!(set.values("air-rank", "2023-jan-nov")["140100"].derived);
        let city: Vec<(&str, &str)> = set
            .city("140100")
            .iter()
            .map(|o| (o.indicator.as_str(), o.period.as_str()))
            .collect();
        assert_eq!(
            city,
            vec![
                ("pm25", "2023"),
                ("pm25", "2022"),
                ("air-rank", "2023-jan-nov")
            ],
            "indicator order, newest first"
        );
        assert!(set.indicator("pm25").is_some_and(|i| i.lower_is_better));
        assert!(set.source("S3").is_some_and(|s| s.url.is_some()));
    }

    fn broken(from: &str, to: &str) -> Error {
        let text = INDICATORS.replacen(from, to, 1);
        assert_ne!(text, INDICATORS, "the fixture changed");
        IndicatorSet::parse("t", &text).expect_err(to)
    }

    fn problem(from: &str, to: &str) -> Problem {
        match broken(from, to) {
            Error::Validation { file, problem } => {
                assert_eq!(file, "t");
                problem
            }
            other => panic!("expected a validation error for {to}, got {other:?}"),
        }
    }

    /// The first observation of the fixture, as errors name it.
    fn first(indicator: &str, period: &str) -> At {
        At::Observation(Box::new(ObservationAt {
            index: 1,
            indicator: indicator.into(),
            adcode: "140100".into(),
            period: period.into(),
        }))
    }

    #[test]
    fn rejects_broken_references_and_values() {
        let unknown = |at, kind, id: &str| Problem::Unknown {
            at,
            kind,
            id: id.into(),
        };
        assert_eq!(
            problem(r#""source": "S3"}"#, r#""source": "S9"}"#),
            unknown(first("pm25", "2022"), Item::Source, "S9")
        );
        assert_eq!(
            problem(r#""period": "2022""#, r#""period": "2030""#),
            unknown(first("pm25", "2030"), Item::Period, "2030")
        );
        assert_eq!(
            problem(r#""indicator": "pm25""#, r#""indicator": "pm99""#),
            unknown(first("pm99", "2022"), Item::Indicator, "pm99")
        );
        assert_eq!(
            problem(r#""value": 45"#, r#""value": "high""#),
            Problem::ValueDoesNotFit {
                at: first("pm25", "2022"),
                value: "“high”".into()
            }
        );
        assert!(matches!(
            problem(r#""value": "best3""#, r#""value": "best9""#),
            Problem::ValueDoesNotFit { .. }
        ));
        assert_eq!(
            problem(
                r#""source": "S1", "headline""#,
                r#""source": "S7", "headline""#
            ),
            unknown(At::ProvinceFigure("pm25".into()), Item::Source, "S7")
        );
        assert_eq!(
            problem(r#"{"id": "S3""#, r#"{"id": "S1""#),
            Problem::Duplicate {
                kind: Item::Source,
                id: "S1".into()
            }
        );
        assert_eq!(
            problem(r#""id": "air-index-change""#, r#""id": "air-rank""#),
            Problem::Duplicate {
                kind: Item::Indicator,
                id: "air-rank".into()
            }
        );
    }

    #[test]
    fn rejects_wrong_shapes_and_bad_json() {
        let scope = broken(r#""scope": "市区""#, r#""scope": "城区""#);
        assert!(
            matches!(&scope, Error::Shape { reason, .. } if reason.contains("城区")),
            "{scope:?}"
        );
        assert!(matches!(
            IndicatorSet::parse("t", "{\"sources\": ["),
            Err(Error::Json { .. })
        ));
        // Valid JSON of another shape (another file under this name).
        assert!(matches!(
            IndicatorSet::parse("t", r#"{"items": [1, 2, 3], "type": "Unexpected"}"#),
            Err(Error::Shape { .. })
        ));
        assert_eq!(
            problem(
                r#""kind": "numeric", "unit""#,
                r#""kind": "ordinal", "unit""#
            )
            .to_string(),
            "indicator pm25: no category"
        );
    }

    #[test]
    fn rejects_duplicate_values() {
        let dup = INDICATORS.replace(
            r#""observations": ["#,
            r#""observations": [{"indicator": "pm25", "adcode": "140100", "period": "2023", "value": 40, "source": "S1"},"#,
        );
        match IndicatorSet::parse("t", &dup) {
            Err(Error::Validation {
                problem: Problem::SecondValue { at },
                ..
            }) => assert_eq!(at.text().en, "observation 4 (pm25 140100 2023)"),
            other => panic!("expected a second value, got {other:?}"),
        }
    }

    #[test]
    fn merging_keeps_shared_periods_and_refuses_changed_ones() {
        let mut set = fixtures::indicators();
        let mut other = IndicatorSet {
            periods: vec![set.periods[1].clone()],
            ..IndicatorSet::default()
        };
        set.merge(other.clone(), "u")
            .expect("the same period is fine");
        other.periods[0].label_en = "another 2023".into();
        assert_eq!(
            set.merge(other, "u"),
            Err(Error::validation(
                "u",
                Problem::PeriodDiffers {
                    period: "2023".into()
                }
            ))
        );
        assert_eq!(
            set,
            fixtures::indicators(),
            "a failed merge changes nothing"
        );
    }

    #[test]
    fn a_period_is_named_once_when_the_english_adds_nothing() {
        let p = |zh: &str, en: &str| Period {
            id: "p".into(),
            label_zh: zh.into(),
            label_en: en.into(),
            start: "2023-01".into(),
            end: "2023-12".into(),
            partial: false,
            ..Period::default()
        };
        assert_eq!(p("2023年", "2023").both(), "2023年");
        assert_eq!(p("2023年", "2023年").both(), "2023年");
        assert_eq!(
            p("2023年1—11月", "Jan–Nov 2023").both(),
            "2023年1—11月 · Jan–Nov 2023"
        );
        assert_eq!(p("2017年第二季度", "2017 Q2").en_label(), Some("2017 Q2"));
    }
}
