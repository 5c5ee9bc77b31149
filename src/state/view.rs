//! What the map shows and the named actions that change it.

use crate::data::indicators::IndicatorSet;
use crate::data::policies::{Policies, PROVINCE};
use crate::i18n::Lang;
use crate::map::choropleth::Classing;
use crate::map::classify::{Method, MAX_CLASSES, MIN_CLASSES};
use crate::map::palette::Palette;

/// The indicator shown when the URL names none: the latest provincial rank band.
pub const DEFAULT_INDICATOR: &str = "air-rank";
/// Classes when the URL names no number.
pub const DEFAULT_CLASSES: usize = 5;

/// What the map shows: everything the URL holds.
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
    /// The prefecture whose counties the map shows, zoomed to it (URL `in`):
    /// the drill-down from the province.
    pub within: Option<String>,
    /// A remediation layer drawn as circles over the main layer's colours
    /// (URL `overlay`): pollution and remediation at once.
    pub overlay: Option<String>,
    /// The overlay's period (URL `overlay-period`); without one, the main
    /// layer's if the overlay has it, else the overlay's newest.
    pub overlay_period: Option<String>,
    /// The measure chosen in the policy panel.
    pub measure: Option<String>,
    /// The policy panel's theme filter.
    pub theme: Option<String>,
    /// Embedded in another page: only map, legend, title and source.
    pub embed: bool,
    pub lang: Lang,
    /// A journalist's own title, subtitle and note around the map.
    pub words: Words,
}

/// A journalist's own words around the map (URL `title`, `subtitle`, `note`):
/// plain text, shown as text, each cut to its limit ([`Words::LIMITS`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Words {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub note: Option<String>,
}

impl Words {
    /// The URL keys and the longest text each keeps, in characters.
    pub const LIMITS: [(&'static str, usize); 3] =
        [("title", 80), ("subtitle", 120), ("note", 240)];

    /// The text of `key` ("title", "subtitle" or "note").
    pub fn get(&self, key: &str) -> Option<&str> {
        match key {
            "title" => self.title.as_deref(),
            "subtitle" => self.subtitle.as_deref(),
            "note" => self.note.as_deref(),
            _ => None,
        }
    }

    /// Sets the text of `key`.
    pub fn set(&mut self, key: &str, text: Option<String>) {
        match key {
            "title" => self.title = text,
            "subtitle" => self.subtitle = text,
            "note" => self.note = text,
            _ => {}
        }
    }

    /// `raw` as one line of text: control characters (line breaks too) become
    /// spaces, runs of spaces one, the ends trimmed; `None` when nothing is
    /// left. The second value says whether it was cut to `limit` characters.
    pub fn clean(raw: &str, limit: usize) -> (Option<String>, bool) {
        let spaced: String = raw
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let one_line = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
        if one_line.is_empty() {
            return (None, false);
        }
        let cut = one_line.chars().count() > limit;
        let text: String = one_line.chars().take(limit).collect();
        (Some(text), cut)
    }
}

/// What the URL may name besides indicators: the ids that exist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    pub cities: Vec<String>,
    pub measures: Vec<String>,
    pub themes: Vec<String>,
}

impl Known {
    /// The cities (the province's prefectures), measures and themes of `p`.
    pub fn of(p: &Policies) -> Self {
        Known {
            cities: p
                .region(PROVINCE)
                .map(|r| r.prefectures.clone())
                .unwrap_or_default(),
            measures: p.measures.iter().map(|m| m.id.clone()).collect(),
            themes: p.themes.iter().map(|t| t.id.clone()).collect(),
        }
    }
}

/// A change a person makes to the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show another indicator, keeping the period if it has one.
    ChooseIndicator(String),
    /// Show another period of the indicator (ignored if it has none such).
    ChoosePeriod(String),
    SetMethod(Method),
    /// Number of classes (ignored outside 3–7).
    SetClasses(usize),
    SetPalette(Palette),
    /// Inner breaks of the manual method.
    SetBreaks(Vec<f64>),
    /// A plain click on a city: selects it alone, or clears the selection if it
    /// was selected.
    SelectCity(String),
    /// Ctrl/⌘/Shift-click: adds the city, or removes it if it was selected.
    ToggleCity(String),
    /// The panel's city list.
    SetCities(Vec<String>),
    /// Shows a prefecture's counties, zoomed to it (`None`: back to the
    /// province).
    DrillInto(Option<String>),
    /// Draws a remediation layer over the map (`None`: no overlay); ignored
    /// for a layer that is not one.
    ChooseOverlay(Option<String>),
    /// Shows another period of the overlay (ignored if it has none such).
    ChooseOverlayPeriod(String),
    /// Chooses a measure, or un-chooses it if it was chosen.
    ToggleMeasure(String),
    /// The policy panel's theme filter (`None`: all).
    SetTheme(Option<String>),
    SetLang(Lang),
}

/// The newest period of an indicator's main run (since January before single
/// months): where a view of it starts.
pub fn latest_period(set: &IndicatorSet, indicator: &str) -> Option<String> {
    set.latest_period(indicator).map(|p| p.id.clone())
}

/// Whether `id` may be drawn over the map: one of the shipped remediation layers.
pub fn is_overlay(set: &IndicatorSet, id: &str) -> bool {
    crate::map::overlay::remediation_layers(set)
        .iter()
        .any(|i| i.id == id)
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
            within: None,
            overlay: None,
            overlay_period: None,
            measure: None,
            theme: None,
            embed: false,
            lang: Lang::Zh,
            words: Words::default(),
        }
    }

    /// Applies `action`; `set` is the data the view refers to. Returns whether
    /// the view changed.
    pub fn apply(&mut self, action: Action, set: &IndicatorSet) -> bool {
        let before = self.clone();
        match action {
            Action::ChooseIndicator(id) => {
                if set.indicator(&id).is_some() {
                    if !set.periods_of(&id).iter().any(|p| p.id == self.period) {
                        self.period = latest_period(set, &id).unwrap_or_default();
                    }
                    // A layer is not drawn over itself.
                    if self.overlay.as_ref() == Some(&id) {
                        self.overlay = None;
                        self.overlay_period = None;
                    }
                    self.indicator = id;
                }
            }
            Action::ChoosePeriod(p) => {
                if set.periods_of(&self.indicator).iter().any(|x| x.id == p) {
                    self.period = p;
                }
            }
            Action::SetMethod(m) => self.method = m,
            Action::SetClasses(n) => {
                if (MIN_CLASSES..=MAX_CLASSES).contains(&n) {
                    self.classes = n;
                }
            }
            Action::SetPalette(p) => self.palette = p,
            Action::SetBreaks(b) => self.manual = b,
            Action::SelectCity(code) => {
                self.cities = if self.cities.contains(&code) {
                    Vec::new()
                } else {
                    vec![code]
                };
            }
            Action::ToggleCity(code) => match self.cities.iter().position(|c| c == &code) {
                Some(i) => {
                    self.cities.remove(i);
                }
                None => self.cities.push(code),
            },
            Action::SetCities(cities) => {
                self.cities.clear();
                for c in cities {
                    if !self.cities.contains(&c) {
                        self.cities.push(c);
                    }
                }
            }
            Action::DrillInto(p) => self.within = p,
            Action::ChooseOverlay(id) => match id {
                Some(id) if is_overlay(set, &id) => {
                    if self.overlay.as_ref() != Some(&id) {
                        self.overlay_period = None;
                    }
                    self.overlay = Some(id);
                }
                Some(_) => {}
                None => {
                    self.overlay = None;
                    self.overlay_period = None;
                }
            },
            Action::ChooseOverlayPeriod(p) => {
                let has = |id: &String| set.periods_of(id).iter().any(|x| x.id == p);
                if self.overlay.as_ref().is_some_and(has) {
                    self.overlay_period = Some(p);
                }
            }
            Action::ToggleMeasure(id) => {
                self.measure = if self.measure.as_deref() == Some(id.as_str()) {
                    None
                } else {
                    Some(id)
                };
            }
            Action::SetTheme(t) => self.theme = t.filter(|t| !t.is_empty()),
            Action::SetLang(l) => self.lang = l,
        }
        *self != before
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
pub(crate) mod tests {
    use super::*;

    pub(crate) use crate::data::fixtures::indicators as set;

    #[test]
    fn default_is_the_rank_band_at_its_latest_period() {
        let v = ViewState::default_for(&set());
        assert_eq!(
            (v.indicator.as_str(), v.period.as_str()),
            ("air-rank", "2023-jan-nov")
        );
    }

    #[test]
    fn choosing_an_indicator_keeps_a_shared_period() {
        let s = set();
        let mut v = ViewState::default_for(&s);
        assert!(v.apply(Action::ChooseIndicator("air-index-change".into()), &s));
        assert_eq!(v.period, "2023-jan-nov", "the change layer has it too");
        assert!(v.apply(Action::ChooseIndicator("pm25".into()), &s));
        assert_eq!(v.period, "2023", "pm25 has not: its latest");
        assert!(!v.apply(Action::ChooseIndicator("nope".into()), &s));
        assert_eq!(v.indicator, "pm25");
    }

    #[test]
    fn periods_and_classes_must_exist() {
        let s = set();
        let mut v = ViewState::default_for(&s);
        assert!(
            !v.apply(Action::ChoosePeriod("2022".into()), &s),
            "the band has no 2022"
        );
        v.apply(Action::ChooseIndicator("pm25".into()), &s);
        assert!(v.apply(Action::ChoosePeriod("2022".into()), &s));
        assert!(!v.apply(Action::SetClasses(12), &s));
        assert!(v.apply(Action::SetClasses(3), &s));
        assert!(v.apply(Action::SetMethod(Method::Manual), &s));
        assert!(v.apply(Action::SetBreaks(vec![40.0]), &s));
        assert!(v.apply(Action::SetPalette(Palette::Viridis), &s));
        let c = v.classing();
        assert_eq!(
            (c.method, c.classes, c.manual),
            (Method::Manual, 3, vec![40.0])
        );
    }

    #[test]
    fn city_clicks_select_toggle_and_clear() {
        let s = set();
        let mut v = ViewState::default_for(&s);
        v.apply(Action::SelectCity("140100".into()), &s);
        v.apply(Action::ToggleCity("140200".into()), &s);
        assert_eq!(v.cities, vec!["140100", "140200"]);
        v.apply(Action::ToggleCity("140100".into()), &s);
        assert_eq!(v.cities, vec!["140200"]);
        v.apply(Action::SelectCity("140800".into()), &s);
        assert_eq!(v.cities, vec!["140800"], "a plain click selects alone");
        v.apply(Action::SelectCity("140800".into()), &s);
        assert!(v.cities.is_empty(), "clicking the selected city clears");
        v.apply(
            Action::SetCities(vec!["140100".into(), "140100".into(), "140200".into()]),
            &s,
        );
        assert_eq!(v.cities, vec!["140100", "140200"], "each city once");
    }

    #[test]
    fn only_a_remediation_layer_is_drawn_over_the_map() {
        let s = crate::data::fixtures::shipped_indicators();
        let mut v = ViewState::default_for(&s);
        assert!(!v.apply(Action::ChooseOverlay(Some("pm25".into())), &s));
        assert!(v.apply(Action::ChooseOverlay(Some("water-improvement".into())), &s));
        assert_eq!(v.overlay.as_deref(), Some("water-improvement"));
        assert!(v.apply(Action::ChooseOverlay(None), &s));
        assert_eq!(v.overlay, None);
        v.apply(Action::ChooseOverlay(Some("water-improvement".into())), &s);
        assert!(
            !v.apply(Action::ChooseOverlayPeriod("2023".into()), &s),
            "not its period"
        );
        assert!(v.apply(Action::ChooseOverlayPeriod("2017-q2".into()), &s));
        assert_eq!(v.overlay_period.as_deref(), Some("2017-q2"));
        v.apply(Action::ChooseIndicator("water-improvement".into()), &s);
        assert_eq!(
            (v.overlay, v.overlay_period),
            (None, None),
            "not over itself"
        );
    }

    #[test]
    fn measures_theme_and_language() {
        let s = set();
        let mut v = ViewState::default_for(&s);
        v.apply(Action::ToggleMeasure("air-signature".into()), &s);
        assert_eq!(v.measure.as_deref(), Some("air-signature"));
        v.apply(Action::ToggleMeasure("air-signature".into()), &s);
        assert_eq!(v.measure, None);
        v.apply(Action::SetTheme(Some("soil".into())), &s);
        assert_eq!(v.theme.as_deref(), Some("soil"));
        v.apply(Action::SetTheme(Some(String::new())), &s);
        assert_eq!(v.theme, None, "empty means all");
        assert!(v.apply(Action::SetLang(Lang::En), &s));
        assert!(
            !v.apply(Action::SetLang(Lang::En), &s),
            "no change, no history entry"
        );
    }

    #[test]
    fn words_are_one_line_of_text_cut_to_their_limit() {
        assert_eq!(
            Words::clean("  空气\n质量\t 排名 ", 80),
            (Some("空气 质量 排名".into()), false)
        );
        assert_eq!(Words::clean(" \n ", 80), (None, false));
        assert_eq!(
            Words::clean("<b>x</b>", 80),
            (Some("<b>x</b>".into()), false),
            "markup stays text"
        );
        let (cut, was) = Words::clean(&"长".repeat(100), 80);
        assert_eq!((cut.map(|c| c.chars().count()), was), (Some(80), true));
    }
}
