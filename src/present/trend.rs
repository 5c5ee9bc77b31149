//! Values over time, as published: the province's figures across the years
//! they have, and one city's place in every period of the current run.
//!
//! Caveats: a trend joins only what the data file holds, year by year as
//! published; a missing year is a gap in the list, not a point in between. A
//! city's strip colours each period by that period's own classes: for rank
//! bands and categories that is the same scale every time, for numbers it is
//! the class within that period, and the strip says so.

use crate::data::indicators::{IndicatorSet, Kind, ProvinceFigure};
use crate::i18n::Text;
use crate::map::choropleth::{choropleth, Classing};

/// One province figure across the years the data has it for.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceTrend<'a> {
    pub id: &'a str,
    pub label: Text,
    pub unit: Option<&'a str>,
    /// Oldest first; each with its own period, note and source.
    pub points: Vec<&'a ProvinceFigure>,
}

/// Whether a period label is one calendar year ("2023").
fn is_year(period: &str) -> bool {
    period.len() == 4 && period.bytes().all(|b| b.is_ascii_digit())
}

/// The observed province figures that have two or more full years, in the
/// order the file first names them.
pub fn province_trends(set: &IndicatorSet) -> Vec<ProvinceTrend<'_>> {
    let mut out: Vec<ProvinceTrend> = Vec::new();
    let observed = set
        .province
        .iter()
        .filter(|f| f.kind.as_deref() != Some("target") && is_year(&f.period));
    for f in observed {
        match out.iter_mut().find(|t| t.id == f.id) {
            Some(t) => t.points.push(f),
            None => out.push(ProvinceTrend {
                id: &f.id,
                label: Text::new(f.label_zh.clone(), f.label_en.clone()),
                unit: f.unit.as_deref(),
                points: vec![f],
            }),
        }
    }
    out.retain(|t| t.points.len() > 1);
    for t in &mut out {
        t.points.sort_by(|a, b| a.period.cmp(&b.period));
        // One value a year: where two releases give a year, the first listed.
        t.points.dedup_by(|b, a| a.period == b.period);
    }
    out
}

/// One period of a city's strip.
#[derive(Debug, Clone, PartialEq)]
pub struct StripCell {
    pub period_id: String,
    pub period: Text,
    /// The city's value (or band) in words, or "no data".
    pub value: Text,
    /// The fill of the city's class in that period; `None`: no data.
    pub color: Option<String>,
    /// The period on the map now.
    pub current: bool,
}

/// A city's strip: its value's class in every period of the run that
/// `period` belongs to, oldest first. Empty when that run has one period only
/// (there is nothing to compare) or the view is not in the data.
pub fn city_strip(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    adcode: &str,
    classing: &Classing,
    adcodes: &[String],
) -> Vec<StripCell> {
    let Some(series) = set.period(period).map(|p| p.series()) else {
        return Vec::new();
    };
    let periods = set.periods_in(indicator, series);
    if periods.len() < 2 {
        return Vec::new();
    }
    periods
        .into_iter()
        .map(|p| {
            let fills = choropleth(set, indicator, &p.id, classing, adcodes);
            let value = crate::present::describe::describe(set, indicator, &p.id, adcode)
                .map(|i| i.value)
                .unwrap_or_else(|| Text::new("无数据", "No data"));
            StripCell {
                period_id: p.id.clone(),
                period: Text::new(p.label_zh.clone(), p.label_en.clone()),
                value,
                // A colour, or the dots of a ranked city without its value;
                // `None` (the hatch) without data.
                color: fills
                    .fills
                    .get(adcode)
                    .filter(|f| f.class != crate::map::choropleth::NO_DATA)
                    .map(|f| crate::map::choropleth::paint(Some(f))),
                current: p.id == period,
            }
        })
        .collect()
}

/// Whether a strip's colours are one scale across its periods (bands and
/// categories) or each period's own classes (numbers).
pub fn same_scale(set: &IndicatorSet, indicator: &str) -> bool {
    set.indicator(indicator)
        .is_some_and(|i| i.kind != Kind::Numeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::fixtures::shipped_indicators as shipped;

    #[test]
    fn the_province_figures_with_several_years_in_year_order() {
        let set = shipped();
        let trends = province_trends(&set);
        let ids: Vec<&str> = trends.iter().map(|t| t.id).collect();
        for id in [
            "pm25",
            "good-day-ratio",
            "composite-index",
            "water-good-share",
        ] {
            assert!(ids.contains(&id), "{id} in {ids:?}");
        }
        let pm = &trends[0];
        let years: Vec<(&str, f64)> = pm
            .points
            .iter()
            .map(|f| (f.period.as_str(), f.value))
            .collect();
        assert_eq!(years, [("2022", 38.0), ("2023", 37.0), ("2024", 36.0)]);
        assert_eq!(pm.unit, Some("μg/m³"));
        assert!(
            trends.iter().all(|t| t.points.len() > 1),
            "a single value is not a trend"
        );
        assert!(
            !ids.contains(&"afforestation"),
            "targets are not observations"
        );
        // Spans ("2021–2023") are not years on a time axis.
        assert!(!ids.contains(&"green-building-area"));
    }

    #[test]
    fn a_citys_strip_covers_its_run_and_marks_the_period_shown() {
        let set = shipped();
        let codes: Vec<String> = [
            "140100", "140200", "140300", "140400", "140500", "140600", "140700", "140800",
            "140900", "141000", "141100",
        ]
        .map(String::from)
        .to_vec();
        let classing = Classing {
            classes: 5,
            ..Classing::default()
        };
        let strip = city_strip(
            &set,
            "air-rank",
            "2023-jan-nov",
            "140100",
            &classing,
            &codes,
        );
        let cumulative = set.periods_in("air-rank", crate::data::indicators::Series::SinceJanuary);
        assert_eq!(strip.len(), cumulative.len());
        assert!(strip.len() > 5, "{strip:?}");
        assert_eq!(
            strip.iter().filter(|c| c.current).count(),
            1,
            "one period marked"
        );
        assert!(
            strip.last().is_some_and(|c| c.current),
            "the newest is shown"
        );
        // Taiyuan, Jan–Nov 2023: among the worst three, as the legend names it.
        let last = strip.last().expect("cells");
        assert!(last.value.zh.starts_with("后三"), "{:?}", last.value);
        assert!(last.color.is_some());
        // The monthly run holds months only, never a cumulative period.
        let months = city_strip(&set, "air-rank", "2023-11", "140100", &classing, &codes);
        assert!(months
            .iter()
            .all(|c| set.period(&c.period_id).is_some_and(|p| p.start == p.end)));
        // A run of one period: nothing to compare.
        assert!(city_strip(&set, "pm25", "2023", "140100", &classing, &codes).is_empty());
        assert!(same_scale(&set, "air-rank") && !same_scale(&set, "pm25"));
    }
}
