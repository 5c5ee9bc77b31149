//! What each region is filled with for one indicator and period, and the legend
//! that explains it. Pure: the map components only read the result.

use std::collections::HashMap;

use super::bands::{band_label, Member};
use super::classify::{bounds, class_of, Method};
use super::palette::{Palette, NO_DATA_PATTERN, UNPUBLISHED_PATTERN};
use crate::data::indicators::{Indicator, IndicatorSet, Kind, Value};

/// The class id of regions without data (`data-class="none"`).
pub const NO_DATA: &str = "none";

/// The class id of regions ranked by the source without a published value
/// (`data-class="unpublished"`), drawn with dots.
pub const UNPUBLISHED: &str = "unpublished";

/// How numeric values are classed and coloured.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Classing {
    pub method: Method,
    pub classes: usize,
    pub palette: Palette,
    /// Inner breaks for [`Method::Manual`].
    pub manual: Vec<f64>,
}

/// One region's fill: its class id and colour (`None`: the no-data hatch).
#[derive(Debug, Clone, PartialEq)]
pub struct Fill {
    pub class: String,
    pub color: Option<String>,
}

/// One legend row.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// Class index ("0", "1", …), category id, or [`NO_DATA`].
    pub class: String,
    pub color: Option<String>,
    pub label_zh: String,
    pub label_en: String,
    /// Number of regions in this class.
    pub count: usize,
}

/// Fills by adcode and the legend, in legend order (no-data last).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Choropleth {
    pub fills: HashMap<String, Fill>,
    pub legend: Vec<LegendEntry>,
    /// What the legend must say about its classes (Chinese, English): that
    /// there are fewer values than classes, that some cities are measured on
    /// another scope.
    pub notes: Vec<(String, String)>,
    /// Cities whose value covers another area (市区 or 全市) than most
    /// others', marked on the map.
    pub odd_scope: Vec<String>,
}

use crate::format::format_number;

/// The unit after a value, in Chinese and in English (" 天", " days").
fn unit_suffix(ind: &Indicator) -> (String, String) {
    ind.unit
        .as_deref()
        .map(crate::i18n::unit_parts)
        .map(|(zh, en)| (format!(" {zh}"), format!(" {en}")))
        .unwrap_or_default()
}

impl Choropleth {
    /// The CSS fill of a region: its class colour, or the no-data hatch (for a
    /// region without a value, or one the choropleth does not know).
    pub fn paint(&self, adcode: &str) -> String {
        paint(self.fills.get(adcode))
    }
}

/// The CSS fill for a region's [`Fill`]: its colour, the dots of a value not
/// published, else the no-data hatch.
pub fn paint(fill: Option<&Fill>) -> String {
    match fill {
        Some(Fill { color: Some(c), .. }) => c.clone(),
        Some(f) if f.class == UNPUBLISHED => format!("url(#{UNPUBLISHED_PATTERN})"),
        _ => format!("url(#{NO_DATA_PATTERN})"),
    }
}

/// The fill of a legend entry's swatch, as [`paint`] fills its regions.
pub fn paint_entry(e: &LegendEntry) -> String {
    paint(Some(&Fill {
        class: e.class.clone(),
        color: e.color.clone(),
    }))
}

/// Colours and classes of `adcodes` for `indicator` in `period`.
pub fn choropleth(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    classing: &Classing,
    adcodes: &[String],
) -> Choropleth {
    let Some(ind) = set.indicator(indicator) else {
        return no_data_only(adcodes);
    };
    let values = set.values(indicator, period);
    let mut fills = HashMap::new();
    let mut legend = Vec::new();
    let mut notes = Vec::new();
    match ind.kind {
        Kind::Numeric => {
            let nums: Vec<f64> = adcodes
                .iter()
                .filter_map(|a| values.get(a.as_str()))
                .filter_map(|o| number(&o.value))
                .collect();
            let mut distinct = nums.clone();
            distinct.sort_by(f64::total_cmp);
            distinct.dedup();
            // Fewer values than classes: each value is its own class, named by
            // itself (not "38 – 40" for one city), and the legend says why.
            let few = classing.method != Method::Manual
                && !distinct.is_empty()
                && distinct.len() < classing.classes;
            let b = if few {
                Vec::new()
            } else {
                bounds(classing.method, &nums, classing.classes, &classing.manual)
            };
            let k = if few {
                distinct.len()
            } else {
                b.len().saturating_sub(1).max(usize::from(!b.is_empty()))
            };
            let class_for = |v: f64| {
                if few {
                    distinct.iter().position(|d| *d == v)
                } else {
                    class_of(v, &b)
                }
            };
            let range_of = |c: usize| {
                if few {
                    (distinct[c], distinct[c])
                } else {
                    (b[c], b.get(c + 1).copied().unwrap_or(b[c]))
                }
            };
            if few {
                notes.push((
                    format!(
                        "只有{}个不同数值，少于{}级：逐一显示。",
                        distinct.len(),
                        classing.classes
                    ),
                    format!(
                        "Only {} distinct values, fewer than {} classes: each is shown.",
                        distinct.len(),
                        classing.classes
                    ),
                ));
            }
            let colors = classing.palette.colors(k);
            // A few values that are only part of a published ranking (the
            // top three of eleven): coloured by their places in it, not
            // against each other (the third best was drawn as the worst).
            let places = if few {
                part_of_ranking(&values, adcodes)
            } else {
                None
            };
            let place_colors = classing.palette.colors(classing.classes.max(2));
            if let Some((of, _)) = &places {
                // Said instead of "each value is shown", which it also is.
                notes.retain(|(zh, _)| !zh.starts_with("只有"));
                notes.push((
                    format!("颜色按通报名次（共{of}个）：数值只公布了部分名次。"),
                    format!("Colours follow the published places (of {of}): only some places have values."),
                ));
            }
            // Darker is worse: when higher is better, the lowest class is the darkest.
            let color_of = |class: usize| {
                if let Some((of, place_of)) = &places {
                    let place = distinct.get(class).and_then(|v| place_of(*v))?;
                    let t = f64::from(place.saturating_sub(1)) / f64::from((*of).max(2) - 1);
                    let i = (t * (place_colors.len() - 1) as f64).round() as usize;
                    return place_colors.get(i).cloned();
                }
                colors
                    .get(if ind.lower_is_better {
                        class
                    } else {
                        k - 1 - class
                    })
                    .cloned()
            };
            let mut counts = vec![0; k];
            for a in adcodes {
                if let Some(c) = values
                    .get(a.as_str())
                    .and_then(|o| number(&o.value))
                    .and_then(class_for)
                {
                    counts[c] += 1;
                    fills.insert(
                        a.clone(),
                        Fill {
                            class: c.to_string(),
                            color: color_of(c),
                        },
                    );
                }
            }
            // A computed break is shown as precisely as the values are
            // published (8.21, not 8.212, between values of two decimals).
            let digits = 10f64.powi(decimals(&nums) as i32);
            let round = |v: f64| (v * digits).round() / digits;
            for (c, count) in counts.into_iter().enumerate() {
                let (lo, hi) = range_of(c);
                let (lo, hi) = (round(lo), round(hi));
                let range = |f: fn(f64) -> String| {
                    if lo == hi {
                        f(lo)
                    } else {
                        format!("{} – {}", f(lo), f(hi))
                    }
                };
                let (unit_zh, unit_en) = unit_suffix(ind);
                legend.push(LegendEntry {
                    class: c.to_string(),
                    color: color_of(c),
                    label_zh: format!("{}{unit_zh}", range(format_number)),
                    label_en: format!("{}{unit_en}", range(crate::format::format_number_en)),
                    count,
                });
            }
        }
        Kind::Ordinal | Kind::Categorical => {
            let n = ind.categories.len();
            let colors: Vec<String> = if ind.kind == Kind::Ordinal {
                classing.palette.colors(n)
            } else {
                // A category's own colour (checked "#rrggbb"), else Tableau 10's.
                ind.categories
                    .iter()
                    .enumerate()
                    .map(|(i, cat)| {
                        cat.color.clone().unwrap_or_else(|| {
                            let c = colorous::TABLEAU10[i % 10];
                            format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
                        })
                    })
                    .collect()
            };
            for (i, cat) in ind.categories.iter().enumerate() {
                let mut count = 0;
                let mut members = Vec::new();
                for a in adcodes {
                    let o = values.get(a.as_str());
                    if matches!(o.map(|o| &o.value), Some(Value::Category(c)) if c == &cat.id) {
                        count += 1;
                        members.extend(o.map(|o| Member::of(o)));
                        fills.insert(
                            a.clone(),
                            Fill {
                                class: cat.id.clone(),
                                color: colors.get(i).cloned(),
                            },
                        );
                    }
                }
                let (label_zh, label_en) = band_label(&cat.name_zh, &cat.name_en, &members);
                legend.push(LegendEntry {
                    class: cat.id.clone(),
                    color: colors.get(i).cloned(),
                    label_zh,
                    label_en,
                    count,
                });
            }
        }
    }
    // Ranked without a published value: not a colour of the scale, not "no data".
    let unpublished = adcodes
        .iter()
        .filter(|a| !fills.contains_key(*a))
        .filter(|a| {
            values
                .get(a.as_str())
                .is_some_and(|o| o.value == Value::Unpublished)
        })
        .cloned()
        .collect::<Vec<_>>();
    for a in &unpublished {
        let fill = Fill {
            class: UNPUBLISHED.to_string(),
            color: None,
        };
        fills.insert(a.clone(), fill);
    }
    if !unpublished.is_empty() {
        legend.push(LegendEntry {
            class: UNPUBLISHED.to_string(),
            color: None,
            label_zh: "有排名，数值未公布".into(),
            label_en: "Ranked, value not published".into(),
            count: unpublished.len(),
        });
    }
    if ind.kind == Kind::Numeric {
        // A band (best three, middle by exclusion) already says its places.
        notes.extend(known_positions(&values, adcodes));
    }
    let mut none = 0;
    for a in adcodes {
        if !fills.contains_key(a) {
            none += 1;
            fills.insert(
                a.clone(),
                Fill {
                    class: NO_DATA.to_string(),
                    color: None,
                },
            );
        }
    }
    legend.push(no_data_entry(none));
    let (odd_scope, scope_note) = odd_scope(&values, adcodes);
    notes.extend(scope_note);
    Choropleth {
        fills,
        legend,
        notes,
        odd_scope,
    }
}

/// The cities whose stated scope is the less common one where a period mixes
/// urban-district (市区) and whole-city (全市) values, and the legend's words
/// for their mark. Cities without a stated scope are not counted.
fn odd_scope(
    values: &std::collections::BTreeMap<&str, &crate::data::indicators::Observation>,
    adcodes: &[String],
) -> (Vec<String>, Option<(String, String)>) {
    use crate::data::indicators::Scope;
    let with = |scope: Scope| -> Vec<String> {
        adcodes
            .iter()
            .filter(|a| {
                values
                    .get(a.as_str())
                    .is_some_and(|o| o.scope == Some(scope))
            })
            .cloned()
            .collect()
    };
    let (urban, whole) = (with(Scope::Urban), with(Scope::WholeCity));
    if urban.is_empty() || whole.is_empty() {
        return (Vec::new(), None);
    }
    if urban.len() <= whole.len() {
        let note = (
            "＊ 市区数据，其余为全市。".to_string(),
            "* urban districts only; the others: whole city.".to_string(),
        );
        (urban, Some(note))
    } else {
        let note = (
            "＊ 全市数据，其余为市区。".to_string(),
            "* whole city; the others: urban districts only.".to_string(),
        );
        (whole, Some(note))
    }
}

/// When every number of a period carries its place in one ranking counted
/// from the top, and the ranking has places without a number: the number of
/// ranked cities and each value's (first) place.
#[allow(clippy::type_complexity)]
fn part_of_ranking(
    values: &std::collections::BTreeMap<&str, &crate::data::indicators::Observation>,
    adcodes: &[String],
) -> Option<(u32, Box<dyn Fn(f64) -> Option<u32>>)> {
    use crate::data::indicators::RankFrom;
    let mut placed: Vec<(f64, u32)> = Vec::new();
    let mut of = None;
    for o in adcodes.iter().filter_map(|a| values.get(a.as_str())) {
        let Some(v) = number(&o.value) else { continue };
        let r = o.rank.as_ref().filter(|r| r.from == RankFrom::Top)?;
        if of.is_some_and(|n| Some(n) != r.of) {
            return None;
        }
        of = Some(r.of?);
        placed.push((v, r.position[0]));
    }
    let of = of?;
    if placed.len() as u32 >= of {
        return None;
    }
    Some((
        of,
        Box::new(move |v: f64| placed.iter().find(|(x, _)| *x == v).map(|(_, p)| *p)),
    ))
}

/// Which places a ranking that names only some cities gives, when it counts
/// its cities (e.g. "positions 1–3 and 11 of 11 published"). Nothing when
/// every place is known (by name or by exclusion) or nothing is ranked.
fn known_positions(
    values: &std::collections::BTreeMap<&str, &crate::data::indicators::Observation>,
    adcodes: &[String],
) -> Option<(String, String)> {
    use crate::data::indicators::RankFrom;
    let ranks: Vec<_> = adcodes
        .iter()
        .filter_map(|a| values.get(a.as_str())?.rank.as_ref())
        .collect();
    let of = ranks.first()?.of?;
    if ranks.iter().any(|r| r.of != Some(of)) {
        return None;
    }
    let mut known = vec![false; of as usize];
    for r in &ranks {
        let [a, b] = match r.from {
            RankFrom::Top => r.position,
            RankFrom::Bottom => [
                of + 1 - r.position[1].min(of),
                of + 1 - r.position[0].min(of),
            ],
        };
        for p in a.max(1)..=b.min(of) {
            known[p as usize - 1] = true;
        }
    }
    if known.iter().all(|k| *k) {
        return None;
    }
    // Runs of known places: "1—3、11" / "1–3, 11".
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, _) in known.iter().enumerate().filter(|(_, k)| **k) {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == i + 1 => *end = i + 1,
            _ => runs.push((i + 1, i + 1)),
        }
    }
    let list = |dash: &str, sep: &str| {
        runs.iter()
            .map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}{dash}{b}")
                }
            })
            .collect::<Vec<_>>()
            .join(sep)
    };
    Some((
        format!(
            "来源只公布第{}名（共{of}个），其余名次未公布。",
            list("—", "、")
        ),
        format!(
            "The source gives only positions {} of {of}; the other places are not published.",
            list("–", ", ")
        ),
    ))
}

/// The most decimals any of `values` has (at most three, as numbers are shown).
fn decimals(values: &[f64]) -> u32 {
    let of = |v: f64| {
        (0u32..3)
            .find(|d| {
                let p = 10f64.powi(*d as i32);
                ((v * p).round() / p - v).abs() < 1e-9 * v.abs().max(1.0)
            })
            .unwrap_or(3)
    };
    values.iter().map(|v| of(*v)).max().unwrap_or(0)
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) if n.is_finite() => Some(*n),
        _ => None,
    }
}

fn no_data_entry(count: usize) -> LegendEntry {
    LegendEntry {
        class: NO_DATA.to_string(),
        color: None,
        label_zh: "无数据".into(),
        label_en: "No data".into(),
        count,
    }
}

fn no_data_only(adcodes: &[String]) -> Choropleth {
    let fills = adcodes
        .iter()
        .map(|a| {
            (
                a.clone(),
                Fill {
                    class: NO_DATA.into(),
                    color: None,
                },
            )
        })
        .collect();
    Choropleth {
        fills,
        legend: vec![no_data_entry(adcodes.len())],
        notes: Vec::new(),
        odd_scope: Vec::new(),
    }
}

/// Position of `adcode` among the cities with a numeric value (1 = best; ties
/// share the better position) and how many have one.
pub fn rank_among(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    adcode: &str,
) -> Option<(usize, usize)> {
    let ind = set.indicator(indicator)?;
    let values = set.values(indicator, period);
    let mine = number(&values.get(adcode)?.value)?;
    let all: Vec<f64> = values.values().filter_map(|o| number(&o.value)).collect();
    let better = all
        .iter()
        .filter(|&&v| {
            if ind.lower_is_better {
                v < mine
            } else {
                v > mine
            }
        })
        .count();
    Some((better + 1, all.len()))
}

/// PM2.5 in 2023 of the test fixtures for `regions`, with five quantile classes.
#[cfg(test)]
pub(crate) fn pm25_2023(regions: &[crate::data::geo::Region]) -> Choropleth {
    let codes: Vec<String> = regions.iter().map(|r| r.adcode.clone()).collect();
    choropleth(
        &crate::data::fixtures::indicators(),
        "pm25",
        "2023",
        &Classing {
            classes: 5,
            ..Classing::default()
        },
        &codes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::palette::luminance;

    fn set() -> IndicatorSet {
        let text = r#"{
          "sources": [{"id": "S", "outlet": "o", "title": "t", "date": "2024"}],
          "periods": [{"id": "2023", "label_zh": "2023年", "label_en": "2023", "start": "2023-01", "end": "2023-12", "partial": false}],
          "indicators": [
            {"id": "pm25", "name_zh": "PM2.5", "name_en": "PM2.5", "kind": "numeric", "unit": "μg/m³"},
            {"id": "water", "name_zh": "水", "name_en": "Water", "kind": "numeric", "lower_is_better": false},
            {"id": "band", "name_zh": "排名", "name_en": "Band", "kind": "ordinal", "categories": [
              {"id": "best3", "name_zh": "前三", "name_en": "Best"}, {"id": "worst3", "name_zh": "后三", "name_en": "Worst"}]}
          ],
          "observations": [
            {"indicator": "pm25", "adcode": "A", "period": "2023", "value": 38, "source": "S"},
            {"indicator": "pm25", "adcode": "B", "period": "2023", "value": 41, "source": "S"},
            {"indicator": "pm25", "adcode": "C", "period": "2023", "value": 49, "source": "S"},
            {"indicator": "water", "adcode": "A", "period": "2023", "value": 0.9, "source": "S"},
            {"indicator": "water", "adcode": "B", "period": "2023", "value": 0.5, "source": "S"},
            {"indicator": "water", "adcode": "C", "period": "2023", "value": 0.3, "source": "S"},
            {"indicator": "band", "adcode": "A", "period": "2023", "value": "best3", "source": "S"},
            {"indicator": "band", "adcode": "C", "period": "2023", "value": "worst3", "source": "S"}
          ]}"#;
        IndicatorSet::parse("t", text).expect("valid")
    }

    fn codes() -> Vec<String> {
        ["A", "B", "C", "D"].map(String::from).to_vec()
    }

    fn classing() -> Classing {
        Classing {
            classes: 5,
            ..Classing::default()
        }
    }

    fn lum(c: &Choropleth, a: &str) -> f64 {
        luminance(c.fills[a].color.as_deref().expect("has a colour"))
    }

    #[test]
    fn missing_values_are_no_data_not_the_lightest_class() {
        let c = choropleth(&set(), "pm25", "2023", &classing(), &codes());
        assert_eq!(
            c.fills["D"],
            Fill {
                class: NO_DATA.into(),
                color: None
            }
        );
        let last = c.legend.last().expect("legend");
        assert_eq!(
            (last.class.as_str(), last.count, last.color.is_none()),
            (NO_DATA, 1, true)
        );
        assert_eq!(c.legend.iter().map(|e| e.count).sum::<usize>(), 4);
    }

    /// An improvement ranking as the 2018 notice gives it: values for the
    /// best two of five, the last named without its value, one not named.
    fn ranking() -> IndicatorSet {
        let text = r#"{
          "sources": [{"id": "S", "outlet": "o", "title": "t", "date": "2018"}],
          "periods": [{"id": "q1", "label_zh": "一季度", "label_en": "Q1", "start": "2018-01", "end": "2018-03", "partial": true}],
          "indicators": [{"id": "better", "name_zh": "改善", "name_en": "Improvement", "kind": "numeric", "lower_is_better": false}],
          "observations": [
            {"indicator": "better", "adcode": "A", "period": "q1", "value": 12.56, "source": "S", "rank": {"position": [1, 1], "of": 5, "from": "top"}},
            {"indicator": "better", "adcode": "B", "period": "q1", "value": 11.67, "source": "S", "rank": {"position": [2, 2], "of": 5, "from": "top"}},
            {"indicator": "better", "adcode": "C", "period": "q1", "value": null, "source": "S", "rank": {"position": [5, 5], "of": 5, "from": "top"}}
          ]}"#;
        IndicatorSet::parse("t", text).expect("valid")
    }

    #[test]
    fn ranked_without_a_value_is_neither_a_colour_nor_no_data() {
        let c = choropleth(&ranking(), "better", "q1", &classing(), &codes());
        assert_eq!(c.fills["C"].class, UNPUBLISHED);
        assert_eq!(c.paint("C"), "url(#unpublished-dots)");
        assert_eq!(c.paint("D"), "url(#nodata-hatch)");
        let rows: Vec<(&str, usize)> = c
            .legend
            .iter()
            .map(|e| (e.label_en.as_str(), e.count))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("11.67", 1),
                ("12.56", 1),
                ("Ranked, value not published", 1),
                ("No data", 1)
            ]
        );
        assert_eq!(paint_entry(&c.legend[2]), "url(#unpublished-dots)");
        assert!(
            c.notes
                .iter()
                .any(|(zh, en)| zh.contains("第1—2、5名（共5个）")
                    && en.contains("positions 1–2, 5 of 5")),
            "{:?}",
            c.notes
        );
    }

    #[test]
    fn breaks_are_as_precise_as_the_values() {
        assert_eq!(decimals(&[7.29, 12.4, 10.0]), 2);
        assert_eq!(decimals(&[0.914, 0.3]), 3);
        assert_eq!(decimals(&[41.0, 49.0]), 0);
        assert_eq!(decimals(&[]), 0);
    }

    #[test]
    fn the_top_three_of_eleven_are_coloured_by_their_places() {
        let c = choropleth(&ranking(), "better", "q1", &classing(), &codes());
        // A and B are 1st and 2nd of 5: both in the light half, not the
        // lightest and the darkest colour of two values.
        let darkest = classing()
            .palette
            .colors(5)
            .last()
            .cloned()
            .expect("colours");
        assert!(
            lum(&c, "B") > luminance(&darkest) + 0.2,
            "2nd of 5 is not drawn as the worst"
        );
        assert!(lum(&c, "A") >= lum(&c, "B"));
        assert!(c
            .notes
            .iter()
            .any(|(_, en)| en.contains("Colours follow the published places (of 5)")));
    }

    #[test]
    fn a_value_without_a_rank_is_refused() {
        // A null value says "ranked, not published": without a rank it says nothing.
        let text = ranking_text_without_rank();
        let err = IndicatorSet::parse("t", &text).expect_err("refused");
        assert!(err.to_string().contains("null"), "{err}");
    }

    fn ranking_text_without_rank() -> String {
        r#"{"sources": [{"id": "S", "outlet": "o", "title": "t", "date": "2018"}],
          "periods": [{"id": "q1", "label_zh": "一季度", "label_en": "Q1", "start": "2018-01", "end": "2018-03", "partial": true}],
          "indicators": [{"id": "better", "name_zh": "改善", "name_en": "Improvement", "kind": "numeric"}],
          "observations": [{"indicator": "better", "adcode": "A", "period": "q1", "value": null, "source": "S"}]}"#
            .to_string()
    }

    #[test]
    fn darker_means_worse_in_both_directions() {
        let pm = choropleth(&set(), "pm25", "2023", &classing(), &codes());
        assert!(lum(&pm, "C") < lum(&pm, "A"), "more PM2.5 is darker");
        let water = choropleth(&set(), "water", "2023", &classing(), &codes());
        assert!(
            lum(&water, "C") < lum(&water, "A"),
            "a lower water index is darker"
        );
        assert_eq!(
            water.fills["C"].class, "0",
            "classes still count up with the value"
        );
    }

    #[test]
    fn ordinal_layers_colour_by_category() {
        let c = choropleth(&set(), "band", "2023", &classing(), &codes());
        assert_eq!(c.fills["A"].class, "best3");
        assert_eq!(c.fills["B"].class, NO_DATA);
        assert!(lum(&c, "C") < lum(&c, "A"));
        let labels: Vec<&str> = c.legend.iter().map(|e| e.label_en.as_str()).collect();
        assert_eq!(labels, vec!["Best", "Worst", "No data"]);
    }

    #[test]
    fn fewer_values_than_classes_are_shown_one_by_one_and_said() {
        let c = choropleth(&set(), "pm25", "2023", &classing(), &codes());
        let labels: Vec<&str> = c.legend.iter().map(|e| e.label_en.as_str()).collect();
        assert_eq!(
            labels,
            vec!["38 μg/m³", "41 μg/m³", "49 μg/m³", "No data"],
            "three values, five classes asked: each value is a class, named by itself"
        );
        let (zh, en) = c.notes.first().cloned().expect("the legend says why");
        assert!(zh.contains("3") && en.contains("fewer than 5"), "{zh} {en}");
    }

    #[test]
    fn a_value_on_another_scope_than_most_is_marked() {
        let set = crate::data::fixtures::indicators();
        let cities = ["140100", "140800", "141100"].map(String::from).to_vec();
        // Taiyuan urban districts, Yuncheng whole city, Lüliang not stated.
        let c = choropleth(&set, "pm25", "2023", &classing(), &cities);
        assert_eq!(
            c.odd_scope,
            vec!["140100".to_string()],
            "Taiyuan: urban districts"
        );
        assert!(c
            .notes
            .iter()
            .any(|(zh, en)| zh.contains("市区") && en.contains("urban districts only")));
        // One scope only: nothing to mark.
        let one = choropleth(&set, "pm25", "2023", &classing(), &cities[1..]);
        assert!(one.odd_scope.is_empty() && one.notes.iter().all(|(_, en)| !en.contains("urban")));
    }

    #[test]
    fn legend_ranges_carry_units() {
        let three = Classing {
            classes: 3,
            ..classing()
        };
        let c = choropleth(&set(), "pm25", "2023", &three, &codes());
        assert_eq!(
            c.legend[0].label_en, "38 – 40 μg/m³",
            "R type-7 tercile of 38, 41, 49 is 40"
        );
        assert_eq!(
            c.legend.len(),
            4,
            "three values make three classes, plus no data"
        );
        assert!(
            !c.notes.iter().any(|(_, en)| en.contains("fewer")),
            "as many values as classes"
        );
    }

    #[test]
    fn unknown_indicator_is_all_no_data() {
        let c = choropleth(&set(), "nope", "2023", &classing(), &codes());
        assert!(c.fills.values().all(|f| f.class == NO_DATA));
    }

    #[test]
    fn ranks_among_cities_with_data() {
        let s = set();
        assert_eq!(rank_among(&s, "pm25", "2023", "A"), Some((1, 3)));
        assert_eq!(rank_among(&s, "pm25", "2023", "C"), Some((3, 3)));
        assert_eq!(rank_among(&s, "water", "2023", "A"), Some((1, 3)));
        assert_eq!(rank_among(&s, "pm25", "2023", "D"), None);
    }
}
