//! The policy text's quantified targets and achievements, item by item: what,
//! the baseline with its year, the latest published value with its year, the
//! target with its deadline, the measure it belongs to and the source.
//!
//! Caveat: only what the data file holds from the policy text's source
//! (`POLICY_SOURCE`); a missing baseline, value, target or deadline stays
//! missing and is said so ("no progress published"), never estimated.

use crate::data::indicators::{IndicatorSet, ProvinceFigure};
use crate::i18n::Text;

/// The source id of the policy text (Shanxi Evening News, May–June 2024).
pub const POLICY_SOURCE: &str = "S14";

/// One published value with its period.
#[derive(Debug, Clone, PartialEq)]
pub struct Point<'a> {
    pub period: &'a str,
    pub value: f64,
    pub figure: &'a ProvinceFigure,
}

/// One target or achievement.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetItem<'a> {
    pub id: &'a str,
    pub what: Text,
    pub unit: Option<&'a str>,
    /// The earliest published value, where there is an earlier one than
    /// [`TargetItem::latest`].
    pub baseline: Option<Point<'a>>,
    /// The latest published value.
    pub latest: Option<Point<'a>>,
    /// The target and its deadline, where the text sets one.
    pub target: Option<&'a ProvinceFigure>,
    /// The measure in the panel it belongs to.
    pub measure: Option<&'a str>,
    /// The ids of the sources of its values.
    pub sources: Vec<&'a str>,
}

impl TargetItem<'_> {
    /// Whether any value towards it is published (else: "no progress
    /// published").
    pub fn has_progress(&self) -> bool {
        self.latest.is_some()
    }
}

/// Every item of the policy text, in the order the file first names it.
pub fn targets(set: &IndicatorSet) -> Vec<TargetItem<'_>> {
    let mut out: Vec<TargetItem> = Vec::new();
    for f in set.province.iter().filter(|f| f.source == POLICY_SOURCE) {
        let at = match out.iter().position(|t| t.id == f.id) {
            Some(i) => i,
            None => {
                out.push(TargetItem {
                    id: &f.id,
                    what: Text::new(f.label_zh.clone(), f.label_en.clone()),
                    unit: f.unit.as_deref(),
                    baseline: None,
                    latest: None,
                    target: None,
                    measure: None,
                    sources: Vec::new(),
                });
                out.len() - 1
            }
        };
        let t = &mut out[at];
        if t.measure.is_none() {
            t.measure = f.measure.as_deref();
        }
        if !t.sources.contains(&f.source.as_str()) {
            t.sources.push(&f.source);
        }
        if f.kind.as_deref() == Some("target") {
            t.target = Some(f);
            continue;
        }
        let p = Point {
            period: &f.period,
            value: f.value,
            figure: f,
        };
        // Periods as published sort by their first year ("2020" before
        // "2021–2023", before "2023").
        match t.latest.take() {
            None => t.latest = Some(p),
            Some(l) if p.period > l.period => {
                if t.baseline.as_ref().is_none_or(|b| l.period < b.period) {
                    t.baseline = Some(l);
                }
                t.latest = Some(p);
            }
            Some(l) => {
                if t.baseline.as_ref().is_none_or(|b| p.period < b.period) {
                    t.baseline = Some(p);
                }
                t.latest = Some(l);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::shipped_indicators;

    #[test]
    fn every_policy_figure_is_an_item_with_what_is_published_and_nothing_else() {
        let set = shipped_indicators();
        let items = targets(&set);
        let item = |id: &str| {
            items
                .iter()
                .find(|t| t.id == id)
                .unwrap_or_else(|| panic!("{id} in the targets"))
        };
        let green = item("green-building-share");
        let b = green.baseline.as_ref().expect("a baseline");
        let l = green.latest.as_ref().expect("a latest value");
        assert_eq!((b.period, b.value), ("2020", 73.66));
        assert_eq!((l.period, l.value), ("2023", 97.09));
        assert_eq!(green.target, None, "the text sets no target for it");
        assert_eq!(green.measure, Some("green-buildings"));
        let prefab = item("prefab-share");
        assert_eq!(prefab.baseline.as_ref().map(|p| p.value), Some(18.7));
        assert_eq!(prefab.latest.as_ref().map(|p| p.value), Some(31.37));
        // A target without any value towards it: no progress published.
        let trees = item("afforestation");
        assert!(!trees.has_progress());
        assert_eq!(trees.target.map(|t| t.value), Some(300.0));
        assert_eq!(trees.target.and_then(|t| t.deadline.as_deref()), None);
        assert_eq!(
            item("forest-cover")
                .target
                .and_then(|t| t.deadline.as_deref()),
            Some("2025")
        );
        // An achievement without a baseline.
        let safe = item("construction-safe-use");
        assert!(safe.baseline.is_none());
        assert_eq!(safe.latest.as_ref().map(|p| p.value), Some(100.0));
        // Every figure from the policy text is somewhere, and nothing else.
        let from_text = set
            .province
            .iter()
            .filter(|f| f.source == POLICY_SOURCE)
            .count();
        let shown: usize = items
            .iter()
            .map(|t| {
                usize::from(t.baseline.is_some())
                    + usize::from(t.latest.is_some())
                    + usize::from(t.target.is_some())
            })
            .sum();
        assert_eq!(shown, from_text);
        assert!(items.iter().all(|t| t.sources == [POLICY_SOURCE]));
    }
}
