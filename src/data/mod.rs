//! Pure data: types, parsing and validation (no web APIs).

pub mod geo;
pub mod indicators;
