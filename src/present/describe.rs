//! One city's value of one indicator, described in words for a tooltip or the
//! city detail: value with unit, period, scope, source and rank.

use crate::data::indicators::{IndicatorSet, Level, Observation, RankFrom, Scope, Source, Value};
use crate::format::format_number;
use crate::i18n::Text;
use crate::map::bands::{band_label, Member};
use crate::map::choropleth::rank_among;

/// Everything shown about one value.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueInfo {
    pub indicator: Text,
    /// The value with its unit, or "no data".
    pub value: Text,
    pub has_data: bool,
    pub period: Text,
    pub partial: bool,
    pub scope: Option<Text>,
    pub rank: Option<Text>,
    pub change: Option<Text>,
    pub note: Option<Text>,
    pub derived: bool,
    pub source: Option<Source>,
}

fn scope_text(scope: Option<Scope>) -> Text {
    match scope {
        Some(Scope::Urban) => Text::new("市区", "urban districts"),
        Some(Scope::WholeCity) => Text::new("全市", "whole city"),
        None => Text::new(
            "未说明是市区还是全市",
            "the source does not say: city proper or whole city",
        ),
    }
}

fn value_text(set: &IndicatorSet, o: &Observation) -> Text {
    let ind = set.indicator(&o.indicator);
    match &o.value {
        Value::Number(n) => {
            let (zh, en) = ind
                .and_then(|i| i.unit.as_deref())
                .map(crate::i18n::unit_parts)
                .map(|(zh, en)| (format!(" {zh}"), format!(" {en}")))
                .unwrap_or_default();
            Text::new(
                format!("{}{zh}", format_number(*n)),
                format!("{}{en}", format_number(*n)),
            )
        }
        Value::Unpublished => Text::new("数值未公布", "value not published"),
        Value::Category(c) => match ind.and_then(|i| i.categories.iter().find(|k| &k.id == c)) {
            // A rank band is named as the legend names it: after the positions
            // its cities hold in this period ("4th–7th" when two tie).
            Some(k) => {
                let members: Vec<Member> = set
                    .values(&o.indicator, &o.period)
                    .values()
                    .filter(|x| matches!(&x.value, Value::Category(y) if y == c))
                    .map(|x| Member::of(x))
                    .collect();
                let (zh, en) = band_label(&k.name_zh, &k.name_en, &members);
                Text::new(zh, en)
            }
            None => Text::new(c.clone(), c.clone()),
        },
    }
}

fn published_rank(o: &Observation) -> Option<Text> {
    let r = o.rank.as_ref()?;
    let [a, b] = r.position;
    let pos_zh = if a == b {
        format!("{a}")
    } else {
        format!("{a}—{b}")
    };
    let pos_en = if a == b {
        format!("{a}")
    } else {
        format!("{a}–{b}")
    };
    // "of 11", or nothing where the source does not count the ranked cities.
    let (of_zh, of_en) =
        r.of.map(|n| (format!("（共{n}个）"), format!(" of {n}")))
            .unwrap_or_default();
    Some(match (r.from, r.of) {
        (RankFrom::Bottom, _) if (a, b) == (1, 1) => {
            Text::new(format!("末位{of_zh}"), format!("last{of_en}"))
        }
        (RankFrom::Top, Some(n)) if (a, b) == (n, n) => Text::new(
            format!("末位（第{n}名，共{n}个）"),
            format!("last ({n} of {n})"),
        ),
        (RankFrom::Top, _) => Text::new(
            format!("第{pos_zh}名{of_zh}"),
            format!("position {pos_en}{of_en}"),
        ),
        (RankFrom::Bottom, _) => Text::new(
            format!("倒数第{pos_zh}名{of_zh}"),
            format!("{pos_en} from the bottom{of_en}"),
        ),
    })
}

/// Describes `adcode`'s value of `indicator` in `period`.
pub fn describe(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    adcode: &str,
) -> Option<ValueInfo> {
    let ind = set.indicator(indicator)?;
    let per = set.period(period);
    let period_text = per.map(|p| p.full()).unwrap_or_default();
    let partial = per.is_some_and(|p| p.partial);
    let indicator_text = Text::new(ind.name_zh.clone(), ind.name_en.clone());
    let values = set.values(indicator, period);
    let Some(o) = values.get(adcode) else {
        return Some(ValueInfo {
            indicator: indicator_text,
            value: Text::new("无数据", "No data"),
            has_data: false,
            period: period_text,
            partial,
            scope: None,
            rank: None,
            change: None,
            note: None,
            derived: false,
            source: None,
        });
    };
    let rank = published_rank(o).or_else(|| {
        let (r, n) = rank_among(set, indicator, period, adcode)?;
        let better = if ind.lower_is_better { "低" } else { "高" };
        Some(Text::new(
            format!("有数据的{n}市中第{r}（越{better}越好）"),
            format!("{r} of {n} cities with data"),
        ))
    });
    let change = o.change_pct.map(|c| {
        let s = if c > 0.0 {
            format!("+{}%", format_number(c))
        } else {
            format!("{}%", format_number(c))
        };
        Text::new(format!("同比 {s}"), format!("{s} year on year"))
    });
    let note = match (&o.note_zh, &o.note_en) {
        (None, None) => None,
        (zh, en) => Some(Text::new(
            zh.clone().unwrap_or_default(),
            en.clone().unwrap_or_default(),
        )),
    };
    // A ranked city without its value: the place is the value shown
    // ("末位（第11名，共11个），数值未公布"), not a line of its own.
    let (value, rank) = match (&o.value, rank) {
        (Value::Unpublished, Some(r)) => (
            Text::new(
                format!("{}，数值未公布", r.zh),
                format!("{}, value not published", r.en),
            ),
            None,
        ),
        (_, rank) => (value_text(set, o), rank),
    };
    Some(ValueInfo {
        indicator: indicator_text,
        value,
        has_data: true,
        period: period_text,
        partial,
        // A person's own table says nothing of scope unless it does; a
        // county's value has no 市区 / 全市 question.
        scope: (o.scope.is_some() || !(ind.user || Level::of(adcode) == Level::County))
            .then(|| scope_text(o.scope)),
        rank,
        change,
        note,
        derived: o.derived,
        source: set.source(&o.source).cloned(),
    })
}

/// The sources of one indicator's values in one period, each once, in the
/// order first used.
pub fn sources_used<'a>(set: &'a IndicatorSet, indicator: &str, period: &str) -> Vec<&'a Source> {
    let mut out: Vec<&Source> = Vec::new();
    for o in set.values(indicator, period).values() {
        if let Some(s) = set.source(&o.source) {
            if !out.iter().any(|x| x.id == s.id) {
                out.push(s);
            }
        }
    }
    out
}

/// A source as "outlet date" (the outlet alone when it has no date).
pub fn source_name(s: &Source) -> String {
    if s.date.is_empty() {
        s.outlet.clone()
    } else {
        format!("{} {}", s.outlet, s.date)
    }
}

/// A source cited in full for a picture that leaves the page (an export):
/// "山西日报 2024-01-04《title》", in English with the outlet glossed.
pub fn citation(s: &Source, lang: crate::i18n::Lang) -> String {
    let gloss = match (&s.outlet_en, lang) {
        (Some(en), crate::i18n::Lang::En) => format!(" ({en})"),
        _ => String::new(),
    };
    let title = if s.title.is_empty() {
        String::new()
    } else {
        format!("《{}》", s.title)
    };
    // The gloss sits between the outlet and the date: "山西日报 (Shanxi Daily) 2024-01-04".
    let named = source_name(s);
    let date = named.strip_prefix(s.outlet.as_str()).unwrap_or_default();
    format!("{}{gloss}{date}{title}", s.outlet)
}

/// The sources of one indicator's values in one period, each once, cited in
/// full ([`citation`]) in the order first used.
pub fn citations_of(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    distinct(
        sources_used(set, indicator, period)
            .into_iter()
            .map(|s| citation(s, lang)),
    )
}

/// The sources of one indicator's values in one period, each once, as
/// "outlet date" strings in the order first used.
pub fn sources_of(set: &IndicatorSet, indicator: &str, period: &str) -> Vec<String> {
    distinct(
        sources_used(set, indicator, period)
            .into_iter()
            .map(source_name),
    )
}

/// Each text once, in the order first met.
fn distinct(texts: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Every known value of a city, newest period first within each indicator.
pub fn describe_city(set: &IndicatorSet, adcode: &str) -> Vec<ValueInfo> {
    set.city(adcode)
        .into_iter()
        .filter_map(|o| describe(set, &o.indicator, &o.period, adcode))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_cites_the_article() {
        let s = set();
        let zh = citations_of(&s, "pm25", "2023", crate::i18n::Lang::Zh);
        assert!(
            zh.iter().any(|c| c.starts_with("太原晚报 2024-01-30《")),
            "{zh:?}"
        );
    }

    use crate::data::fixtures::indicators as set;

    #[test]
    fn numeric_value_with_unit_scope_source_and_rank() {
        let i = describe(&set(), "pm25", "2023", "140100").expect("indicator exists");
        assert_eq!(i.value.en, "41 μg/m³");
        assert_eq!(i.scope.as_ref().map(|s| s.zh.as_str()), Some("市区"));
        assert_eq!(
            i.source.as_ref().map(|s| s.outlet.as_str()),
            Some("太原晚报")
        );
        assert_eq!(
            i.rank.as_ref().map(|r| r.en.as_str()),
            Some("2 of 3 cities with data"),
            "Lüliang 38 < Taiyuan 41 < Yuncheng 49"
        );
        assert_eq!(
            i.rank.as_ref().map(|r| r.zh.as_str()),
            Some("有数据的3市中第2（越低越好）")
        );
        assert!(!i.partial && i.has_data && !i.derived);
        assert!(i.note.is_none());
    }

    #[test]
    fn missing_value_says_no_data() {
        let i = describe(&set(), "pm25", "2023", "140200").expect("indicator exists");
        assert!(!i.has_data);
        assert_eq!(i.value.en, "No data");
        assert_eq!(i.period.en, "2023");
        assert!(i.source.is_none() && i.scope.is_none());
        assert!(describe(&set(), "nope", "2023", "140100").is_none());
    }

    fn en(t: &Option<Text>) -> Option<&str> {
        t.as_ref().map(|t| t.en.as_str())
    }

    #[test]
    fn rank_band_uses_the_published_position() {
        let at = |adcode| describe(&set(), "air-rank", "2023-jan-nov", adcode).expect("exists");
        let i = at("140800");
        assert_eq!(
            (i.value.en.as_str(), en(&i.rank), en(&i.note), en(&i.scope)),
            (
                "Worst three",
                Some("position 8–9 of 11"),
                Some("tied with Yangquan"),
                Some("the source does not say: city proper or whole city")
            )
        );
        assert_eq!(i.rank.map(|r| r.zh).as_deref(), Some("第8—9名（共11个）"));
        assert!(i.partial);
        assert_eq!(en(&at("141100").rank), Some("last of 11"));
        assert!(at("140100").derived);
    }

    #[test]
    fn sources_of_a_layer_are_listed_once() {
        let s = set();
        assert_eq!(
            sources_of(&s, "air-rank", "2023-jan-nov"),
            vec!["山西日报 2024-01-04"]
        );
        assert_eq!(
            sources_of(&s, "pm25", "2023"),
            vec!["太原晚报 2024-01-30", "山西日报 2024-01-04"]
        );
        assert!(sources_of(&s, "pm25", "1999").is_empty());
    }

    #[test]
    fn change_is_signed() {
        let s = set();
        let change = |indicator: &str, period: &str, adcode: &str| {
            describe(&s, indicator, period, adcode)
                .and_then(|i| i.change)
                .map(|c| c.en)
        };
        assert_eq!(
            change("air-index-change", "2023-jan-nov", "141100").as_deref(),
            Some("+12.4% year on year")
        );
        assert_eq!(
            change("pm25", "2023", "140100").as_deref(),
            Some("-8.9% year on year")
        );
        assert_eq!(change("pm25", "2023", "140800"), None);
    }

    #[test]
    fn city_lists_all_its_values() {
        let all = describe_city(&set(), "140100");
        let seen: Vec<(&str, &str)> = all
            .iter()
            .map(|v| (v.indicator.en.as_str(), v.period.en.as_str()))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("PM2.5 annual mean", "2023"),
                ("PM2.5 annual mean", "2022"),
                ("Air quality rank in the province", "Jan–Nov 2023"),
            ],
            "indicator order, newest first"
        );
        assert!(all.iter().all(|v| v.has_data));
        assert!(describe_city(&set(), "999999").is_empty());
    }
}
