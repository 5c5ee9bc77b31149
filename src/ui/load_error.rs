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
) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <p class="alert-title">
                <span class="zh">"地图数据加载失败。"</span> <span class="en">" The map data could not be loaded."</span>
            </p>
            {
                let t = error.text();
                view! { <p class="alert-detail"><span class="zh">{t.zh}</span> " " <span class="en">{t.en}</span></p> }
            }
            <button type="button" class="retry" on:click=move |_| on_retry.run(())><span class="zh">"重试 "</span> <span class="en">"Retry"</span></button>
        </div>
    }
}
