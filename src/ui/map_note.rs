//! A journalist's own note under the map (URL `note`), shown as text, in the
//! page and the embed; nothing when the address gives none.

use leptos::prelude::*;

use crate::store::use_store;

/// The address's own note, if any.
#[component]
pub fn MapNote() -> impl IntoView {
    let store = use_store();
    let note = Memo::new(move |_| store.view(|v| v.words.note.clone()).flatten());
    move || note.get().map(|n| view! { <p class="map-note">{n}</p> })
}
