//! The policy text's targets and progress ([`crate::html::targets_html`]):
//! each item's baseline and latest value, its target and deadline, its
//! measure (a click chooses it in the panel) and its source.

use leptos::prelude::*;

use crate::html::targets_html;
use crate::state::Action;
use crate::store::use_store;
use crate::ui::dom::closest_attr;

/// A section of cards under the province strip.
#[component]
pub fn TargetsView() -> impl IntoView {
    let store = use_store();
    let markup = move || {
        let set = store.data()?;
        let policies = store.policies();
        let title = |id: &str| {
            let m = policies.as_ref()?.measure(id)?;
            Some((m.title_zh.clone(), m.title_en.clone()))
        };
        Some(targets_html(&set, &title))
    };
    // A card's measure: chosen in the panel (its places light up on the
    // map) and brought into view there.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(id) = closest_attr(&ev, "button.measure-link", "data-measure") else {
            return;
        };
        if store.measure.get_untracked().as_deref() != Some(id.as_str()) {
            store.dispatch(Action::ToggleMeasure(id.clone()));
        }
        request_animation_frame(move || {
            let card = document()
                .query_selector(&format!(".panel article.measure[data-measure=\"{id}\"]"))
                .ok()
                .flatten();
            if let Some(card) = card {
                card.scroll_into_view();
            }
        });
    };
    view! {
        <section class="targets" aria-labelledby="targets-heading">
            <h2 id="targets-heading"><span class="zh">"目标与进展 "</span> <span class="en">"Targets and progress"</span></h2>
            <p class="hint">
                <span class="zh">"政策文本中的量化目标与已公布的进展；未公布的不作估计。"</span>
                " "
                <span class="en">"The policy text's quantified targets and the progress published; nothing unpublished is estimated."</span>
            </p>
            <div class="target-list" on:click=on_click inner_html=move || markup().unwrap_or_default()></div>
        </section>
    }
}
