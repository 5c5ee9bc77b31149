//! The view as a URL query string, both ways.
//!
//! Pure: [`Query::parse`] reads the decoded key/value pairs of a query once;
//! [`Query::lang`] and [`Query::embed`] answer before any data is loaded, and
//! [`Query::view`] resolves the rest against the loaded data. Every value is
//! percent-encoded by [`ViewState::to_query`] and decoded here
//! (`application/x-www-form-urlencoded`, through the `form_urlencoded` crate),
//! so any view survives the trip. Anything unknown or malformed falls back to the
//! default and produces a [`Notice`] the page shows, never an error.

use super::view::{is_overlay, latest_period, Known, ViewState, Words, DEFAULT_CLASSES};
use crate::data::import::USER_PREFIX;
use crate::data::indicators::IndicatorSet;
use crate::i18n::{Lang, Text};
use crate::map::classify::{parse_manual, Method, MAX_CLASSES, MIN_CLASSES};
use crate::map::palette::Palette;

/// Longest query string read; a longer one is ignored as a whole.
pub const MAX_QUERY: usize = 2000;

/// The parameters the URL may carry.
pub const KEYS: [&str; 17] = [
    "title",
    "subtitle",
    "note",
    "indicator",
    "period",
    "method",
    "classes",
    "palette",
    "breaks",
    "cities",
    "in",
    "overlay",
    "overlay-period",
    "measure",
    "theme",
    "embed",
    "lang",
];

/// Something in the URL that could not be used, in words.
pub type Notice = Text;

/// A query string's decoded key/value pairs, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub pairs: Vec<(String, String)>,
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// "Unknown <what> “value”" in both languages, the value clipped.
fn unknown(zh: &str, en: &str, value: &str) -> Notice {
    let v = clip(value);
    Text::new(format!("未知{zh}“{v}”。"), format!("Unknown {en} “{v}”."))
}

/// Reads a value that must be one of `list`.
fn known_in<'a>(
    list: &'a [String],
    zh: &'static str,
    en: &'static str,
) -> impl Fn(&str) -> Result<String, Notice> + 'a {
    move |v| {
        list.iter()
            .find(|k| *k == v)
            .cloned()
            .ok_or_else(|| unknown(zh, en, v))
    }
}

/// Reads a switch that is `on` or `off`.
fn flag(
    key: &'static str,
    on: &'static str,
    off: &'static str,
) -> impl Fn(&str) -> Result<String, Notice> {
    move |v| {
        if v == on || v == off {
            Ok(v.to_string())
        } else {
            Err(Text::new(
                format!("{key} 只能是 {on} 或 {off}，“{}”无效。", clip(v)),
                format!("{key} must be {on} or {off}, not “{}”.", clip(v)),
            ))
        }
    }
}

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

impl Query {
    /// Reads a query string, with or without its `?`: `+` is a space, `%XX` a
    /// byte, and malformed escapes are kept as written.
    pub fn parse(query: &str) -> Self {
        let q = query.strip_prefix('?').unwrap_or(query);
        Self {
            pairs: form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }

    /// The last value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The language the URL asks for (Chinese unless `lang=en`).
    pub fn lang(&self) -> Lang {
        if self.get("lang") == Some("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// Whether the URL asks for embed mode (`embed=1`).
    pub fn embed(&self) -> bool {
        self.get("embed") == Some("1")
    }

    /// The view the URL names in `set`, falling back to defaults, with a notice
    /// for each part that could not be used. `known` lists the cities, measures
    /// and themes that exist.
    pub fn view(&self, set: &IndicatorSet, known: &Known) -> (ViewState, Vec<Notice>) {
        let mut view = ViewState::default_for(set);
        let mut notices = Vec::new();
        let length: usize = self.pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
        if length > MAX_QUERY {
            notices.push(Text::new(
                format!("网址参数过长（{length} 字节），已显示默认视图。"),
                format!("The address is too long ({length} bytes); showing the default view."),
            ));
            return (view, notices);
        }
        let unknown_keys: Vec<&str> = self
            .pairs
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !k.is_empty() && !KEYS.contains(k))
            .take(3)
            .collect();
        if !unknown_keys.is_empty() {
            let list = clip(&unknown_keys.join(", "));
            notices.push(Text::new(
                format!("未知参数：{list}。"),
                format!("Unknown parameters: {list}."),
            ));
        }
        let mut take = |key: &str, read: &dyn Fn(&str) -> Result<String, Notice>| {
            let value = self.get(key).filter(|v| !v.is_empty())?;
            read(value).map_err(|n| notices.push(n)).ok()
        };
        if let Some(id) = take("indicator", &|id| {
            set.indicator(id).map(|i| i.id.clone()).ok_or_else(|| {
                if id.starts_with(USER_PREFIX) {
                    // A link to a view of a file someone loaded: it is not here.
                    Text::new(
                        "这个链接的视图用到一份自己载入的文件，它不在这台电脑上；已显示默认指标。载入同一文件即可再看到它。",
                        "This view used a file that is not on this computer (a table someone loaded); showing the default. Load the same file to see it again.",
                    )
                } else {
                    Text::new(
                        format!("未知指标“{}”，已显示默认指标。", clip(id)),
                        format!("Unknown indicator “{}”; showing the default.", clip(id)),
                    )
                }
            })
        }) {
            view.period = latest_period(set, &id).unwrap_or_default();
            view.indicator = id;
        }
        let periods: Vec<String> = set
            .periods_of(&view.indicator)
            .iter()
            .map(|p| p.id.clone())
            .collect();
        // A period of a loaded file that is not here goes with its file's
        // notice, not a second one naming an internal id.
        let lost_file = self
            .get("indicator")
            .is_some_and(|i| i.starts_with(USER_PREFIX) && set.indicator(i).is_none());
        let period = self
            .get("period")
            .filter(|p| !(lost_file && p.starts_with(USER_PREFIX)));
        if let Some(p) = period
            .is_some()
            .then(|| {
                take("period", &|p| {
                    periods.iter().find(|x| *x == p).cloned().ok_or_else(|| {
                        Text::new(
                            format!("该指标没有时段“{}”，已显示最新时段。", clip(p)),
                            format!(
                                "This indicator has no period “{}”; showing the latest.",
                                clip(p)
                            ),
                        )
                    })
                })
            })
            .flatten()
        {
            view.period = p;
        }
        let ids = |all: &[&'static str]| all.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let methods = ids(&Method::ALL.map(Method::id));
        if let Some(m) = take("method", &known_in(&methods, "分级方法", "classing method")) {
            view.method = Method::from_id(&m).unwrap_or_default();
        }
        let palettes = ids(&Palette::ALL.map(Palette::id));
        if let Some(p) = take("palette", &known_in(&palettes, "配色", "palette")) {
            view.palette = Palette::from_id(&p).unwrap_or_default();
        }
        let counts: Vec<String> = (MIN_CLASSES..=MAX_CLASSES).map(|n| n.to_string()).collect();
        if let Some(c) = take("classes", &|c| {
            counts.iter().find(|n| *n == c).cloned().ok_or_else(|| {
                Text::new(
                    format!(
                        "分级数须为 {MIN_CLASSES}–{MAX_CLASSES}，“{}”无效。",
                        clip(c)
                    ),
                    format!(
                        "Classes must be {MIN_CLASSES}–{MAX_CLASSES}; “{}” is not.",
                        clip(c)
                    ),
                )
            })
        }) {
            view.classes = c.parse().unwrap_or(DEFAULT_CLASSES);
        }
        view.overlay = take("overlay", &|id| {
            if is_overlay(set, id) {
                Ok(id.to_string())
            } else {
                Err(Text::new(
                    format!("“{}”不是可叠加的治理图层，已不叠加。", clip(id)),
                    format!(
                        "“{}” is not a remediation layer that can be drawn over the map; no overlay.",
                        clip(id)
                    ),
                ))
            }
        });
        if view.overlay.as_ref() == Some(&view.indicator) {
            view.overlay = None;
        }
        if let Some(o) = view.overlay.clone() {
            let periods: Vec<String> = set.periods_of(&o).iter().map(|p| p.id.clone()).collect();
            view.overlay_period = take("overlay-period", &|p| {
                periods.iter().find(|x| *x == p).cloned().ok_or_else(|| {
                    Text::new(
                        format!("叠加图层没有时段“{}”。", clip(p)),
                        format!("The overlay has no period “{}”.", clip(p)),
                    )
                })
            });
        }
        view.measure = take("measure", &known_in(&known.measures, "措施", "measure"));
        view.theme = take("theme", &known_in(&known.themes, "主题", "theme"));
        view.lang = match take("lang", &flag("lang", "en", "zh")).as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Zh,
        };
        view.embed = take("embed", &flag("embed", "1", "0")).as_deref() == Some("1");
        if let Some(b) = self.get("breaks") {
            let (ok, bad) = parse_manual(b);
            view.manual = ok;
            if !bad.is_empty() {
                let bad = clip(&bad.join(", "));
                notices.push(Text::new(
                    format!("断点中有非数字：{bad}。"),
                    format!("Breaks that are not numbers: {bad}."),
                ));
            }
        }
        for (key, limit) in Words::LIMITS {
            let Some(raw) = self.get(key) else { continue };
            let (text, cut) = Words::clean(raw, limit);
            if cut {
                let (zh, en) = match key {
                    "title" => ("标题", "title"),
                    "subtitle" => ("副标题", "subtitle"),
                    _ => ("注释", "note"),
                };
                notices.push(Text::new(
                    format!("{zh}超过 {limit} 字，已截断。"),
                    format!("The {en} is longer than {limit} characters; it was cut."),
                ));
            }
            view.words.set(key, text);
        }
        if let Some(c) = self.get("cities") {
            for code in c.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                if !known.cities.iter().any(|k| k == code) {
                    notices.push(unknown("城市代码", "city code", code));
                } else if !view.cities.iter().any(|x| x == code) {
                    view.cities.push(code.to_string());
                }
            }
        }
        if let Some(p) = self.get("in").map(str::trim).filter(|p| !p.is_empty()) {
            if known.cities.iter().any(|k| k == p) {
                view.within = Some(p.to_string());
            } else {
                notices.push(unknown("城市代码", "city code", p));
            }
        }
        (view, notices)
    }
}

impl ViewState {
    /// The query string for this view, without the leading `?`, every value
    /// percent-encoded (list items each, joined by commas). Indicator and period
    /// are always written; the rest only when they differ from the default.
    pub fn to_query(&self) -> String {
        let list = |items: &mut dyn Iterator<Item = String>| {
            items.map(|i| encode(&i)).collect::<Vec<_>>().join(",")
        };
        let mut parts = vec![
            ("indicator", encode(&self.indicator)),
            ("period", encode(&self.period)),
        ];
        if self.method != Method::default() {
            parts.push(("method", encode(self.method.id())));
        }
        if self.classes != DEFAULT_CLASSES {
            parts.push(("classes", self.classes.to_string()));
        }
        if self.palette != Palette::default() {
            parts.push(("palette", encode(self.palette.id())));
        }
        if !self.manual.is_empty() {
            let breaks = self.manual.iter().map(|b| crate::format::format_number(*b));
            parts.push(("breaks", list(&mut breaks.into_iter())));
        }
        if !self.cities.is_empty() {
            parts.push(("cities", list(&mut self.cities.iter().cloned())));
        }
        if let Some(p) = &self.within {
            parts.push(("in", encode(p)));
        }
        if let Some(o) = &self.overlay {
            parts.push(("overlay", encode(o)));
        }
        if let Some(p) = self
            .overlay_period
            .as_ref()
            .filter(|_| self.overlay.is_some())
        {
            parts.push(("overlay-period", encode(p)));
        }
        if let Some(m) = &self.measure {
            parts.push(("measure", encode(m)));
        }
        if let Some(t) = &self.theme {
            parts.push(("theme", encode(t)));
        }
        if self.lang != Lang::Zh {
            parts.push(("lang", encode(self.lang.id())));
        }
        if self.embed {
            parts.push(("embed", "1".into()));
        }
        for (key, _) in Words::LIMITS {
            if let Some(text) = self.words.get(key) {
                parts.push((key, encode(text)));
            }
        }
        parts
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::view::tests::set;

    fn known() -> Known {
        Known {
            cities: ["140100", "140200", "140800", "141000"]
                .map(String::from)
                .to_vec(),
            measures: vec!["air-signature".into()],
            themes: vec!["air".into(), "soil".into()],
        }
    }

    fn assert_default_layer(v: &ViewState) {
        let shown = (v.indicator.as_str(), v.period.as_str());
        assert_eq!(shown, ("air-rank", "2023-jan-nov"), "the default layer");
    }

    fn read(q: &str) -> (ViewState, Vec<Notice>) {
        Query::parse(q).view(&set(), &known())
    }

    #[test]
    fn decodes_pairs() {
        let p = Query::parse(
            "?indicator=pm25&breaks=40%2C45&name=%E5%A4%AA%E5%8E%9F&x=a+b&flag&bad=%zz&end=%4",
        );
        assert_eq!(p.get("indicator"), Some("pm25"));
        assert_eq!(p.get("breaks"), Some("40,45"));
        assert_eq!(p.get("name"), Some("太原"));
        assert_eq!(p.get("x"), Some("a b"));
        assert_eq!(p.get("flag"), Some(""));
        assert_eq!(p.get("bad"), Some("%zz"));
        assert_eq!(p.get("end"), Some("%4"));
        assert!(Query::parse("").pairs.is_empty());
        assert_eq!(Query::parse("?lang=en&embed=1").lang(), Lang::En);
        assert!(Query::parse("?lang=en&embed=1").embed());
        assert!(!Query::parse("?embed=0").embed());
    }

    #[test]
    fn default_view_and_its_query() {
        let (v, n) = read("");
        assert_default_layer(&v);
        assert!(n.is_empty());
        assert_eq!(v.to_query(), "indicator=air-rank&period=2023-jan-nov");
    }

    #[test]
    fn round_trips_every_field() {
        let v = ViewState {
            indicator: "pm25".into(),
            period: "2022".into(),
            method: Method::Manual,
            classes: 4,
            palette: Palette::Viridis,
            manual: vec![40.0, 45.5],
            cities: vec!["141000".into(), "140100".into()],
            within: Some("140100".into()),
            overlay: Some("air-index-change".into()),
            overlay_period: Some("2023-jan-nov".into()),
            measure: Some("air-signature".into()),
            theme: Some("soil".into()),
            embed: true,
            lang: Lang::En,
            words: Words {
                title: Some("山西的空气 & more: 50% <cleaner>".into()),
                subtitle: Some("2023年1—11月".into()),
                note: Some("Source: the provincial notice.".into()),
            },
        };
        let q = v.to_query();
        assert!(
            q.contains("&cities=141000,140100&in=140100&overlay=air-index-change&overlay-period=2023-jan-nov&measure=air-signature&theme=soil"),
            "lists keep plain commas: {q}"
        );
        assert!(q.contains("title=%E5%B1%B1"), "words percent-encoded: {q}");
        let (back, n) = read(&q);
        assert_eq!(back, v);
        assert!(n.is_empty(), "{n:?}");
    }

    #[test]
    fn an_overlay_must_be_a_remediation_layer() {
        let (v, n) = read("overlay=pm25");
        assert_eq!(v.overlay, None);
        assert!(n[0].en.contains("not a remediation layer"), "{n:?}");
        let (v, n) = read("indicator=pm25&overlay=air-index-change");
        assert_eq!(v.overlay.as_deref(), Some("air-index-change"));
        assert!(n.is_empty());
    }

    #[test]
    fn words_longer_than_their_limit_are_cut_and_said() {
        let long = "长".repeat(100);
        let (v, n) = read(&format!("title={long}&note=a%0Ab"));
        assert_eq!(v.words.title.map(|t| t.chars().count()), Some(80));
        assert_eq!(v.words.note.as_deref(), Some("a b"), "one line");
        assert_eq!(n.len(), 1, "{n:?}");
        assert!(n[0].en.contains("title is longer than 80"), "{n:?}");
    }

    #[test]
    fn the_drill_down_is_a_known_prefecture() {
        let (v, n) = read("in=140100");
        assert_eq!(v.within.as_deref(), Some("140100"));
        assert!(n.is_empty());
        assert!(v.to_query().ends_with("&in=140100"), "{}", v.to_query());
        let (v, n) = read("in=999999");
        assert_eq!(v.within, None);
        assert_eq!(n.len(), 1, "{n:?}");
    }

    #[test]
    fn unknown_cities_measures_themes_and_keys_are_reported() {
        let (v, n) = read("cities=140100,999999,140100&measure=nope&theme=sky&zoom=3&foo=1");
        assert_eq!(v.cities, vec!["140100"], "kept once, unknown dropped");
        assert_eq!((v.measure, v.theme), (None, None));
        let en: Vec<&str> = n.iter().map(|x| x.en.as_str()).collect();
        assert_eq!(en.len(), 4, "{en:?}");
        assert!(en[0].contains("zoom") && en[0].contains("foo"));
    }

    #[test]
    fn a_link_to_a_loaded_file_says_the_file_is_not_here() {
        let (v, n) = read("indicator=user-pm25-1&period=user-period-1-1");
        assert_default_layer(&v);
        assert!(
            n.iter()
                .any(|x| x.en.contains("not on this computer") && x.zh.contains("不在这台电脑上")),
            "{n:?}"
        );
        assert_eq!(n.len(), 1, "one notice, no internal period id: {n:?}");
    }

    #[test]
    fn a_huge_query_falls_back_to_the_default_view() {
        let (v, n) = read(&format!("indicator=pm25&x={}", "a".repeat(10_000)));
        assert_eq!(v, ViewState::default_for(&set()));
        assert_eq!(n.len(), 1);
        assert!(n[0].en.contains("too long"));
    }

    #[test]
    fn bad_values_fall_back_with_notices() {
        let (v, n) = read("indicator=nope&period=1999&method=x&classes=12&palette=rainbow&breaks=1,a&lang=fr&embed=2");
        assert_default_layer(&v);
        assert_eq!(v.method, Method::Quantile);
        assert_eq!(v.classes, DEFAULT_CLASSES);
        assert_eq!(v.palette, Palette::default());
        assert_eq!(v.manual, vec![1.0]);
        assert_eq!((v.lang, v.embed), (Lang::Zh, false));
        assert_eq!(n.len(), 8, "{n:?}");
        let (_, n) = read(&format!("indicator={}", "x".repeat(10_000)));
        assert!(
            n[0].en.chars().count() < 120,
            "notices quote at most a little of the input"
        );
    }

    #[test]
    fn period_must_belong_to_the_indicator() {
        let (v, n) = read("indicator=air-index-change&period=2023");
        assert_eq!(v.period, "2023-jan-nov");
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn values_with_url_syntax_are_encoded() {
        let mut v = ViewState::default_for(&set());
        v.measure = Some("a&b=c#d+e%f 太原".into());
        let q = v.to_query();
        assert!(
            q.ends_with("&measure=a%26b%3Dc%23d%2Be%25f+%E5%A4%AA%E5%8E%9F"),
            "{q}"
        );
        assert_eq!(Query::parse(&q).get("measure"), v.measure.as_deref());
    }
}

#[cfg(test)]
mod round_trip {
    //! Property: any view whose ids exist survives `to_query` → `parse` → `view`
    //! unchanged, whatever characters its ids hold.

    use proptest::prelude::*;

    use super::*;
    use crate::data::indicators::{
        Indicator, IndicatorSet, Kind, Observation, Period, Source, Value,
    };

    fn id() -> impl Strategy<Value = String> {
        // Anything printable, URL syntax and CJK included; no control characters.
        proptest::string::string_regex("[ -~太原山西水气é€😀]{1,12}").expect("regex")
    }

    fn set_with(indicator: &str, period: &str) -> IndicatorSet {
        IndicatorSet {
            sources: vec![Source {
                id: "S".into(),
                outlet: "o".into(),
                outlet_en: None,
                title: "t".into(),
                date: "d".into(),
                url: None,
            }],
            periods: vec![Period {
                id: period.into(),
                label_zh: "p".into(),
                label_en: "p".into(),
                start: "2023-01".into(),
                end: "2023-12".into(),
                partial: false,
                ..Period::default()
            }],
            indicators: vec![Indicator {
                id: indicator.into(),
                name_zh: "i".into(),
                name_en: "i".into(),
                kind: Kind::Numeric,
                unit: None,
                lower_is_better: true,
                categories: Vec::new(),
                description_zh: String::new(),
                description_en: String::new(),
                user: false,
                remediation: false,
            }],
            observations: vec![Observation {
                indicator: indicator.into(),
                adcode: "140100".into(),
                period: period.into(),
                value: Value::Number(1.0),
                scope: None,
                source: "S".into(),
                rank: None,
                change_pct: None,
                derived: false,
                note_zh: None,
                note_en: None,
            }],
            province: Vec::new(),
        }
    }

    fn view() -> impl Strategy<Value = ViewState> {
        (
            (
                id(),
                id(),
                0..Method::ALL.len(),
                MIN_CLASSES..=MAX_CLASSES,
                0..Palette::ALL.len(),
            ),
            (
                proptest::collection::vec(-99_999i64..99_999, 0..4),
                proptest::collection::vec("[0-9]{6}", 0..4),
                proptest::option::of(id()),
                proptest::option::of(id()),
                any::<bool>(),
                any::<bool>(),
                proptest::option::of("[^\\p{C}]{1,40}"),
            ),
        )
            .prop_map(
                |(
                    (indicator, period, m, classes, p),
                    (breaks, cities, measure, theme, embed, en, title),
                )| {
                    let mut unique = Vec::new();
                    for c in cities {
                        if !unique.contains(&c) {
                            unique.push(c);
                        }
                    }
                    ViewState {
                        indicator,
                        period,
                        method: Method::ALL[m],
                        classes,
                        palette: Palette::ALL[p],
                        manual: breaks.into_iter().map(|b| b as f64 / 100.0).collect(),
                        within: unique.first().cloned().filter(|_| embed),
                        cities: unique,
                        overlay: None,
                        overlay_period: None,
                        measure,
                        theme,
                        embed,
                        lang: if en { Lang::En } else { Lang::Zh },
                        words: Words {
                            // As the URL keeps it: one line, single spaces.
                            title: title.and_then(|t| Words::clean(&t, 80).0),
                            ..Words::default()
                        },
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn any_view_survives_the_url(v in view()) {
            let set = set_with(&v.indicator, &v.period);
            let known = Known {
                cities: v.cities.clone(),
                measures: v.measure.iter().cloned().collect(),
                themes: v.theme.iter().cloned().collect(),
            };
            let q = v.to_query();
            prop_assert!(!q.contains('#') && !q.contains(' '), "{}", q);
            let (back, notices) = Query::parse(&format!("?{q}")).view(&set, &known);
            prop_assert!(notices.is_empty(), "{:?}", notices);
            prop_assert_eq!(back, v);
        }
    }
}
