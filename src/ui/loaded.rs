//! A file's resource shown as the page needs it: a loading notice, an alert with
//! a retry button (which loads the file again), or the view built from it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::store::FileLoad;
use crate::ui::{load_error::LoadError, loading::Loading};

/// Shows `ready` once `file` has loaded.
#[component]
pub fn Loaded<T, V, F>(
    /// The file's resource.
    file: FileLoad<T>,
    /// Builds the view from the loaded file.
    ready: F,
    /// Show "Loading…" while it loads (otherwise nothing).
    #[prop(default = true)]
    loading: bool,
    /// Show the failure and a retry button (otherwise nothing).
    #[prop(default = true)]
    errors: bool,
    /// What the file is, for the failure's title (Chinese, English).
    #[prop(default = ("地图数据加载失败。", "The map data could not be loaded."))]
    what: (&'static str, &'static str),
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(Arc<T>) -> V + Send + Sync + 'static,
{
    let on_retry = Callback::new(move |()| file.retry());
    move || match file.get() {
        None => loading.then(|| view! { <Loading /> }).into_any(),
        Some(Err(error)) => errors
            .then(|| view! { <LoadError error on_retry what /> })
            .into_any(),
        Some(Ok(t)) => ready(t).into_any(),
    }
}
