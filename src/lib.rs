//! shanxi-eco-map: a map of Shanxi province's environment.
//!
//! The crate is a pure core (`data`, `map`) that compiles and is tested natively,
//! and, with the `web` feature (on by default), the Leptos components in `ui`, the
//! root component in `app` and the fetch helper in `net`, which only wire signals
//! and browser APIs to that core.

pub mod data;
pub mod error;
pub mod format;
pub mod html;
pub mod i18n;
pub mod map;
pub mod present;
pub mod state;

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod net;
#[cfg(feature = "web")]
pub mod store;
#[cfg(feature = "web")]
pub mod ui;
