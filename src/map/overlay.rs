//! A remediation layer drawn over the pollution colours: one circle per city,
//! its size the city's class (graduated symbols), so that both layers read at
//! once ("where the air is worst, is the water improving?"), each on the
//! city's name point (the name drawn over it). Pure: the map,
//! its legend and the exports draw the result.
//!
//! Caveats: sizes are classes, not values (three classes, the choropleth's
//! own classing, so the legend gives each size's range); a city ranked
//! without a published value gets the smallest circle filled with the
//! "not published" dots, and a city without data gets no circle at all. The
//! overlay's period is its own: the main layer's when the overlay has it, else
//! its newest, and the legend says which.

use super::choropleth::{choropleth, Classing, LegendEntry, NO_DATA, UNPUBLISHED};
use super::layout::MapLayout;
use super::palette::UNPUBLISHED_PATTERN;
use crate::data::indicators::{Indicator, IndicatorSet, Kind};
use crate::format::fixed;
use crate::i18n::Text;
use maud::{html, Markup};

/// How far below a city's name point its circle's centre sits, in radii.
const DROP: f64 = 0.6;

/// Number of circle sizes.
pub const SIZES: usize = 3;
/// Radius of the smallest circle, and what each class adds, in map units
/// (the drawing is 1000 units tall).
const R0: f64 = 18.0;
const STEP: f64 = 10.0;

/// One city's circle.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub adcode: String,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// Ranked without a published value: filled with the dots.
    pub unpublished: bool,
}

/// A legend row: a circle of radius `r` (or none, for no data) and what it
/// stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct OverlayEntry {
    pub r: Option<f64>,
    pub unpublished: bool,
    pub label: Text,
    pub count: usize,
}

/// The overlay of one remediation layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    pub indicator: String,
    pub period: String,
    pub name: Text,
    pub period_label: Text,
    pub marks: Vec<Mark>,
    pub legend: Vec<OverlayEntry>,
    /// What the overlay's legend must say (as the choropleth's notes).
    pub notes: Vec<(String, String)>,
}

/// The layers that may be drawn over another: remediation layers of the
/// shipped data (a person's own table is shown as the main layer).
pub fn remediation_layers(set: &IndicatorSet) -> Vec<&Indicator> {
    set.indicators
        .iter()
        .filter(|i| i.remediation && !i.user)
        .collect()
}

/// The period the overlay `indicator` shows beside the main layer's `period`:
/// the one asked for if it has it, else the main layer's if it has that, else
/// its newest.
pub fn overlay_period(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    asked: Option<&str>,
) -> Option<String> {
    let periods = set.periods_of(indicator);
    for p in asked.into_iter().chain([period]) {
        if periods.iter().any(|x| x.id == p) {
            return Some(p.to_string());
        }
    }
    set.latest_period(indicator).map(|p| p.id.clone())
}

/// The radius of class `c` (0 = the lowest values).
fn radius(c: usize) -> f64 {
    R0 + STEP * c as f64
}

/// The overlay of `indicator` beside the main layer's `period` (in the
/// period `asked`, if it has it), over the regions of `layout`. `None` if
/// the indicator is unknown or has no period.
pub fn overlay(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    asked: Option<&str>,
    layout: &MapLayout,
) -> Option<Overlay> {
    let ind = set.indicator(indicator)?;
    let period = overlay_period(set, indicator, period, asked)?;
    let per = set.period(&period)?;
    let adcodes: Vec<String> = layout.shapes.iter().map(|s| s.adcode.clone()).collect();
    let classing = Classing {
        classes: SIZES,
        ..Classing::default()
    };
    let fills = choropleth(set, indicator, &period, &classing, &adcodes);
    // Class ids in legend order; a circle's size is its class's place.
    let classes: Vec<&LegendEntry> = fills
        .legend
        .iter()
        .filter(|e| e.class != NO_DATA && e.class != UNPUBLISHED)
        .collect();
    let size_of = |class: &str| classes.iter().position(|e| e.class == class);
    // Categories have no size: one circle for all.
    let numeric = ind.kind == Kind::Numeric;
    let r_of = |class: &str| {
        if class == UNPUBLISHED {
            Some(radius(0))
        } else {
            size_of(class).map(|c| radius(if numeric { c } else { 0 }))
        }
    };
    let marks = layout
        .shapes
        .iter()
        .filter_map(|s| {
            let f = fills.fills.get(&s.adcode)?;
            let r = r_of(&f.class)?;
            Some(Mark {
                adcode: s.adcode.clone(),
                // Just below the city's name point, well inside the city (a
                // circle above the name sat on borders); the page lifts the
                // name to sit on top of it.
                x: s.label.0,
                y: s.label.1 + DROP * r,
                r,
                unpublished: f.class == UNPUBLISHED,
            })
        })
        .collect();
    let legend = fills
        .legend
        .iter()
        .filter(|e| e.count > 0 || e.class == NO_DATA)
        .map(|e| OverlayEntry {
            r: r_of(&e.class),
            unpublished: e.class == UNPUBLISHED,
            label: Text::new(
                if e.class == NO_DATA {
                    "无数据（无圆）".to_string()
                } else {
                    e.label_zh.clone()
                },
                if e.class == NO_DATA {
                    "No data (no circle)".to_string()
                } else {
                    e.label_en.clone()
                },
            ),
            count: e.count,
        })
        .collect();
    Some(Overlay {
        indicator: indicator.to_string(),
        period: period.clone(),
        name: Text::new(ind.name_zh.clone(), ind.name_en.clone()),
        period_label: per.full(),
        marks,
        legend,
        notes: fills.notes,
    })
}

/// The circles' ink: dark blue, apart from every colour of the palettes.
pub const INK: &str = "#17324d";
/// The overlay's circles as an SVG group, drawn with presentation attributes
/// (no style attributes: the page's Content-Security-Policy blocks them).
/// `stroke` is the white ring's width in map units.
pub fn marks(o: &Overlay, stroke: f64) -> Markup {
    let dots = format!("url(#{UNPUBLISHED_PATTERN})");
    html! {
        g.overlay-marks data-overlay=(o.indicator) aria-hidden="true" {
            @for m in &o.marks {
                circle.overlay-mark.unpublished[m.unpublished] data-adcode=(m.adcode)
                    cx=(fixed(m.x, 1)) cy=(fixed(m.y, 1)) r=(fixed(m.r, 1))
                    fill=(if m.unpublished { dots.as_str() } else { INK })
                    fill-opacity=(if m.unpublished { "1" } else { "0.9" })
                    stroke=(if m.unpublished { INK } else { "#ffffff" })
                    stroke-width=(fixed(stroke, 1)) {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> IndicatorSet {
        crate::data::fixtures::indicators()
    }

    #[test]
    fn the_count_of_measures_is_a_remediation_layer_in_the_fixture() {
        let s = set();
        let ids: Vec<&str> = remediation_layers(&s)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert!(ids
            .iter()
            .all(|id| s.indicator(id).is_some_and(|i| i.remediation)));
    }

    #[test]
    fn circles_grow_with_the_class_and_skip_cities_without_data() {
        let text = r#"{
          "sources": [{"id": "S", "outlet": "o", "title": "t", "date": "2018"}],
          "periods": [
            {"id": "q1", "label_zh": "一季度", "label_en": "Q1", "start": "2018-01", "end": "2018-03", "partial": true},
            {"id": "2023", "label_zh": "2023年", "label_en": "2023", "start": "2023-01", "end": "2023-12", "partial": false}],
          "indicators": [
            {"id": "better", "name_zh": "改善", "name_en": "Improvement", "kind": "numeric", "lower_is_better": false, "remediation": true},
            {"id": "pm25", "name_zh": "PM2.5", "name_en": "PM2.5", "kind": "numeric"}],
          "observations": [
            {"indicator": "better", "adcode": "140100", "period": "q1", "value": 12.56, "source": "S", "rank": {"position": [1, 1], "of": 11, "from": "top"}},
            {"indicator": "better", "adcode": "140200", "period": "q1", "value": 11.67, "source": "S", "rank": {"position": [2, 2], "of": 11, "from": "top"}},
            {"indicator": "better", "adcode": "140800", "period": "q1", "value": 10.67, "source": "S", "rank": {"position": [3, 3], "of": 11, "from": "top"}},
            {"indicator": "better", "adcode": "141100", "period": "q1", "value": null, "source": "S", "rank": {"position": [11, 11], "of": 11, "from": "top"}},
            {"indicator": "pm25", "adcode": "140100", "period": "2023", "value": 41, "source": "S"}
          ]}"#;
        let s = IndicatorSet::parse("t", text).expect("valid");
        assert_eq!(remediation_layers(&s).len(), 1);
        let regions = crate::data::fixtures::prefectures();
        let layout = MapLayout::new(&regions).expect("layout");
        // Over 2023's PM2.5: the improvement layer has no 2023, so its own newest.
        assert_eq!(
            overlay_period(&s, "better", "2023", None).as_deref(),
            Some("q1")
        );
        assert_eq!(
            overlay_period(&s, "better", "2023", Some("nope")).as_deref(),
            Some("q1")
        );
        let o = overlay(&s, "better", "2023", None, &layout).expect("overlay");
        assert_eq!(o.period, "q1");
        assert_eq!(o.period_label.en, "Q1");
        let r = |code: &str| o.marks.iter().find(|m| m.adcode == code).map(|m| m.r);
        let (a, b, c) = (r("140100"), r("140200"), r("140800"));
        assert!(
            a > b && b > c,
            "more improvement, bigger circle: {a:?} {b:?} {c:?}"
        );
        let last = o
            .marks
            .iter()
            .find(|m| m.adcode == "141100")
            .expect("ranked last");
        assert!(last.unpublished && Some(last.r) == c.map(|_| radius(0)));
        assert_eq!(o.marks.len(), 4);
        let shape = layout
            .shapes
            .iter()
            .find(|s| s.adcode == "140100")
            .expect("Taiyuan");
        let m = o.marks.iter().find(|m| m.adcode == "140100").expect("mark");
        assert!(
            m.x == shape.label.0 && m.y > shape.label.1 && m.y - m.r < shape.label.1,
            "just under the name point, covering it"
        );
        let rows: Vec<(&str, usize, bool)> = o
            .legend
            .iter()
            .map(|e| (e.label.en.as_str(), e.count, e.r.is_some()))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("10.67 – 11.34", 1, true),
                ("11.34 – 11.97", 1, true),
                ("11.97 – 12.56", 1, true),
                ("Ranked, value not published", 1, true),
                ("No data (no circle)", 0, false)
            ]
        );
    }
}
