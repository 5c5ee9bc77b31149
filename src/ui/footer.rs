//! The footer: where the boundaries come from and the schematic-map notice, as
//! given by the boundary file itself (so swapped-in official boundaries bring
//! their own wording and approval number). Its markup is
//! [`crate::html::boundary_notes`], as in the prerendered first view.

use leptos::prelude::*;

use crate::data::geo::BoundaryMeta;
use crate::html::boundary_notes;

/// Source line, notice and, where the data has one, the map approval number (审图号).
#[component]
pub fn Footer(
    /// The boundary file's metadata.
    meta: BoundaryMeta,
) -> impl IntoView {
    view! { <footer class="sources" inner_html=boundary_notes(&meta)></footer> }
}
