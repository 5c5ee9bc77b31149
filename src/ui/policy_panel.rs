//! The measures of the policy text beside the map: filtered by the selected
//! cities, theme, campaign and text; hovering or choosing a measure lights up the
//! places it targets; a related-indicator button switches the map.
//!
//! Groups and cards are keyed lists: filtering adds and removes cards, choosing
//! one only marks it, so focus and open details stay where they are. A card's
//! read-only content is built once by [`crate::html::measure_card`]; events are
//! handled once on the list (delegation) rather than per card.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::policies::{Filter, Policies};
use crate::html::{measure_card, measure_groups, MeasureGroup, PROVINCE_GROUP};
use crate::map::loaded::LoadedMap;
use crate::state::Action;
use crate::store::{use_store, Store};
use crate::ui::dom::{closest_attr, each_item, set_attr};

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
    let names = CityNames::of(&map);
    let p = policies.clone();
    let all_cards = Arc::new(cards(&policies, &names, store.data().as_deref()));
    // The list, rebuilt when the filter changes; choosing a card only marks it
    // (the effect below), so it stays the same element with its focus and
    // open details.
    let list = Memo::new(move |_| {
        let chosen = untrack(|| store.measure.get());
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
            measure_groups(&listed, chosen.as_deref())
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
    let names = StoredValue::new(names);
    let filter_note = move || {
        let chosen = store.cities.get();
        (!chosen.is_empty()).then(|| {
            let list: Vec<String> = chosen
                .iter()
                .map(|c| {
                    names.with_value(|n| n.get(c).map(|(zh, _)| zh.to_string()))
                        .unwrap_or_else(|| c.clone())
                })
                .collect();
            view! { <p class="filter-note"><span class="zh">"针对 " {list.join("、")} " 的措施 "</span> <span class="en">"Measures that name the selected cities"</span></p> }
        })
    };
    let empty = move || {
        groups.with(Vec::is_empty).then(|| view! {
            <p class="hint"><span class="zh">"没有符合条件的措施。"</span> " " <span class="en">"No measure matches."</span></p>
        })
    };
    let theme_options = policies
        .themes
        .iter()
        .map(|t| {
            let n = policies.measures.iter().filter(|m| m.themes.contains(&t.id)).count();
            let (zh, en) = (t.name_zh.clone(), t.name_en.clone());
            view! { <option value=t.id.clone()>{move || format!("{} ({n})", lang.get().both(&zh, &en, " "))}</option> }
        })
        .collect_view();
    let campaign_options = policies
        .campaigns
        .iter()
        .map(|c| {
            let (zh, en) = (c.name_zh.clone(), c.name_en.clone());
            view! { <option value=c.id.clone()>{move || lang.get().both(&zh, &en, " ")}</option> }
        })
        .collect_view();
    let name_of = move |code: &str| {
        names.with_value(|n| {
            n.get(code)
                .map(|(zh, en)| lang.get().pick(zh, en).to_string())
        })
    };
    // The selected cities as chips; each removes its city.
    let chips = move || {
        store
            .cities
            .get()
            .into_iter()
            .map(|code| {
                let name = name_of(&code).unwrap_or_else(|| code.clone());
                let label = format!("{} {name}", lang.get().pick("移除", "Remove"));
                view! {
                    <button type="button" class="chip city-chip" data-adcode=code.clone() aria-label=label
                        on:click=move |_| store.dispatch(Action::ToggleCity(code.clone()))>
                        {name} <span aria-hidden="true">" ×"</span>
                    </button>
                }
            })
            .collect_view()
    };
    // Adds a city (the map does the same with Ctrl/⌘/Shift-click).
    let add_options = names
        .with_value(|n| n.0.clone())
        .into_iter()
        .map(|(code, zh, en)| {
            let c = code.clone();
            view! {
                <option value=code hidden=move || store.cities.with(|s| s.contains(&c))>
                    {move || lang.get().both(&zh, &en, " ")}
                </option>
            }
        })
        .collect_view();
    let on_add = move |ev: leptos::ev::Event| {
        let Some(sel) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let code = sel.value();
        sel.set_value("");
        if !code.is_empty() {
            store.dispatch(Action::ToggleCity(code));
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = closest_attr(&ev, "button[data-indicator]", "data-indicator") {
            store.dispatch(Action::ChooseIndicator(id));
            return;
        }
        if closest_attr(&ev, "details, a", "class").is_some() {
            return;
        }
        if let Some(id) = closest_attr(&ev, "[data-measure]", "data-measure") {
            store.dispatch(Action::ToggleMeasure(id));
        }
    };
    let hover_measure = store.hover_measure;
    let total = policies.measures.len();
    view! {
        <section class="policy-panel" aria-label="政策措施 Measures">
            <h2><span class="zh">"政策措施 "</span> <span class="en">"Measures"</span></h2>
            <div class="policy-filters">
                <label class="control">
                    <span class="zh">"主题 "</span> <span class="en">"Theme"</span>
                    <select name="theme" prop:value=move || theme.get().unwrap_or_default() on:change=move |ev| store.dispatch(Action::SetTheme(Some(event_target_value(&ev))))>
                        <option value="">{move || format!("{} ({total})", lang.get().both("全部", "All", " "))}</option>
                        {theme_options}
                    </select>
                </label>
                <label class="control">
                    <span class="zh">"战役 "</span> <span class="en">"Campaign"</span>
                    <select name="campaign" on:change=move |ev| campaign.set(event_target_value(&ev))>
                        <option value="">{move || lang.get().both("全部", "All", " ")}</option>
                        {campaign_options}
                    </select>
                </label>
                <label class="control">
                    <span class="zh">"搜索 "</span> <span class="en">"Search"</span>
                    <input type="search" name="q" placeholder=move || lang.get().both("臭氧", "ozone", " / ") on:input=move |ev| text.set(event_target_value(&ev)) />
                </label>
                <div class="control city-filter">
                    <label for="add-city"><span class="zh">"城市 "</span> <span class="en">"Cities"</span></label>
                    <div class="chips" aria-live="polite">{chips}</div>
                    <select id="add-city" name="add-city" on:change=on_add>
                        <option value="">{move || lang.get().pick("＋ 添加 Add", "+ Add")}</option>
                        {add_options}
                    </select>
                </div>
            </div>
            <div
                class="measures"
                on:mouseover=move |ev| {
                    let id = closest_attr(&ev, "[data-measure]", "data-measure");
                    if hover_measure.get_untracked() != id {
                        hover_measure.set(id);
                    }
                }
                on:mouseleave=move |_| hover_measure.set(None)
                on:focusin=move |ev| hover_measure.set(closest_attr(&ev, "[data-measure]", "data-measure"))
                on:focusout=move |_| hover_measure.set(None)
                on:click=on_click
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        if let Some(id) = closest_attr(&ev, "article[data-measure]", "data-measure") {
                            store.dispatch(Action::ToggleMeasure(id));
                        }
                    }
                }
            >
                {filter_note}
                <div class="measure-groups" node_ref=list_root inner_html=move || list.get()></div>
                {empty}
            </div>
        </section>
    }
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
