//! A journalist's own title and subtitle over the map (URL `title` and
//! `subtitle`), shown as text, in the page and the embed; nothing when the
//! address gives none.

use leptos::prelude::*;

use crate::store::use_store;

/// The address's own title and subtitle, if any.
#[component]
pub fn Headline() -> impl IntoView {
    let store = use_store();
    let words = Memo::new(move |_| {
        store
            .view(|v| (v.words.title.clone(), v.words.subtitle.clone()))
            .unwrap_or_default()
    });
    move || {
        let (title, subtitle) = words.get();
        (title.is_some() || subtitle.is_some()).then(|| {
            view! {
                <div class="headline">
                    {title.map(|t| view! { <p class="headline-title">{t}</p> })}
                    {subtitle.map(|s| view! { <p class="headline-subtitle">{s}</p> })}
                </div>
            }
        })
    }
}
