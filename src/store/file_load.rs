//! A file the app loads, as a signal: `None` while it loads, then the file or
//! why it failed, with a retry.
//!
//! Leptos' `LocalResource` does the same and more (suspense, async reading,
//! refetch on reactive inputs), but each resource type instantiates its async
//! machinery anew: measured on this app, the four file resources took 28 KB of
//! wasm (`ArcAsyncDerived`, `ScopedFuture`, `LocalResource` functions); this
//! plain signal plus `spawn_local` needs a fraction of it. The app never reads
//! a file asynchronously or under suspense, so nothing is lost.

use std::rc::Rc;
use std::sync::Arc;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::error::Error;

/// What a loader returns.
type Loaded<T> = Result<Arc<T>, Error>;

/// The loader of a file, kept to retry it.
type Loader<T> = Rc<dyn Fn() -> LocalBoxFuture<'static, Loaded<T>>>;

/// A file's loading state: `None` while loading (or before it started), then
/// the file or its error.
pub struct FileLoad<T: 'static> {
    state: RwSignal<Option<Loaded<T>>>,
    loader: StoredValue<Loader<T>, LocalStorage>,
    started: StoredValue<bool>,
}

impl<T: 'static> Clone for FileLoad<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for FileLoad<T> {}

impl<T: Send + Sync + 'static> FileLoad<T> {
    /// A file loaded by `load`, started now.
    pub fn new<F>(load: impl Fn() -> F + 'static) -> Self
    where
        F: std::future::Future<Output = Result<T, Error>> + 'static,
    {
        let file = Self::idle(load);
        file.start();
        file
    }

    /// A file loaded by `load`, started by [`FileLoad::start`].
    pub fn idle<F>(load: impl Fn() -> F + 'static) -> Self
    where
        F: std::future::Future<Output = Result<T, Error>> + 'static,
    {
        let loader: Loader<T> = Rc::new(move || {
            let f = load();
            Box::pin(async move { f.await.map(Arc::new) })
        });
        Self {
            state: RwSignal::new(None),
            loader: StoredValue::new_local(loader),
            started: StoredValue::new(false),
        }
    }

    /// Starts loading, once; later calls do nothing.
    pub fn start(&self) {
        if !self.started.get_value() {
            self.started.set_value(true);
            self.load();
        }
    }

    /// Loads the file again (after a failure).
    pub fn retry(&self) {
        self.started.set_value(true);
        self.load();
    }

    fn load(&self) {
        let Some(loader) = self.loader.try_with_value(Rc::clone) else {
            // The page dropped the store.
            return;
        };
        let state = self.state;
        state.set(None);
        leptos::task::spawn_local(async move {
            let loaded = loader().await;
            // The page may have dropped the store meanwhile.
            let _ = state.try_set(Some(loaded));
        });
    }

    /// The state, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&Option<Loaded<T>>) -> R) -> R {
        self.state.with(f)
    }

    /// The state, tracked (cloned: an `Arc` or an error).
    pub fn get(&self) -> Option<Loaded<T>> {
        self.state.get()
    }

    /// The loaded file, tracked; `None` while it loads or when it failed.
    pub fn ready(&self) -> Option<Arc<T>> {
        self.state.with(|f| f.as_ref()?.as_ref().ok().cloned())
    }
}
