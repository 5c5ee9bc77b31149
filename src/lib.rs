//! shanxi-eco-map: a map of Shanxi province's environment.
//!
//! The crate is a pure core that compiles and is tested natively, and, with the
//! `web` feature (on by default), the parts that need a browser. Imports point one
//! way, bottom to top (`tests/layers.rs` checks it):
//!
//! 1. `i18n` (the two languages, bilingual text), `format` (numbers), `error`;
//! 2. `data`: the files' types, parsing and validation;
//! 3. `map`: projection, layout, classing, palettes, the choropleth, SVG export;
//! 4. `present`: data and classes in words and rows (tooltip, table, comparison);
//! 5. `state`: the view, its named actions and its URL;
//! 6. `html`: read-only markup fragments (escaped by default);
//! 7. web only: `net` (fetch), `store` (resources, the view signal, history),
//!    `ui` (one component per file), `app` (the root).

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
