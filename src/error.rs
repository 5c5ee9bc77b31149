//! The crate's one error type, and every message of it in both languages.
//!
//! [`Error::text`] is the one place where the messages are written; `Display`
//! is its English half.

use std::fmt;

use crate::i18n::Text;

/// Errors of loading and reading the app's data, worded for the person using the map.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The request did not complete (offline, blocked, aborted).
    Network { url: String, reason: String },
    /// The server answered with an error status.
    Status { url: String, status: u16 },
    /// No complete answer within [`crate::net::TIMEOUT_S`] seconds (a stalled server).
    Timeout { url: String, seconds: u32 },
    /// The server answered, but with nothing.
    Empty { file: String },
    /// The server answered with a web page (an error page of a proxy or CDN,
    /// a login page) instead of the data file.
    WebPage { file: String },
    /// The file is not readable JSON (syntax error, cut short).
    Json { file: String, reason: String },
    /// The JSON reads, but is not the shape the app expects (a missing or
    /// mistyped member; GeoJSON that is not a FeatureCollection of polygons).
    Shape { file: String, reason: String },
    /// The file has the right shape, but its contents do not hold together.
    Validation { file: String, problem: Problem },
}

/// What kind of thing an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Source,
    Period,
    Indicator,
    Measure,
    Theme,
    Task,
    Campaign,
    Region,
    Adcode,
    Category,
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// An observation of an indicator file (boxed: it keeps [`Error`] small).
    Observation(Box<ObservationAt>),
    /// A province-wide figure, by id.
    ProvinceFigure(String),
    /// A measure, by id.
    Measure(String),
    /// An indicator, by id.
    Indicator(String),
    /// The `index`-th feature (1-based) of a boundary file.
    Feature(usize),
    /// The computed "measures that name the city" layer of the policy file.
    CountIndicator,
}

/// An observation, as errors name it: its place in the file and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservationAt {
    /// 1-based.
    pub index: usize,
    pub indicator: String,
    pub adcode: String,
    pub period: String,
}

/// Why a file that reads is still not usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Two things of one kind share an id.
    Duplicate { kind: Item, id: String },
    /// A reference to something the file does not define.
    Unknown { at: At, kind: Item, id: String },
    /// Something required is missing (a measure without themes or targets, an
    /// ordinal or categorical indicator without categories).
    Missing { at: At, kind: Item },
    /// An id other than the one the app expects.
    WrongId { at: At, expected: String },
    /// A value that does not fit its indicator (a category it does not have, a
    /// number for a categorical one, a non-finite number).
    ValueDoesNotFit { at: At, value: String },
    /// A second value for the same indicator, city and period.
    SecondValue { at: At },
    /// An adcode that is not six digits.
    BadAdcode { at: At, adcode: String },
    /// Merging: a period of the same id but other contents than the loaded one.
    PeriodDiffers { period: String },
    /// A boundary file without a region to draw.
    NothingToDraw,
}

impl Item {
    fn text(self) -> (&'static str, &'static str) {
        match self {
            Item::Source => ("来源", "source"),
            Item::Period => ("时段", "period"),
            Item::Indicator => ("指标", "indicator"),
            Item::Measure => ("措施", "measure"),
            Item::Theme => ("主题", "theme"),
            Item::Task => ("任务", "task"),
            Item::Campaign => ("行动", "campaign"),
            Item::Region => ("区域", "region"),
            Item::Adcode => ("行政区划代码", "adcode"),
            Item::Category => ("类别", "category"),
        }
    }
}

impl At {
    pub fn text(&self) -> Text {
        match self {
            At::Observation(o) => {
                let ObservationAt {
                    index,
                    indicator,
                    adcode,
                    period,
                } = &**o;
                Text::new(
                    format!("第 {index} 条观测值（{indicator} {adcode} {period}）"),
                    format!("observation {index} ({indicator} {adcode} {period})"),
                )
            }
            At::ProvinceFigure(id) => {
                Text::new(format!("全省数据 {id}"), format!("province figure {id}"))
            }
            At::Measure(id) => Text::new(format!("措施 {id}"), format!("measure {id}")),
            At::Indicator(id) => Text::new(format!("指标 {id}"), format!("indicator {id}")),
            At::Feature(i) => Text::new(format!("第 {i} 个要素"), format!("feature {i}")),
            At::CountIndicator => Text::new("count_indicator", "count_indicator"),
        }
    }
}

impl Problem {
    /// The problem in Chinese and English, after its place in the file.
    pub fn text(&self) -> Text {
        let (at, zh, en) = match self {
            Problem::Duplicate { kind, id } => {
                let (zh, en) = kind.text();
                (
                    None,
                    format!("{zh} “{id}” 出现两次"),
                    format!("{en} “{id}” is defined twice"),
                )
            }
            Problem::Unknown { at, kind, id } => {
                let (zh, en) = kind.text();
                (
                    Some(at),
                    format!("未知{zh} “{id}”"),
                    format!("unknown {en} “{id}”"),
                )
            }
            Problem::Missing { at, kind } => {
                let (zh, en) = kind.text();
                (Some(at), format!("缺少{zh}"), format!("no {en}"))
            }
            Problem::WrongId { at, expected } => (
                Some(at),
                format!("id 应为 “{expected}”"),
                format!("the id must be “{expected}”"),
            ),
            Problem::ValueDoesNotFit { at, value } => (
                Some(at),
                format!("数值 {value} 与指标不符"),
                format!("value {value} does not fit its indicator"),
            ),
            Problem::SecondValue { at } => (
                Some(at),
                "同一城市同一时段的第二个数值".into(),
                "a second value for the same city and period".into(),
            ),
            Problem::BadAdcode { at, adcode } => (
                Some(at),
                format!("行政区划代码 “{adcode}” 不是六位数字"),
                format!("adcode “{adcode}” is not six digits"),
            ),
            Problem::PeriodDiffers { period } => (
                None,
                format!("时段 {period} 与已载入的不同"),
                format!("period {period} differs from the loaded one"),
            ),
            Problem::NothingToDraw => (None, "没有可绘制的区域".into(), "nothing to draw".into()),
        };
        match at.map(At::text) {
            Some(at) => Text::new(format!("{}：{zh}", at.zh), format!("{}: {en}", at.en)),
            None => Text::new(zh, en),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl Error {
    /// The message in Chinese and English.
    pub fn text(&self) -> Text {
        match self {
            Error::Network { url, reason } => Text::new(
                format!("无法获取 {url}（没有网络连接，或服务器断开了连接）：{reason}"),
                format!("could not fetch {url} (no connection, or the server closed it): {reason}"),
            ),
            Error::Status { url, status } => Text::new(
                format!("{url} 返回 HTTP {status}"),
                format!("{url} answered HTTP {status}"),
            ),
            Error::Timeout { url, seconds } => Text::new(
                format!("{url} 在 {seconds} 秒内未能送达（服务器没有回应）"),
                format!("{url} did not arrive within {seconds} s (the server did not answer)"),
            ),
            Error::Empty { file } => {
                Text::new(format!("{file} 是空的"), format!("{file} is empty"))
            }
            Error::WebPage { file } => Text::new(
                format!("服务器送来的是一个网页，不是 {file}"),
                format!("the server sent a web page instead of {file}"),
            ),
            Error::Json { file, reason } => about(
                file,
                ("不是有效的 JSON", "is not valid JSON"),
                Text::new(reason.clone(), reason.clone()),
            ),
            Error::Shape { file, reason } => about(
                file,
                ("的结构不符", "does not have the expected shape"),
                Text::new(reason.clone(), reason.clone()),
            ),
            Error::Validation { file, problem } => {
                about(file, ("有误", "is not valid"), problem.text())
            }
        }
    }

    /// A validation error of `file`: the one way data modules build them.
    pub fn validation(file: &str, problem: Problem) -> Self {
        Error::Validation {
            file: file.to_string(),
            problem,
        }
    }

    /// A shape error of `file`.
    pub fn shape(file: &str, reason: impl Into<String>) -> Self {
        Error::Shape {
            file: file.to_string(),
            reason: reason.into(),
        }
    }

    /// Classifies a `serde_json` error of `file`: text that is not JSON (syntax,
    /// cut short, I/O) is [`Error::Json`]; JSON of the wrong shape is [`Error::Shape`].
    pub fn from_json(file: &str, e: serde_json::Error) -> Self {
        use serde_json::error::Category;
        match e.classify() {
            Category::Data => Error::shape(file, e.to_string()),
            Category::Syntax | Category::Eof | Category::Io => Error::Json {
                file: file.to_string(),
                reason: e.to_string(),
            },
        }
    }
}

/// "{file} {what}: {detail}" in both languages.
fn about(file: &str, (zh, en): (&str, &str), detail: Text) -> Text {
    Text::new(
        format!("{file} {zh}：{}", detail.zh),
        format!("{file} {en}: {}", detail.en),
    )
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_error(text: &str) -> Error {
        let e = serde_json::from_str::<Vec<u32>>(text).expect_err("not a list of numbers");
        Error::from_json("f.json", e)
    }

    #[test]
    fn json_errors_are_classified() {
        assert!(matches!(json_error("[1, 2"), Error::Json { .. }));
        assert!(matches!(json_error("<html>"), Error::Json { .. }));
        assert!(matches!(json_error(r#"{"a": 1}"#), Error::Shape { .. }));
        assert!(matches!(json_error(r#"["x"]"#), Error::Shape { .. }));
    }

    #[test]
    fn display_is_the_english_text() {
        let e = Error::validation(
            "indicators.json",
            Problem::Unknown {
                at: At::Measure("m1".into()),
                kind: Item::Theme,
                id: "fire".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "indicators.json is not valid: measure m1: unknown theme “fire”"
        );
        assert_eq!(e.to_string(), e.text().en);
        assert_eq!(
            e.text().zh,
            "indicators.json 有误：措施 m1：未知主题 “fire”"
        );
        let s = Error::Status {
            url: "data/x.json".into(),
            status: 404,
        };
        assert_eq!(s.to_string(), "data/x.json answered HTTP 404");
        assert_eq!(
            Error::validation("p.geojson", Problem::NothingToDraw)
                .text()
                .zh,
            "p.geojson 有误：没有可绘制的区域"
        );
    }
}
