//! The view in words: one caption for the map as it is shown, in the page's
//! language. What is shown and for which period, the best and the worst named
//! (ties said as ties), how many cities have no data, and the source:
//! "2023年1—11月，空气质量全省排名：最好的是大同、朔州、长治，最差的是临汾、太原，
//! 运城与阳泉并列倒数第三。来源：山西日报。"
//!
//! It is the map's accessible description and travels with the picture
//! (exports, the embed, the table's CSV). Built only from the loaded data:
//! nothing is said that the values do not say.
//!
//! Caveats: a ranking is read from the published positions (`rank`), so a
//! layer without them is described by its values or its categories instead;
//! "best" follows the layer's direction (`lower_is_better`).

use crate::data::geo::Region;
use crate::data::indicators::{Indicator, IndicatorSet, Kind, Observation, RankFrom, Value};
use crate::format::{format_number, format_number_en};
use crate::i18n::{unit_parts, Lang};

/// Chinese ordinal numerals up to twenty: 1 → "一", 11 → "十一".
fn zh_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[(n - 10) as usize]),
        _ => n.to_string(),
    }
}

/// English ordinal words for small places, digits beyond.
fn en_ordinal(n: u32) -> String {
    const WORDS: [&str; 6] = ["", "first", "second", "third", "fourth", "fifth"];
    match n {
        1..=5 => WORDS[n as usize].to_string(),
        _ => format!("{n}th"),
    }
}

/// Names joined as a list: "大同、朔州" / "Datong, Shuozhou and Changzhi".
fn list(names: &[String], lang: Lang) -> String {
    match (lang, names) {
        (Lang::Zh, _) => names.join("、"),
        (Lang::En, [one]) => one.clone(),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
        (Lang::En, []) => String::new(),
    }
}

/// A ranked city: its name and published positions.
struct Placed {
    name: String,
    position: [u32; 2],
}

/// Cities in ranks, grouped by shared positions (a tie), best first.
fn groups(mut placed: Vec<Placed>) -> Vec<Vec<Placed>> {
    placed.sort_by_key(|p| p.position);
    let mut out: Vec<Vec<Placed>> = Vec::new();
    for p in placed {
        match out.last_mut() {
            Some(g) if g[0].position == p.position => g.push(p),
            _ => out.push(vec![p]),
        }
    }
    out
}

/// One end of a ranking in words, from the extreme inward: single cities
/// listed, a tie said with its shared place ("运城与阳泉并列倒数第三"), and
/// what follows a tie introduced ("其次是吕梁").
fn end_in_words(gs: &[Vec<Placed>], of: u32, from_bottom: bool, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut after_tie = false;
    let flush = |run: &mut Vec<String>, parts: &mut Vec<String>, after_tie: bool| {
        if run.is_empty() {
            return;
        }
        let names = list(run, lang);
        parts.push(match (after_tie, lang) {
            (false, _) => names,
            (true, Lang::Zh) => format!("其次是{names}"),
            (true, Lang::En) => format!("then {names}"),
        });
        run.clear();
    };
    for g in gs {
        let names: Vec<String> = g.iter().map(|p| p.name.clone()).collect();
        if g.len() == 1 {
            run.push(names[0].clone());
            continue;
        }
        let had_singles = !run.is_empty();
        flush(&mut run, &mut parts, after_tie);
        // The best place the tied cities share, counted from their end.
        let place = if from_bottom {
            of + 1 - g[0].position[1]
        } else {
            g[0].position[0]
        };
        parts.push(match (lang, from_bottom) {
            (Lang::Zh, false) => format!("{}并列第{}", names.join("与"), zh_number(place)),
            (Lang::Zh, true) => format!("{}并列倒数第{}", names.join("与"), zh_number(place)),
            (Lang::En, false) => format!(
                "{}{} tied {}",
                if had_singles { "with " } else { "" },
                list(&names, lang),
                en_ordinal(place)
            ),
            (Lang::En, true) => format!(
                "{}{} tied {} from last",
                if had_singles { "with " } else { "" },
                list(&names, lang),
                en_ordinal(place)
            ),
        });
        after_tie = true;
    }
    flush(&mut run, &mut parts, after_tie);
    parts.join(if lang == Lang::Zh { "，" } else { ", " })
}

/// How many places at each end of a ranking the caption names.
const ENDS: u32 = 3;

/// The ranking's two ends, when the values carry published positions.
fn ranking(
    values: &[(&Region, &Observation)],
    name: &dyn Fn(&Region) -> String,
    lang: Lang,
) -> Option<String> {
    let placed: Vec<(Placed, u32, bool)> = values
        .iter()
        .filter(|(_, o)| !o.derived)
        .filter_map(|(r, o)| {
            let rank = o.rank.as_ref()?;
            // A ranking counted from the bottom (the national worst 20) is
            // turned round so that position 1 is the best.
            let from_bottom = rank.from == RankFrom::Bottom;
            Some((
                Placed {
                    name: name(r),
                    position: rank.position,
                },
                rank.of?,
                from_bottom,
            ))
        })
        .collect();
    let (_, of, from_bottom) = placed.first()?;
    let (of, from_bottom) = (*of, *from_bottom);
    if from_bottom || placed.iter().any(|(_, o, _)| *o != of) {
        return None;
    }
    // The three at each end (with ties), as the notices name them; a full
    // ranking of eleven is not read out whole.
    let (best, rest): (Vec<Placed>, Vec<Placed>) = placed
        .into_iter()
        .map(|(p, _, _)| p)
        .partition(|p| p.position[0] <= ENDS.min(of / 2));
    let worst: Vec<Placed> = rest
        .into_iter()
        .filter(|p| p.position[1] + ENDS > of)
        .collect();
    let best = groups(best);
    let mut worst = groups(worst);
    worst.reverse();
    let best_words = end_in_words(&best, of, false, lang);
    let worst_words = end_in_words(&worst, of, true, lang);
    Some(match lang {
        Lang::Zh => format!("最好的是{best_words}，最差的是{worst_words}"),
        Lang::En => format!("best {best_words}; worst {worst_words}"),
    })
}

/// The lowest and the highest value, with their units.
fn extremes(
    ind: &Indicator,
    values: &[(&Region, &Observation)],
    name: &dyn Fn(&Region) -> String,
    lang: Lang,
) -> Option<String> {
    let mut numbers: Vec<(String, f64)> = values
        .iter()
        .filter_map(|(r, o)| match o.value {
            Value::Number(v) => Some((name(r), v)),
            _ => None,
        })
        .collect();
    numbers.sort_by(|a, b| a.1.total_cmp(&b.1));
    let unit = ind.unit.as_deref().map(unit_parts);
    let show = |v: f64| {
        let n = match lang {
            Lang::Zh => format_number(v),
            Lang::En => format_number_en(v),
        };
        match (unit, lang) {
            (Some((zh, _)), Lang::Zh) => format!("{n} {zh}"),
            // "1 measure", not "1 measures".
            (Some((_, en)), Lang::En) if v == 1.0 => {
                format!("{n} {}", en.strip_suffix('s').unwrap_or(en))
            }
            (Some((_, en)), Lang::En) => format!("{n} {en}"),
            (None, _) => n,
        }
    };
    let (low, high) = (numbers.first()?, numbers.last()?);
    if numbers.len() == 1 {
        return Some(match lang {
            Lang::Zh => format!("只有{}有数值（{}）", low.0, show(low.1)),
            Lang::En => format!("only {} has a value ({})", low.0, show(low.1)),
        });
    }
    Some(match lang {
        Lang::Zh => format!(
            "最低的是{}（{}），最高的是{}（{}）",
            low.0,
            show(low.1),
            high.0,
            show(high.1)
        ),
        Lang::En => format!(
            "lowest {} ({}), highest {} ({})",
            low.0,
            show(low.1),
            high.0,
            show(high.1)
        ),
    })
}

/// What the map's places are called: cities (the prefectures) or counties.
#[derive(Clone, Copy)]
struct Noun {
    zh: &'static str,
    en_one: &'static str,
    en_many: &'static str,
}

impl Noun {
    /// Counties when the places have a prefecture above them.
    fn of(regions: &[Region]) -> Noun {
        if regions.first().is_some_and(|r| r.parent.is_some()) {
            Noun {
                zh: "区县",
                en_one: "county",
                en_many: "counties",
            }
        } else {
            Noun {
                zh: "城市",
                en_one: "city",
                en_many: "cities",
            }
        }
    }
}

/// How many places fall in each category, naming them where there are few.
fn categories(
    ind: &Indicator,
    values: &[(&Region, &Observation)],
    name: &dyn Fn(&Region) -> String,
    lang: Lang,
    noun: Noun,
) -> Option<String> {
    let parts: Vec<String> = ind
        .categories
        .iter()
        .filter_map(|c| {
            let names: Vec<String> = values
                .iter()
                .filter(|(_, o)| o.value == Value::Category(c.id.clone()))
                .map(|(r, _)| name(r))
                .collect();
            if names.is_empty() {
                return None;
            }
            let label = match lang {
                Lang::Zh => c.name_zh.as_str(),
                Lang::En => c.name_en.as_str(),
            };
            let n = names.len();
            Some(match (lang, n <= 3) {
                (Lang::Zh, true) => format!("{label}：{}", list(&names, lang)),
                (Lang::Zh, false) => format!("{label}：{n}个{}", noun.zh),
                (Lang::En, true) => format!("{label}: {}", list(&names, lang)),
                (Lang::En, false) => format!("{label}: {n} {}", noun.en_many),
            })
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(if lang == Lang::Zh { "；" } else { "; " }))
}

/// The caption of `indicator` in `period` over `regions`, in `lang`; `None`
/// when the indicator or period is not in `set`.
pub fn caption(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    regions: &[Region],
    lang: Lang,
) -> Option<String> {
    let ind = set.indicator(indicator)?;
    let per = set.period(period)?;
    // In the order the file gives them, which is the order the source names
    // them ("运城与阳泉"), for the cities on the map.
    let values: Vec<(&Region, &Observation)> = set
        .observations
        .iter()
        .filter(|o| o.indicator == indicator && o.period == period)
        .filter_map(|o| Some((regions.iter().find(|r| r.adcode == o.adcode)?, o)))
        .collect();
    let name = |r: &Region| match lang {
        Lang::Zh => r.short_name_zh().to_string(),
        Lang::En => r.name_en.clone(),
    };
    let noun = Noun::of(regions);
    let body = ranking(&values, &name, lang).or_else(|| match ind.kind {
        Kind::Numeric => extremes(ind, &values, &name, lang),
        Kind::Ordinal | Kind::Categorical => categories(ind, &values, &name, lang, noun),
    });
    let missing = regions.len() - values.len();
    let sources: Vec<String> = {
        let mut out: Vec<String> = Vec::new();
        for s in crate::present::describe::sources_used(set, indicator, period) {
            let outlet = match (lang, &s.outlet_en) {
                (Lang::En, Some(en)) => en.clone(),
                _ => s.outlet.clone(),
            };
            if !out.contains(&outlet) {
                out.push(outlet);
            }
        }
        out
    };
    Some(match lang {
        Lang::Zh => {
            let mut s = format!("{}，{}", per.full().zh, ind.name_zh);
            match body {
                Some(b) => s.push_str(&format!("：{b}")),
                None => s.push_str("：没有数据"),
            }
            if missing > 0 && !values.is_empty() {
                s.push_str(&format!("；{missing}个{}无数据", noun.zh));
            }
            s.push('。');
            if !sources.is_empty() {
                s.push_str(&format!("来源：{}。", sources.join("、")));
            }
            s
        }
        Lang::En => {
            let mut s = format!("{}, {}: ", per.full().en, ind.name_en.to_lowercase_first());
            s.push_str(body.as_deref().unwrap_or("no data"));
            if missing > 0 && !values.is_empty() {
                let cities = if missing == 1 {
                    format!("{} has", noun.en_one)
                } else {
                    format!("{} have", noun.en_many)
                };
                s.push_str(&format!("; {missing} {cities} no data"));
            }
            s.push('.');
            if !sources.is_empty() {
                s.push_str(&format!(" Source: {}.", list(&sources, lang)));
            }
            s
        }
    })
}

/// The map's caption followed by the sentence of the remediation layer drawn
/// over it, `overlay` (indicator, period), if any.
pub fn caption_with_overlay(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    regions: &[Region],
    overlay: Option<(&str, &str)>,
    lang: Lang,
) -> Option<String> {
    let main = caption(set, indicator, period, regions, lang)?;
    Some(
        match overlay.and_then(|(i, p)| overlay_caption(set, i, p, regions, lang)) {
            Some(o) => format!("{main} {o}"),
            None => main,
        },
    )
}

/// The caption of a remediation layer drawn over the map, as a sentence of
/// its own: "叠加圆点：…" / "Circles: …".
pub fn overlay_caption(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    regions: &[Region],
    lang: Lang,
) -> Option<String> {
    let said = caption(set, indicator, period, regions, lang)?;
    Some(match lang {
        Lang::Zh => format!("叠加圆点：{said}"),
        Lang::En => format!("Circles: {said}"),
    })
}

/// The first letter in lower case, for a name inside a sentence ("Air
/// quality rank" → "air quality rank"), unless it is an abbreviation ("PM2.5").
/// ASCII only, as every English indicator name is: Unicode case mapping would
/// link its tables into the wasm.
trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for String {
    fn to_lowercase_first(&self) -> String {
        let mut chars = self.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase() => {
                let mut s = a.to_ascii_lowercase().to_string();
                s.push(b);
                s.extend(chars);
                s
            }
            _ => self.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_places_are_numerals() {
        assert_eq!(zh_number(1), "一");
        assert_eq!(zh_number(3), "三");
        assert_eq!(zh_number(10), "十");
        assert_eq!(zh_number(11), "十一");
    }

    #[test]
    fn english_lists_end_with_and() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&names(&["A"]), Lang::En), "A");
        assert_eq!(list(&names(&["A", "B", "C"]), Lang::En), "A, B and C");
        assert_eq!(list(&names(&["甲", "乙"]), Lang::Zh), "甲、乙");
    }

    #[test]
    fn names_in_a_sentence_keep_abbreviations() {
        assert_eq!(
            "Air quality rank".to_string().to_lowercase_first(),
            "air quality rank"
        );
        assert_eq!(
            "PM2.5 annual mean".to_string().to_lowercase_first(),
            "PM2.5 annual mean"
        );
    }
}
