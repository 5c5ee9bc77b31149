//! The name of the county under the pointer or focus, placed over the map at
//! the county's label point (HTML, so it keeps its size at any zoom).

use leptos::prelude::*;

use crate::format::fixed;
use crate::i18n::Lang;
use crate::map::layout::ViewBox;
use crate::store::use_store;

/// The hovered or focused county's name, in the map's language. Hidden from
/// assistive technology: the county's path has its own accessible name.
#[component]
pub fn CountyTag(
    /// The county under the pointer or keyboard focus.
    over: RwSignal<Option<String>>,
    /// The visible part of the drawing.
    view_box: Memo<ViewBox>,
) -> impl IntoView {
    let store = use_store();
    let tag = move || {
        let code = over.get()?;
        let county = store
            .counties
            .with(|cs| cs.iter().find(|c| c.shape.adcode == code).cloned())?;
        let (x, y) = view_box.with(|b| b.percent(county.shape.label));
        let name = if store.lang.get() == Lang::En {
            county.name_en
        } else {
            county.name_zh
        };
        Some(view! {
            <span
                class="county-tag"
                aria-hidden="true"
                style:left=format!("{}%", fixed(x, 3))
                style:top=format!("{}%", fixed(y, 3))
            >
                {name}
            </span>
        })
    };
    view! { {tag} }
}
