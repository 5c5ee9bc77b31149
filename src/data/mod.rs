//! Pure data: types, parsing and validation (no web APIs).

mod check;
pub mod dataset;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod geo;
pub mod import;
pub mod indicators;
pub mod json;
pub mod policies;
pub mod ring_check;
