//! The two languages of the map and the one type for text in both.

/// The language of the map, its legend, tooltip, names and exports. Chinese
/// (the default) shows English beside it; English shows English only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn id(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The value of the page's `lang` attribute.
    pub fn html(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Text for places that cannot hold markup (option texts, attributes): both
    /// languages joined by `sep` in Chinese mode, English alone in English mode.
    pub fn both(self, zh: &str, en: &str, sep: &str) -> String {
        match self {
            Lang::Zh => format!("{zh}{sep}{en}"),
            Lang::En => en.to_string(),
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Display text in both languages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn pick(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// Both languages joined by `sep` in Chinese mode, English alone in English
    /// mode (see [`Lang::both`]).
    pub fn both(&self, lang: Lang, sep: &str) -> String {
        lang.both(&self.zh, &self.en, sep)
    }
}

/// Whether a text holds Chinese characters (CJK ideographs).
pub fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c))
}

/// A unit written in both languages, "天 days" or "家 sites", as (Chinese,
/// English); a unit in one form ("μg/m³", "%") is the same in both.
pub fn unit_parts(unit: &str) -> (&str, &str) {
    match unit.split_once(' ') {
        Some((zh, en)) if has_chinese(zh) => (zh, en),
        _ => (unit, unit),
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;
    #[test]
    fn bilingual_units_split() {
        assert_eq!(unit_parts("天 days"), ("天", "days"));
        assert_eq!(unit_parts("μg/m³"), ("μg/m³", "μg/m³"));
        assert_eq!(unit_parts("per cent"), ("per cent", "per cent"));
    }
}
