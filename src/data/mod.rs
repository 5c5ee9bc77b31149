//! Pure data: types, parsing and validation (no web APIs).

pub mod geo;
pub mod import;
pub mod indicators;
pub mod policies;
