//! The measures of the policy text beside the map: filtered by the selected
//! cities, theme, campaign and text; hovering or choosing a measure lights up the
//! places it targets; a related-indicator button switches the map.
//!
//! Groups and cards are keyed lists: filtering adds and removes cards, choosing
//! one only marks it, so focus and open details stay where they are. A card's
//! read-only content is built once by [`crate::html::measure_card`]; events are
//! handled once on the list (delegation) rather than per card.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::policies::{Filter, Policies};
use crate::html::{
    city_chips, filter_note, measure_card, measure_groups, no_measure, policy_filters, Choice,
    MeasureGroup, PolicyFilters, PROVINCE_GROUP,
};
use crate::map::loaded::LoadedMap;
use crate::state::Action;
use crate::store::{use_store, Store};
use crate::ui::dom::{closest_attr, each_item, set_attr};
use crate::ui::markup_host::{markup_host_at, markup_host_then};

/// The filtered measures as the panel shows them: (group key, measure ids).
fn groups(p: &Policies, f: &Filter) -> Vec<(String, Vec<String>)> {
    let filtered = p.filter(f);
    let ids = |ms: &[&crate::data::policies::Measure]| ms.iter().map(|m| m.id.clone()).collect();
    let mut out: Vec<(String, Vec<String>)> = filtered
        .targeted
        .iter()
        .map(|(t, ms)| (t.id.clone(), ids(ms)))
        .collect();
    if !filtered.province_wide.is_empty() {
        out.push((PROVINCE_GROUP.to_string(), ids(&filtered.province_wide)));
    }
    out
}

/// The policy panel.
#[component]
pub fn PolicyPanel() -> impl IntoView {
    let store = use_store();
    // Built once both the measures and the boundaries (city names) are there,
    // whichever arrives last.
    move || {
        let (policies, map) = (store.policies()?, store.map()?);
        Some(untrack(|| panel(store, policies, map)))
    }
}

/// The panel for loaded measures and boundaries.
fn panel(store: Store, policies: Arc<Policies>, map: Arc<LoadedMap>) -> impl IntoView {
    let lang = store.lang;
    let campaign = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let theme = Memo::new(move |_| store.view(|v| v.theme.clone()).flatten());
    let p = policies.clone();
    let groups = Memo::new(move |_| {
        groups(
            &p,
            &Filter {
                cities: store.cities.get(),
                theme: theme.get(),
                campaign: Some(campaign.get()).filter(|c| !c.is_empty()),
                text: text.get(),
            },
        )
    });
    let names = Arc::new(CityNames::of(&map));
    let p = policies.clone();
    let all_cards = Arc::new(cards(&policies, &names, store.data().as_deref()));
    // The list, rebuilt when the filter changes; choosing a card only marks it
    // (the effect below), so it stays the same element with its focus and
    // open details.
    let n = names.clone();
    let list = Memo::new(move |_| {
        let chosen = untrack(|| store.measure.get());
        let cities = store.cities.get();
        let named: Vec<&str> = cities
            .iter()
            .map(|c| n.get(c).map_or(c.as_str(), |(zh, _)| zh))
            .collect();
        groups.with(|gs| {
            let listed: Vec<MeasureGroup> = gs
                .iter()
                .map(|(key, ids)| {
                    let (name_zh, name_en) = if key == PROVINCE_GROUP {
                        ("全省适用措施", "Province-wide measures")
                    } else {
                        p.theme(key)
                            .map(|t| (t.name_zh.as_str(), t.name_en.as_str()))
                            .unwrap_or_default()
                    };
                    let cards = ids
                        .iter()
                        .filter_map(|id| {
                            all_cards
                                .iter()
                                .find(|c| &c.0 == id)
                                .map(|c| (c.0.as_str(), c.1.as_str()))
                        })
                        .collect();
                    MeasureGroup {
                        key,
                        name_zh,
                        name_en,
                        cards,
                    }
                })
                .collect();
            let empty = if gs.is_empty() { no_measure() } else { "" };
            format!(
                "{}<div class=\"measure-groups\">{}</div>{empty}",
                filter_note(&named),
                measure_groups(&listed, chosen.as_deref())
            )
        })
    });
    let list_root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        list.track();
        let chosen = store.measure.get();
        let Some(root) = list_root.get() else { return };
        each_item(&root, "measure", "data-measure", |c, id| {
            let on = chosen.as_deref() == Some(id);
            let _ = c.class_list().toggle_with_force("chosen", on);
            set_attr(c, "aria-current", on.then_some("true"));
        });
    });
    // The filters, redrawn when the language, the theme or the campaign
    // change (not as someone types: the search text is only written on a
    // redraw). The chosen cities are written in place after it (below).
    let total = policies.measures.len();
    let chip_names = names.clone();
    let filters = Signal::derive(move || {
        let l = lang.get();
        let theme = theme.get();
        let campaign = campaign.get();
        let text = text.get_untracked();
        let themes = policies
            .themes
            .iter()
            .map(|t| {
                let n = policies
                    .measures
                    .iter()
                    .filter(|m| m.themes.contains(&t.id))
                    .count();
                (choice(&t.id, &t.name_zh, &t.name_en), n)
            })
            .collect();
        let campaigns = policies
            .campaigns
            .iter()
            .map(|c| choice(&c.id, &c.name_zh, &c.name_en))
            .collect();
        let cities = names.choices();
        policy_filters(&PolicyFilters {
            themes,
            total,
            campaigns,
            cities,
            theme: theme.as_deref(),
            campaign: &campaign,
            text: &text,
            lang: l,
        })
    });
    // The chips in their live region, and the chosen cities hidden among
    // those to add: in place, so that a screen reader hears the change.
    let chips = move |el: &web_sys::Element| {
        let l = lang.get();
        let chosen = store.cities.get();
        let html = city_chips(&chosen, &chip_names.choices(), l);
        if let Ok(Some(box_)) = el.query_selector(".chips") {
            if box_.inner_html() != html {
                box_.set_inner_html(&html);
            }
        }
        if let Ok(Some(select)) = el.query_selector("select[name=add-city]") {
            let options = select.get_elements_by_tag_name("option");
            for i in 0..options.length() {
                let Some(o) = options.item(i) else { continue };
                let code = o.get_attribute("value").unwrap_or_default();
                let hide = !code.is_empty() && chosen.contains(&code);
                set_attr(&o, "hidden", hide.then_some(""));
            }
        }
    };
    let on_filter = move |ev: &web_sys::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let value = || event_target_value(ev);
        match (ev.type_().as_str(), target.get_attribute("name").as_deref()) {
            ("change", Some("theme")) => store.dispatch(Action::SetTheme(Some(value()))),
            ("change", Some("campaign")) => campaign.set(value()),
            ("change", Some("add-city")) => {
                let code = value();
                // Back to "+ Add", ready for the next city.
                if let Some(sel) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
                    sel.set_value("");
                }
                if !code.is_empty() {
                    store.dispatch(Action::ToggleCity(code));
                }
            }
            ("input", Some("q")) => text.set(value()),
            ("click", _) => {
                // A chip removes its city (the map adds one with
                // Ctrl/⌘/Shift-click, as the select does).
                if let Some(code) = closest_attr(ev, "button.city-chip", "data-adcode") {
                    store.dispatch(Action::ToggleCity(code));
                }
            }
            _ => {}
        }
    };
    let hover_measure = store.hover_measure;
    let on_list = move |ev: &web_sys::Event| {
        let measure = || closest_attr(ev, "[data-measure]", "data-measure");
        match ev.type_().as_str() {
            "mouseover" => {
                let id = measure();
                if hover_measure.get_untracked() != id {
                    hover_measure.set(id);
                }
            }
            "mouseleave" | "focusout" => hover_measure.set(None),
            "focusin" => hover_measure.set(measure()),
            "click" => {
                if let Some(id) = closest_attr(ev, "button[data-indicator]", "data-indicator") {
                    store.dispatch(Action::ChooseIndicator(id));
                    return;
                }
                if closest_attr(ev, "details, a", "class").is_some() {
                    return;
                }
                if let Some(id) = measure() {
                    store.dispatch(Action::ToggleMeasure(id));
                }
            }
            "keydown" => {
                let enter = ev
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Enter");
                if enter {
                    if let Some(id) = closest_attr(ev, "article[data-measure]", "data-measure") {
                        store.dispatch(Action::ToggleMeasure(id));
                    }
                }
            }
            _ => {}
        }
    };
    view! {
        <section class="policy-panel" aria-label="政策措施 Measures">
            <h2><span class="zh">"政策措施 "</span> <span class="en">"Measures"</span></h2>
            {markup_host_then(NodeRef::new(), "policy-filters", filters, Rc::new(on_filter), Some(Rc::new(chips)))}
            {markup_host_at(list_root, "measures", list.into(), Rc::new(on_list))}
        </section>
    }
}

/// A filter's option.
fn choice<'a>(value: &'a str, zh: &'a str, en: &'a str) -> Choice<'a> {
    Choice { value, zh, en }
}

/// (adcode, short Chinese name, English name) of every prefecture, in map order.
struct CityNames(Vec<(String, String, String)>);

impl CityNames {
    fn of(map: &LoadedMap) -> Self {
        Self(
            map.boundaries
                .regions
                .iter()
                .map(|r| {
                    (
                        r.adcode.clone(),
                        r.short_name_zh().to_string(),
                        r.name_en.clone(),
                    )
                })
                .collect(),
        )
    }

    /// Every prefecture as an option of the filters, in map order.
    fn choices(&self) -> Vec<Choice<'_>> {
        self.0.iter().map(|(c, zh, en)| choice(c, zh, en)).collect()
    }

    /// A prefecture's short Chinese and English name.
    fn get(&self, adcode: &str) -> Option<(&str, &str)> {
        self.0
            .iter()
            .find(|x| x.0 == adcode)
            .map(|x| (x.1.as_str(), x.2.as_str()))
    }
}

/// Every measure's card content, built once: (measure id, markup).
fn cards(
    p: &Arc<Policies>,
    names: &CityNames,
    set: Option<&crate::data::indicators::IndicatorSet>,
) -> Vec<(String, String)> {
    let city_name = |c: &str| {
        names
            .get(c)
            .map(|(zh, en)| (zh.to_string(), en.to_string()))
    };
    let indicator_name = |i: &str| {
        set.and_then(|s| s.indicator(i))
            .map(|i| (i.name_zh.clone(), i.name_en.clone()))
    };
    p.measures
        .iter()
        .map(|m| {
            (
                m.id.clone(),
                measure_card(p, m, &city_name, &indicator_name),
            )
        })
        .collect()
}
