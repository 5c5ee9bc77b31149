//! The footer: where the boundaries come from and the schematic-map notice, as
//! given by the boundary file itself (so swapped-in official boundaries bring
//! their own wording and approval number).

use leptos::prelude::*;

use crate::data::geo::BoundaryMeta;

/// Source line, notice and, where the data has one, the map approval number (审图号).
#[component]
pub fn Footer(
    /// The boundary file's metadata.
    meta: BoundaryMeta,
) -> impl IntoView {
    let approval = meta.approval_number.clone().map(|n| {
        view! { <p class="approval">"审图号 Map approval No.: " {n}</p> }
    });
    view! {
        <footer class="sources">
            <p class="source"><span class="zh">{meta.source_zh}</span> " " <span class="en">{meta.source_en}</span></p>
            <p class="notice"><span class="zh">{meta.notice_zh}</span> " " <span class="en">{meta.notice_en}</span></p>
            {approval}
        </footer>
    }
}
