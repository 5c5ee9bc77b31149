//! The measures of the policy text beside the map: filtered by the selected
//! cities, theme, campaign and text; hovering or choosing a measure lights up the
//! places it targets; a related-indicator button switches the map.
//!
//! The list itself is HTML built by [`crate::html::measure_card`]; its events are
//! handled once on the list (delegation) rather than per card.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::indicators::IndicatorSet;
use crate::data::policies::{Filter, Policies};
use crate::format::escape;
use crate::html::measure_card;
use crate::i18n::Lang;
use crate::map::loaded::LoadedMap;
use crate::state::ViewState;

fn closest_attr(ev: &web_sys::Event, selector: &str, attr: &str) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(selector).ok().flatten()?.get_attribute(attr)
}

/// The policy panel.
#[component]
pub fn PolicyPanel(
    /// The measures.
    policies: Arc<Policies>,
    /// The indicator data (names of related indicators).
    set: Arc<IndicatorSet>,
    /// The boundaries (city names).
    map: Signal<Option<Arc<LoadedMap>>>,
    /// Cities chosen on the map or in the panel.
    selected: RwSignal<Vec<String>>,
    /// The map's view (a related indicator switches it).
    view: RwSignal<Option<ViewState>>,
    /// The measure under the pointer or focus.
    hover_measure: RwSignal<Option<String>>,
    /// The measure chosen with a click or Enter.
    chosen_measure: RwSignal<Option<String>>,
    /// The theme filter ("" for all).
    theme: RwSignal<String>,
) -> impl IntoView {
    let campaign = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let cities: Vec<(String, String, String)> = map
        .get_untracked()
        .map(|m| {
            m.boundaries
                .regions
                .iter()
                .map(|r| {
                    (
                        r.adcode.clone(),
                        r.short_name_zh().to_string(),
                        r.name_en.clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let city_names = StoredValue::new(cities.clone());
    let filter = move || Filter {
        cities: selected.get(),
        theme: Some(theme.get()).filter(|t| !t.is_empty()),
        campaign: Some(campaign.get()).filter(|c| !c.is_empty()),
        text: text.get(),
    };
    let p = policies.clone();
    let set_for_click = set.clone();
    let list_html = move || {
        let f = filter();
        let filtered = p.filter(&f);
        let chosen = chosen_measure.get();
        let city_name = |c: &str| {
            city_names.with_value(|cs| {
                cs.iter()
                    .find(|x| x.0 == c)
                    .map(|x| (x.1.clone(), x.2.clone()))
            })
        };
        let indicator_name = |i: &str| {
            set.indicator(i)
                .map(|i| (i.name_zh.clone(), i.name_en.clone()))
        };
        let card = |m: &crate::data::policies::Measure| {
            let html = measure_card(&p, m, &city_name, &indicator_name);
            if chosen.as_deref() == Some(m.id.as_str()) {
                html.replacen(
                    r#"<article class="measure""#,
                    r#"<article class="measure chosen" aria-current="true""#,
                    1,
                )
            } else {
                html
            }
        };
        let mut out = String::new();
        let total: usize = filtered
            .targeted
            .iter()
            .map(|(_, ms)| ms.len())
            .sum::<usize>()
            + filtered.province_wide.len();
        if !f.cities.is_empty() {
            let names: Vec<String> = f
                .cities
                .iter()
                .map(|c| city_name(c).map(|n| n.0).unwrap_or_else(|| c.clone()))
                .collect();
            out.push_str(&format!(r#"<p class="filter-note">针对 {} 的措施 <span class="en">Measures that name the selected cities</span></p>"#, escape(&names.join("、"))));
        }
        for (t, ms) in &filtered.targeted {
            out.push_str(&format!(
                r#"<section class="theme-group" data-theme="{}"><h3><span class="zh">{}</span> <span class="en">{}</span> <span class="count">{}</span></h3>"#,
                escape(&t.id),
                escape(&t.name_zh),
                escape(&t.name_en),
                ms.len()
            ));
            for m in ms {
                out.push_str(&card(m));
            }
            out.push_str("</section>");
        }
        if !filtered.province_wide.is_empty() {
            out.push_str(&format!(
                r#"<section class="theme-group province-group" data-group="province-wide"><h3><span class="zh">全省适用措施</span> <span class="en">Province-wide measures</span> <span class="count">{}</span></h3>"#,
                filtered.province_wide.len()
            ));
            for m in &filtered.province_wide {
                out.push_str(&card(m));
            }
            out.push_str("</section>");
        }
        if total == 0 {
            out.push_str(r#"<p class="hint"><span class="zh">没有符合条件的措施。</span> <span class="en">No measure matches.</span></p>"#);
        }
        out
    };
    let lang = move || {
        use_context::<Memo<Lang>>()
            .map(|l| l.get())
            .unwrap_or_default()
    };
    let theme_options = policies
        .themes
        .iter()
        .map(|t| {
            let n = policies.measures.iter().filter(|m| m.themes.contains(&t.id)).count();
            let (zh, en) = (t.name_zh.clone(), t.name_en.clone());
            view! { <option value=t.id.clone()>{move || format!("{} ({n})", lang().both(&zh, &en, " "))}</option> }
        })
        .collect_view();
    let campaign_options = policies
        .campaigns
        .iter()
        .map(|c| {
            let (zh, en) = (c.name_zh.clone(), c.name_en.clone());
            view! { <option value=c.id.clone()>{move || lang().both(&zh, &en, " ")}</option> }
        })
        .collect_view();
    let city_options = cities
        .into_iter()
        .map(|(code, zh, en)| {
            let c = code.clone();
            view! { <option value=code prop:selected=move || selected.with(|s| s.contains(&c))>{move || lang().both(&zh, &en, " ")}</option> }
        })
        .collect_view();
    let on_cities = move |ev: leptos::ev::Event| {
        let Some(sel) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let opts = sel.selected_options();
        let chosen: Vec<String> = (0..opts.length())
            .filter_map(|i| opts.item(i))
            .filter_map(|o| o.get_attribute("value"))
            .collect();
        selected.set(chosen);
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = closest_attr(&ev, "button[data-indicator]", "data-indicator") {
            view.update(|v| {
                if let Some(v) = v.as_mut() {
                    *v = v.with_indicator(&set_for_click, &id);
                }
            });
            return;
        }
        if closest_attr(&ev, "details, a", "class").is_some() {
            return;
        }
        if let Some(id) = closest_attr(&ev, "[data-measure]", "data-measure") {
            chosen_measure.update(|c| {
                *c = if c.as_deref() == Some(id.as_str()) {
                    None
                } else {
                    Some(id)
                }
            });
        }
    };
    view! {
        <section class="policy-panel" aria-label="政策措施 Measures">
            <h2><span class="zh">"政策措施 "</span> <span class="en">"Measures"</span></h2>
            <div class="policy-filters">
                <label class="control">
                    <span class="zh">"主题 "</span> <span class="en">"Theme"</span>
                    <select name="theme" prop:value=move || theme.get() on:change=move |ev| theme.set(event_target_value(&ev))>
                        <option value="">{let n = policies.measures.len(); move || format!("{} ({n})", lang().both("全部", "All", " "))}</option>
                        {theme_options}
                    </select>
                </label>
                <label class="control">
                    <span class="zh">"战役 "</span> <span class="en">"Campaign"</span>
                    <select name="campaign" on:change=move |ev| campaign.set(event_target_value(&ev))>
                        <option value="">{move || lang().both("全部", "All", " ")}</option>
                        {campaign_options}
                    </select>
                </label>
                <label class="control">
                    <span class="zh">"搜索 "</span> <span class="en">"Search"</span>
                    <input type="search" name="q" placeholder="臭氧 / ozone" on:input=move |ev| text.set(event_target_value(&ev)) />
                </label>
                <label class="control">
                    <span class="zh">"城市 "</span> <span class="en">"Cities"</span>
                    <select name="cities" multiple size="4" on:change=on_cities>{city_options}</select>
                </label>
            </div>
            <div
                class="measures"
                inner_html=list_html
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
                            chosen_measure.update(|c| *c = if c.as_deref() == Some(id.as_str()) { None } else { Some(id) });
                        }
                    }
                }
            ></div>
        </section>
    }
}
