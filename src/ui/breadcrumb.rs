//! Where the map is, when it is drilled into one prefecture's counties (URL
//! `in`): the province one click back. (The way in is a map tool, beside the
//! zoom: [`crate::ui::map_view`].)

use leptos::prelude::*;

use crate::state::Action;
use crate::store::use_store;

/// The path from the province to the prefecture shown.
#[component]
pub fn Breadcrumb() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let drilled = move || {
        let p = store.within.get()?;
        let (zh, en) = store.city_names(&p);
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
    view! { <div class="map-level">{drilled}</div> }
}
