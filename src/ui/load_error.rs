//! The message shown when the map's data cannot be loaded, with a retry button.

use leptos::prelude::*;

use crate::error::Error;

/// An alert saying what failed, in words, and a button that loads again.
#[component]
pub fn LoadError(
    /// What went wrong.
    error: Error,
    /// Called when the person asks to try again.
    on_retry: Callback<()>,
    /// What could not be loaded, in Chinese and English (a sentence each).
    what: (&'static str, &'static str),
) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <p class="alert-title">
                <span class="zh">{what.0}</span> " " <span class="en">{what.1}</span>
            </p>
            {
                let t = error.text();
                view! { <p class="alert-detail"><span class="zh">{t.zh}</span> " " <span class="en">{t.en}</span></p> }
            }
            <button type="button" class="retry" on:click=move |_| on_retry.run(())><span class="zh">"重试 "</span> <span class="en">"Retry"</span></button>
        </div>
    }
}
