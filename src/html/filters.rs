//! The policy panel's filters: theme, campaign, search, and the chosen cities
//! as removable chips with a select to add one.

use maud::html;

use crate::i18n::Lang;

/// An option of a filter: its value and its names.
pub struct Choice<'a> {
    pub value: &'a str,
    pub zh: &'a str,
    pub en: &'a str,
}

/// What the filters show.
pub struct PolicyFilters<'a> {
    /// Each theme with how many measures it has.
    pub themes: Vec<(Choice<'a>, usize)>,
    /// How many measures there are in all.
    pub total: usize,
    pub campaigns: Vec<Choice<'a>>,
    /// Every prefecture (its adcode as the value), in map order.
    pub cities: Vec<Choice<'a>>,
    pub theme: Option<&'a str>,
    pub campaign: &'a str,
    /// The search text (written as the field's value: the page does not redraw
    /// the filters while someone types).
    pub text: &'a str,
    pub lang: Lang,
}

/// The filters' markup: `select[name=theme]`, `select[name=campaign]`,
/// `input[name=q]`, the chips' live region `div.chips` (its content is
/// [`city_chips`], written by the page in place, so that a screen reader
/// hears a city added or removed) and `select[name=add-city]` with every
/// city (the page hides the chosen ones).
pub fn policy_filters(f: &PolicyFilters) -> String {
    let l = f.lang;
    let all = l.both("全部", "All", " ");
    html! {
        label.control {
            span.zh { "主题 " } " " span.en { "Theme" }
            select name="theme" {
                option value="" selected[f.theme.is_none()] { (all) " (" (f.total.to_string()) ")" }
                @for (t, n) in &f.themes {
                    option value=(t.value) selected[f.theme == Some(t.value)] { (l.both(t.zh, t.en, " ")) " (" (n.to_string()) ")" }
                }
            }
        }
        label.control {
            span.zh { "战役 " } " " span.en { "Campaign" }
            select name="campaign" {
                option value="" selected[f.campaign.is_empty()] { (all) }
                @for c in &f.campaigns {
                    option value=(c.value) selected[f.campaign == c.value] { (l.both(c.zh, c.en, " ")) }
                }
            }
        }
        label.control {
            span.zh { "搜索 " } " " span.en { "Search" }
            input type="search" name="q" value=(f.text) placeholder=(l.both("臭氧", "ozone", " / "));
        }
        div.control.city-filter {
            label for="add-city" { span.zh { "城市 " } " " span.en { "Cities" } }
            div.chips aria-live="polite" {}
            select #add-city name="add-city" {
                option value="" selected { (l.pick("＋ 添加 Add", "+ Add")) }
                @for c in &f.cities {
                    option value=(c.value) { (l.both(c.zh, c.en, " ")) }
                }
            }
        }
    }
    .into_string()
}

/// A `.city-chip[data-adcode]` button per chosen city (adcodes in the order
/// chosen), named from `cities`; each removes its city.
pub fn city_chips(chosen: &[String], cities: &[Choice], lang: Lang) -> String {
    html! {
        @for code in chosen {
            @let name = cities.iter().find(|c| c.value == code.as_str()).map_or(code.as_str(), |c| lang.pick(c.zh, c.en));
            button.chip.city-chip type="button" data-adcode=(code) aria-label={ (lang.pick("移除", "Remove")) " " (name) } {
                (name) span aria-hidden="true" { " ×" }
            }
        }
    }
    .into_string()
}

/// Above the list when cities are chosen: "针对 太原、大同 的措施".
pub fn filter_note(names_zh: &[&str]) -> String {
    if names_zh.is_empty() {
        return String::new();
    }
    html! {
        p.filter-note { span.zh { "针对 " (names_zh.join("、")) " 的措施 " } " " span.en { "Measures that name the selected cities" } }
    }
    .into_string()
}

/// In place of the list when no measure matches.
pub fn no_measure() -> &'static str {
    r#"<p class="hint"><span class="zh">没有符合条件的措施。</span> <span class="en">No measure matches.</span></p>"#
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filters<'a>(lang: Lang) -> PolicyFilters<'a> {
        PolicyFilters {
            themes: vec![(
                Choice {
                    value: "air",
                    zh: "蓝天",
                    en: "Blue skies",
                },
                7,
            )],
            total: 40,
            campaigns: vec![],
            cities: vec![
                Choice {
                    value: "140100",
                    zh: "太原",
                    en: "Taiyuan",
                },
                Choice {
                    value: "140800",
                    zh: "运城",
                    en: "Yuncheng",
                },
            ],
            theme: Some("air"),
            campaign: "",
            text: "臭氧\"",
            lang,
        }
    }

    #[test]
    fn the_filters_show_the_choices_made() {
        let s = policy_filters(&filters(Lang::Zh));
        assert!(
            s.contains(r#"<option value="air" selected>蓝天 Blue skies (7)</option>"#),
            "{s}"
        );
        assert!(
            s.contains(r#"<option value="">全部 All (40)</option>"#),
            "{s}"
        );
        assert!(s.contains(r#"value="臭氧&quot;""#), "{s}");
        assert!(
            s.contains(r#"<div class="chips" aria-live="polite"></div>"#),
            "{s}"
        );
        assert!(
            s.contains(r#"<option value="140100">太原 Taiyuan</option>"#),
            "{s}"
        );
        let en = policy_filters(&filters(Lang::En));
        assert!(
            en.contains("+ Add") && en.contains(">Blue skies (7)<"),
            "{en}"
        );
    }

    #[test]
    fn a_chip_names_its_city_and_says_it_removes_it() {
        let f = filters(Lang::Zh);
        let chosen = vec!["140800".to_string(), "149999".to_string()];
        let s = city_chips(&chosen, &f.cities, Lang::Zh);
        assert!(s.contains(r#"data-adcode="140800" aria-label="移除 运城">运城<span aria-hidden="true"> ×</span></button>"#), "{s}");
        // A code without a name is shown as it is.
        assert!(s.contains(r#"aria-label="移除 149999">149999<"#), "{s}");
        let en = city_chips(&chosen[..1], &f.cities, Lang::En);
        assert!(
            en.contains(r#"aria-label="Remove Yuncheng">Yuncheng"#),
            "{en}"
        );
    }

    #[test]
    fn the_note_names_the_chosen_cities() {
        assert_eq!(filter_note(&[]), "");
        assert!(filter_note(&["太原", "大同"]).contains("针对 太原、大同 的措施"));
    }
}
