//! The selected city's known values across all indicators, each with period,
//! scope and a link to its source.

use leptos::prelude::*;

use crate::html::{city_detail, city_detail_hint, strip_html};
use crate::i18n::Text;
use crate::present::describe::describe_city;
use crate::present::trend::{city_strip, same_scale};
use crate::store::use_store;

/// Everything published about the selected city; a hint when none is selected.
#[component]
pub fn CityDetail() -> impl IntoView {
    let store = use_store();
    let html = move || {
        let Some(code) = store.cities.with(|s| s.first().cloned()) else {
            return city_detail_hint();
        };
        let (zh, en) = store
            .map()
            .and_then(|m| m.names(&code))
            .unwrap_or_else(|| (code.clone(), code.clone()));
        let Some(set) = store.data() else {
            return String::new();
        };
        // The city's class in every period of the current indicator's run.
        let strip = store
            .shown
            .get()
            .zip(store.view(|v| v.classing()))
            .zip(store.map())
            .and_then(|(((indicator, period), classing), map)| {
                let ind = set.indicator(&indicator)?;
                let cells = city_strip(&set, &indicator, &period, &code, &classing, &map.adcodes());
                let city = Text::new(zh.clone(), en.clone());
                let lang = store.lang.get();
                Some((
                    Text::new(ind.name_zh.clone(), ind.name_en.clone()),
                    strip_html(&city, &cells, same_scale(&set, &indicator), lang),
                ))
            });
        city_detail(
            &zh,
            &en,
            strip.as_ref().map(|(n, m)| (n, m.as_str())),
            &describe_city(&set, &code),
        )
    };
    // On a phone the details are below the map and its legend: choosing a
    // city brings them into view (as little scrolling as that takes), not when
    // the page opens with cities chosen.
    let section = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |before: Option<()>| {
        let chosen = store.cities.with(|s| !s.is_empty());
        let narrow = window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 640.0);
        if let (Some(()), true, true, Some(el)) = (before, chosen, narrow, section.get()) {
            request_animation_frame(move || {
                let how = web_sys::ScrollIntoViewOptions::new();
                how.set_block(web_sys::ScrollLogicalPosition::Nearest);
                // Smooth unless the reader asked for reduced motion.
                let reduce = window()
                    .match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
                    .is_some_and(|m| m.matches());
                how.set_behavior(if reduce {
                    web_sys::ScrollBehavior::Instant
                } else {
                    web_sys::ScrollBehavior::Smooth
                });
                el.scroll_into_view_with_scroll_into_view_options(&how);
            });
        }
    });
    view! { <section class="city-detail" aria-live="polite" node_ref=section inner_html=html></section> }
}
