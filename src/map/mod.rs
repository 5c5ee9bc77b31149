//! Geometry for drawing: projection, fitting, layout and SVG paths. Pure, no web APIs.

pub mod bands;
pub mod choropleth;
pub mod classify;
pub mod drawn;
pub mod export;
pub mod layout;
pub mod loaded;
pub mod natural_breaks;
pub mod overlay;
pub mod palette;
pub mod path;
pub mod projection;
pub mod wrap;
