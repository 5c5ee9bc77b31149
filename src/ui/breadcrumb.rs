//! Where the map is: the province, or one prefecture's counties (the
//! drill-down, URL `in`). With one city chosen it offers to show that city's
//! counties; drilled in, the province is one click back.

use leptos::prelude::*;

use crate::state::Action;
use crate::store::use_store;

/// The path from the province to the prefecture shown, or the way into the
/// chosen city's counties.
#[component]
pub fn Breadcrumb() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // A prefecture's names, from the map.
    let names = move |code: &str| {
        store
            .map()
            .and_then(|m| m.names(code))
            .unwrap_or_else(|| (code.to_string(), code.to_string()))
    };
    let drilled = move || {
        let p = store.within.get()?;
        let (zh, en) = names(&p);
        let here = lang
            .get()
            .both(&format!("{zh}（区县）"), &format!("{en} (counties)"), " ");
        Some(view! {
            <nav class="breadcrumb" aria-label="层级 Level">
                <button type="button" name="province" on:click=move |_| store.dispatch(Action::DrillInto(None))>
                    {move || lang.get().both("山西省", "Shanxi", " ")}
                </button>
                <span aria-hidden="true">" › "</span>
                <span aria-current="page">{here}</span>
            </nav>
        })
    };
    let offer = move || {
        if store.within.with(Option::is_some) {
            return None;
        }
        let code = store
            .cities
            .with(|c| (c.len() == 1).then(|| c[0].clone()))?;
        let (zh, en) = names(&code);
        let label = lang.get().both(
            &format!("查看{zh}的区县"),
            &format!("Show {en}'s counties"),
            " ",
        );
        Some(view! {
            <button type="button" name="drill" class="drill" on:click=move |_| store.dispatch(Action::DrillInto(Some(code.clone())))>
                {label}
            </button>
        })
    };
    view! { <div class="map-level">{drilled} {offer}</div> }
}
