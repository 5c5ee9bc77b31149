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
