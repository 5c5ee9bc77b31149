//! The period timeline as markup: the label of the period shown, a range input
//! over the periods of its run, the run's ends and, where an indicator has
//! several runs (since January, single months, other spans), a switch between
//! them. The live page and the prerendered first view draw it with this one
//! function.

use maud::{html, Markup};

use crate::data::indicators::{Period, Series};

/// An end label longer than this many characters (Chinese) may take a line
/// of its own ("2024年1—6月（省控断面）" is 16; "2023年1—11月" is 9).
const LONG_END: usize = 12;

/// What the timeline shows.
pub struct Timeline<'a> {
    /// The periods of the run shown, oldest first.
    pub stops: &'a [&'a Period],
    /// The position of the period shown in `stops`.
    pub index: usize,
    /// The indicator's runs; a switch is offered when there are two or more.
    pub runs: &'a [Series],
    /// The run shown.
    pub run: Option<Series>,
}

/// The classes of the timeline's element beyond `control timeline`, for a
/// run of `stops` periods of an indicator with `runs` runs: `single` (one
/// period in all: its name only), `one-stop` (one period in this run: the run
/// switch without a slider).
pub fn timeline_classes(stops: usize, runs: usize) -> (bool, bool) {
    (stops < 2 && runs < 2, stops < 2)
}

/// The period's label: Chinese with the English where it says more
/// ("2023年1—11月 · Jan–Nov 2023"), and "partial year" where it is one.
pub fn period_label(p: Option<&Period>) -> Markup {
    html! {
        @if let Some(p) = p {
            @match p.en_label() {
                Some(en) => { span.zh { (p.label_zh) " ·" } " " span.en { (en) } }
                None => { span.zh { (p.label_zh) } " " span.en-only { (p.label_en) } }
            }
            @if p.partial { " " span.partial { span.zh { "非全年 " } "partial year" } }
        }
    }
}

/// The words a screen reader gives for the slider's value.
pub fn value_text(p: &Period) -> String {
    match p.en_label() {
        Some(en) => format!("{} {en}", p.label_zh),
        None => p.label_zh.clone(),
    }
}

/// The timeline's content (its element is the page's): `output.period-label`,
/// `input#period[name=period]`, `.range-ends` with `button[name=series]`.
/// A `stand_in` (the prerendered first view) has its controls disabled and
/// unnamed, so that nothing answers before the app.
pub fn timeline(t: &Timeline, stand_in: bool) -> String {
    let shown = t.stops.get(t.index).copied();
    let ends: Vec<&Period> = [t.stops.first(), t.stops.last()]
        .into_iter()
        .flatten()
        .copied()
        .collect();
    let long = ends.iter().any(|p| p.label_zh.chars().count() > LONG_END);
    let end = |p: &Period| {
        html! {
            span aria-hidden="true" {
                span.zh { (p.label_zh) } " "
                @match p.en_label() { Some(en) => { span.en { (en) } } None => { span.en-only { (p.label_en) } } }
            }
        }
    };
    let (id, name) = if stand_in {
        (None, None)
    } else {
        (Some("period"), Some("period"))
    };
    html! {
        label for=[id] { span.zh { "时段 " } " " span.en { "Period" } }
        output.period-label for=[id] { (period_label(shown)) }
        input type="range" id=[id] name=[name] disabled[stand_in] tabindex=[stand_in.then_some("-1")]
            min="0" max=(t.stops.len().saturating_sub(1).to_string()) step="1"
            value=(t.index.to_string()) aria-valuetext=[shown.map(value_text)];
        div.range-ends.long[long] {
            @if let Some(first) = ends.first() { (end(first)) }
            @if t.runs.len() > 1 {
                span.series role="group" aria-label="时段类型 Kind of period" {
                    @for s in [Series::SinceJanuary, Series::Other, Series::Month] {
                        @if t.runs.contains(&s) {
                            @let text = s.text();
                            button type="button" name=[(!stand_in).then_some("series")] value=(s.id())
                                disabled[stand_in] tabindex=[stand_in.then_some("-1")]
                                aria-pressed=(if t.run == Some(s) { "true" } else { "false" }) {
                                span.zh { (text.zh) } " " span.en { (text.en) }
                            }
                        }
                    }
                }
            }
            @if let Some(last) = ends.get(1) { (end(last)) }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::indicators as set;

    #[test]
    fn the_live_timeline_names_its_controls_and_the_stand_in_disables_them() {
        let set = set();
        let runs = set.series_of("pm25");
        let stops = set.periods_in("pm25", runs[0]);
        let t = Timeline {
            stops: &stops,
            index: 1,
            runs: &runs,
            run: Some(runs[0]),
        };
        let live = timeline(&t, false);
        assert!(live.contains(r#"<input type="range" id="period" name="period" min="0" max="1" step="1" value="1" aria-valuetext="2023年">"#), "{live}");
        assert!(
            live.contains(
                r#"<output class="period-label" for="period"><span class="zh">2023年</span>"#
            ),
            "{live}"
        );
        // One run: no switch.
        assert!(!live.contains("series"), "{live}");
        let stand_in = timeline(&t, true);
        assert!(
            stand_in.contains(r#"<input type="range" disabled tabindex="-1""#),
            "{stand_in}"
        );
        assert!(
            !stand_in.contains("name=") && !stand_in.contains("for="),
            "{stand_in}"
        );
    }

    #[test]
    fn a_partial_period_says_so_and_its_english_adds_to_the_chinese() {
        let set = set();
        let p = set.period("2023-jan-nov");
        let label = period_label(p).into_string();
        assert!(
            label.contains("2023年1—11月 ·</span> <span class=\"en\">Jan–Nov 2023"),
            "{label}"
        );
        assert!(label.contains("partial year"), "{label}");
        assert_eq!(value_text(p.unwrap()), "2023年1—11月 Jan–Nov 2023");
        assert_eq!(timeline_classes(1, 1), (true, true));
        assert_eq!(timeline_classes(1, 2), (false, true));
        assert_eq!(timeline_classes(3, 1), (false, false));
    }
}
