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
            .then(|| view! { <LoadError error on_retry /> })
            .into_any(),
        Some(Ok(t)) => ready(t).into_any(),
    }
}
