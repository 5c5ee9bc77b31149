//! Small notices: parts of the URL that could not be used, files that failed.

use leptos::prelude::*;

use crate::store::use_store;

/// A dismissable list of notices; nothing when there are none.
#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    move || {
        let list = store.notices();
        // A file that failed (the county boundaries) can be loaded again.
        let retry = store.counties_failed().then(|| {
            view! {
                <button type="button" class="retry" on:click=move |_| store.retry_counties()>
                    <span class="zh">"重试 "</span> <span class="en">"Retry"</span>
                </button>
            }
        });
        (!list.is_empty()).then(|| {
            let items = list.into_iter().map(|n| view! { <li><span class="zh">{n.zh}</span> " " <span class="en">{n.en}</span></li> }).collect_view();
            view! {
                <div class="notice" role="status">
                    <ul>{items}</ul>
                    {retry}
                    <button type="button" class="dismiss" on:click=move |_| store.dismiss_notices()><span class="zh">"知道了 "</span> <span class="en">"OK"</span></button>
                </div>
            }
        })
    }
}
