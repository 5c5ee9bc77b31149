//! Small notices about parts of the URL that could not be used.

use leptos::prelude::*;

use crate::state::Notice;

/// A dismissable list of notices; nothing when there are none.
#[component]
pub fn Notices(
    /// What to tell the person.
    notices: RwSignal<Vec<Notice>>,
) -> impl IntoView {
    move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            let items = list.into_iter().map(|n| view! { <li><span class="zh">{n.zh}</span> " " <span class="en">{n.en}</span></li> }).collect_view();
            view! {
                <div class="notice" role="status">
                    <ul>{items}</ul>
                    <button type="button" class="dismiss" on:click=move |_| notices.set(Vec::new())><span class="zh">"知道了"</span> <span class="en">"OK"</span></button>
                </div>
            }
        })
    }
}
