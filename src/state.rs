//! The view state and its URL query string.
//!
//! Pure: the app hands in the query's decoded key/value pairs and writes back
//! [`ViewState::to_query`]. Anything unknown or malformed falls back to the
//! default and produces a [`Notice`] the page shows, never an error.

use crate::data::indicators::IndicatorSet;
use crate::i18n::{Lang, Text};
use crate::map::choropleth::Classing;
use crate::map::classify::{parse_manual, Method, MAX_CLASSES, MIN_CLASSES};
use crate::map::palette::Palette;

/// The indicator shown when the URL names none: the latest provincial rank band.
pub const DEFAULT_INDICATOR: &str = "air-rank";
/// Classes when the URL names no number.
pub const DEFAULT_CLASSES: usize = 5;

/// What the map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub indicator: String,
    pub period: String,
    pub method: Method,
    pub classes: usize,
    pub palette: Palette,
    /// Inner breaks for the manual method.
    pub manual: Vec<f64>,
    /// Selected prefectures (adcodes), in the order chosen.
    pub cities: Vec<String>,
    /// The measure chosen in the policy panel.
    pub measure: Option<String>,
    /// The policy panel's theme filter.
    pub theme: Option<String>,
    /// Embedded in another page: only map, legend, title and source.
    pub embed: bool,
    pub lang: Lang,
}

/// What the URL may name besides indicators: the ids that exist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    pub cities: Vec<String>,
    pub measures: Vec<String>,
    pub themes: Vec<String>,
}

/// Longest query string read; a longer one is ignored as a whole.
pub const MAX_QUERY: usize = 2000;

/// The parameters the URL may carry.
pub const KEYS: [&str; 11] = [
    "indicator",
    "period",
    "method",
    "classes",
    "palette",
    "breaks",
    "cities",
    "measure",
    "theme",
    "embed",
    "lang",
];

/// Something in the URL that could not be used, in words.
pub type Notice = Text;

/// The newest period an indicator has data for.
pub fn latest_period(set: &IndicatorSet, indicator: &str) -> Option<String> {
    set.periods_of(indicator).last().map(|p| p.id.clone())
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

impl ViewState {
    /// The default view of `set`.
    pub fn default_for(set: &IndicatorSet) -> Self {
        let indicator = if set.indicator(DEFAULT_INDICATOR).is_some() {
            DEFAULT_INDICATOR.to_string()
        } else {
            set.indicators
                .first()
                .map(|i| i.id.clone())
                .unwrap_or_default()
        };
        let period = latest_period(set, &indicator).unwrap_or_default();
        Self {
            indicator,
            period,
            method: Method::default(),
            classes: DEFAULT_CLASSES,
            palette: Palette::default(),
            manual: Vec::new(),
            cities: Vec::new(),
            measure: None,
            theme: None,
            embed: false,
            lang: Lang::Zh,
        }
    }

    /// Reads the view from decoded query pairs, falling back to defaults.
    /// `known` lists the cities, measures and themes that exist.
    pub fn from_pairs(
        pairs: &[(String, String)],
        set: &IndicatorSet,
        known: &Known,
    ) -> (Self, Vec<Notice>) {
        let mut view = Self::default_for(set);
        let mut notices = Vec::new();
        let length: usize = pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
        if length > MAX_QUERY {
            notices.push(Notice::new(
                format!("网址参数过长（{length} 字节），已显示默认视图。"),
                format!("The address is too long ({length} bytes); showing the default view."),
            ));
            return (view, notices);
        }
        let unknown: Vec<&str> = pairs
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !k.is_empty() && !KEYS.contains(k))
            .take(3)
            .collect();
        if !unknown.is_empty() {
            let list = clip(&unknown.join(", "));
            notices.push(Notice::new(
                format!("未知参数：{list}。"),
                format!("Unknown parameters: {list}."),
            ));
        }
        let get = |k: &str| {
            pairs
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        if let Some(id) = get("indicator") {
            if set.indicator(id).is_some() {
                view.indicator = id.to_string();
                view.period = latest_period(set, id).unwrap_or_default();
            } else {
                notices.push(Notice::new(
                    format!("未知指标“{}”，已显示默认指标。", clip(id)),
                    format!("Unknown indicator “{}”; showing the default.", clip(id)),
                ));
            }
        }
        if let Some(p) = get("period") {
            if set.periods_of(&view.indicator).iter().any(|x| x.id == p) {
                view.period = p.to_string();
            } else {
                notices.push(Notice::new(
                    format!("该指标没有时段“{}”，已显示最新时段。", clip(p)),
                    format!(
                        "This indicator has no period “{}”; showing the latest.",
                        clip(p)
                    ),
                ));
            }
        }
        if let Some(m) = get("method") {
            match Method::from_id(m) {
                Some(m) => view.method = m,
                None => notices.push(Notice::new(
                    format!("未知分级方法“{}”。", clip(m)),
                    format!("Unknown classing method “{}”.", clip(m)),
                )),
            }
        }
        if let Some(c) = get("classes") {
            match c.parse::<usize>() {
                Ok(n) if (MIN_CLASSES..=MAX_CLASSES).contains(&n) => view.classes = n,
                _ => notices.push(Notice::new(
                    format!(
                        "分级数须为 {MIN_CLASSES}–{MAX_CLASSES}，“{}”无效。",
                        clip(c)
                    ),
                    format!(
                        "Classes must be {MIN_CLASSES}–{MAX_CLASSES}; “{}” is not.",
                        clip(c)
                    ),
                )),
            }
        }
        if let Some(p) = get("palette") {
            match Palette::from_id(p) {
                Some(p) => view.palette = p,
                None => notices.push(Notice::new(
                    format!("未知配色“{}”。", clip(p)),
                    format!("Unknown palette “{}”.", clip(p)),
                )),
            }
        }
        if let Some(b) = get("breaks") {
            let (ok, bad) = parse_manual(b);
            view.manual = ok;
            if !bad.is_empty() {
                notices.push(Notice::new(
                    format!("断点中有非数字：{}。", clip(&bad.join(", "))),
                    format!("Breaks that are not numbers: {}.", clip(&bad.join(", "))),
                ));
            }
        }
        if let Some(c) = get("cities") {
            for code in c.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                if known.cities.iter().any(|k| k == code) {
                    if !view.cities.iter().any(|x| x == code) {
                        view.cities.push(code.to_string());
                    }
                } else {
                    notices.push(Notice::new(
                        format!("未知城市代码“{}”。", clip(code)),
                        format!("Unknown city code “{}”.", clip(code)),
                    ));
                }
            }
        }
        if let Some(m) = get("measure").filter(|m| !m.is_empty()) {
            if known.measures.iter().any(|k| k == m) {
                view.measure = Some(m.to_string());
            } else {
                notices.push(Notice::new(
                    format!("未知措施“{}”。", clip(m)),
                    format!("Unknown measure “{}”.", clip(m)),
                ));
            }
        }
        match get("lang") {
            None | Some("") | Some("zh") => {}
            Some("en") => view.lang = Lang::En,
            Some(other) => notices.push(Notice::new(
                format!("语言只能是 zh 或 en，“{}”无效。", clip(other)),
                format!("lang must be zh or en, not “{}”.", clip(other)),
            )),
        }
        match get("embed") {
            None | Some("0") | Some("") => {}
            Some("1") => view.embed = true,
            Some(other) => notices.push(Notice::new(
                format!("embed 只能是 1 或 0，“{}”无效。", clip(other)),
                format!("embed must be 1 or 0, not “{}”.", clip(other)),
            )),
        }
        if let Some(t) = get("theme").filter(|t| !t.is_empty()) {
            if known.themes.iter().any(|k| k == t) {
                view.theme = Some(t.to_string());
            } else {
                notices.push(Notice::new(
                    format!("未知主题“{}”。", clip(t)),
                    format!("Unknown theme “{}”.", clip(t)),
                ));
            }
        }
        (view, notices)
    }

    /// The query string for this view, without the leading `?`. Indicator and
    /// period are always written; the rest only when they differ from the default.
    pub fn to_query(&self) -> String {
        let mut q = format!("indicator={}&period={}", self.indicator, self.period);
        if self.method != Method::default() {
            q.push_str(&format!("&method={}", self.method.id()));
        }
        if self.classes != DEFAULT_CLASSES {
            q.push_str(&format!("&classes={}", self.classes));
        }
        if self.palette != Palette::default() {
            q.push_str(&format!("&palette={}", self.palette.id()));
        }
        if !self.manual.is_empty() {
            let b: Vec<String> = self
                .manual
                .iter()
                .map(|v| crate::format::format_number(*v))
                .collect();
            q.push_str(&format!("&breaks={}", b.join(",")));
        }
        if !self.cities.is_empty() {
            q.push_str(&format!("&cities={}", self.cities.join(",")));
        }
        if let Some(m) = &self.measure {
            q.push_str(&format!("&measure={m}"));
        }
        if let Some(t) = &self.theme {
            q.push_str(&format!("&theme={t}"));
        }
        if self.lang != Lang::Zh {
            q.push_str(&format!("&lang={}", self.lang.id()));
        }
        if self.embed {
            q.push_str("&embed=1");
        }
        q
    }

    /// Switches indicator, keeping the period if the new indicator has it.
    pub fn with_indicator(&self, set: &IndicatorSet, id: &str) -> Self {
        let mut v = self.clone();
        if set.indicator(id).is_none() {
            return v;
        }
        v.indicator = id.to_string();
        if !set.periods_of(id).iter().any(|p| p.id == self.period) {
            v.period = latest_period(set, id).unwrap_or_default();
        }
        v
    }

    /// The classing settings of this view.
    pub fn classing(&self) -> Classing {
        Classing {
            method: self.method,
            classes: self.classes,
            palette: self.palette,
            manual: self.manual.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::indicators::shipped as set;

    fn known() -> Known {
        Known {
            cities: ["140100", "140800", "141000"].map(String::from).to_vec(),
            measures: vec!["air-signature".into()],
            themes: vec!["air".into(), "soil".into()],
        }
    }

    #[test]
    fn round_trips_cities_measure_and_theme() {
        let s = set();
        let mut v = ViewState::default_for(&s);
        v.cities = vec!["141000".into(), "140100".into()];
        v.measure = Some("air-signature".into());
        v.theme = Some("soil".into());
        let q = v.to_query();
        assert!(
            q.ends_with("&cities=141000,140100&measure=air-signature&theme=soil"),
            "{q}"
        );
        let (back, n) = ViewState::from_pairs(&pairs(&q), &s, &known());
        assert_eq!(back, v);
        assert!(n.is_empty());
    }

    #[test]
    fn unknown_cities_measures_themes_and_keys_are_reported() {
        let s = set();
        let (v, n) = ViewState::from_pairs(
            &pairs("cities=140100,999999,140100&measure=nope&theme=sky&zoom=3&foo=1"),
            &s,
            &known(),
        );
        assert_eq!(v.cities, vec!["140100"], "kept once, unknown dropped");
        assert_eq!((v.measure, v.theme), (None, None));
        let en: Vec<&str> = n.iter().map(|x| x.en.as_str()).collect();
        assert_eq!(en.len(), 4, "{en:?}");
        assert!(en[0].contains("zoom") && en[0].contains("foo"));
    }

    #[test]
    fn a_huge_query_falls_back_to_the_default_view() {
        let s = set();
        let huge = format!("indicator=pm25&x={}", "a".repeat(10_000));
        let (v, n) = ViewState::from_pairs(&parse_query(&huge), &s, &known());
        assert_eq!(v, ViewState::default_for(&s));
        assert_eq!(n.len(), 1);
        assert!(n[0].en.contains("too long"));
    }

    fn pairs(q: &str) -> Vec<(String, String)> {
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn default_is_the_latest_rank_band() {
        let (v, n) = ViewState::from_pairs(&[], &set(), &known());
        assert_eq!(
            (v.indicator.as_str(), v.period.as_str()),
            ("air-rank", "2023-jan-nov")
        );
        assert!(n.is_empty());
        assert_eq!(v.to_query(), "indicator=air-rank&period=2023-jan-nov");
    }

    #[test]
    fn round_trips_every_field() {
        let s = set();
        let v = ViewState {
            indicator: "pm25".into(),
            period: "2023".into(),
            method: Method::Manual,
            classes: 4,
            palette: Palette::Viridis,
            manual: vec![40.0, 45.5],
            cities: vec!["140800".into()],
            measure: Some("air-signature".into()),
            theme: Some("air".into()),
            embed: true,
            lang: Lang::En,
        };
        let (back, notices) = ViewState::from_pairs(&pairs(&v.to_query()), &s, &known());
        assert_eq!(back, v);
        assert!(notices.is_empty(), "{notices:?}");
    }

    #[test]
    fn bad_values_fall_back_with_notices() {
        let s = set();
        let (v, n) = ViewState::from_pairs(
            &pairs("indicator=nope&period=1999&method=x&classes=12&palette=rainbow&breaks=1,a"),
            &s,
            &known(),
        );
        assert_eq!(v.indicator, "air-rank");
        assert_eq!(v.period, "2023-jan-nov");
        assert_eq!(v.method, Method::Quantile);
        assert_eq!(v.classes, DEFAULT_CLASSES);
        assert_eq!(v.palette, Palette::default());
        assert_eq!(v.manual, vec![1.0]);
        assert_eq!(n.len(), 6, "{n:?}");
        let long = "x".repeat(10_000);
        let (_, n) = ViewState::from_pairs(&[("indicator".into(), long)], &s, &known());
        assert!(
            n[0].en.chars().count() < 120,
            "notices quote at most a little of the input"
        );
    }

    #[test]
    fn period_must_belong_to_the_indicator() {
        let s = set();
        let (v, n) = ViewState::from_pairs(
            &pairs("indicator=water-quality-index&period=2023-jan-nov"),
            &s,
            &known(),
        );
        assert_eq!(v.period, "2017-q2");
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn switching_indicator_keeps_a_shared_period() {
        let s = set();
        let v = ViewState::default_for(&s);
        assert_eq!(
            v.with_indicator(&s, "air-index-change").period,
            "2023-jan-nov"
        );
        assert_eq!(v.with_indicator(&s, "pm25").period, "2023");
        assert_eq!(v.with_indicator(&s, "nope"), v);
    }
}

/// Splits a query string (with or without `?`) into decoded key/value pairs:
/// `+` is a space and `%XX` a byte; malformed escapes are kept as written.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    match std::str::from_utf8(&bytes[i + 1..i + 3])
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                    {
                        Some(b) => {
                            out.push(b);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

#[cfg(test)]
mod query_tests {
    use super::parse_query;

    #[test]
    fn decodes_pairs() {
        let p = parse_query(
            "?indicator=pm25&breaks=40%2C45&name=%E5%A4%AA%E5%8E%9F&x=a+b&flag&bad=%zz&end=%4",
        );
        let get = |k: &str| p.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert_eq!(get("indicator"), Some("pm25"));
        assert_eq!(get("breaks"), Some("40,45"));
        assert_eq!(get("name"), Some("太原"));
        assert_eq!(get("x"), Some("a b"));
        assert_eq!(get("flag"), Some(""));
        assert_eq!(get("bad"), Some("%zz"));
        assert_eq!(get("end"), Some("%4"));
        assert!(parse_query("").is_empty());
    }
}
