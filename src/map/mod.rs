//! Geometry for drawing: projection, fitting, layout and SVG paths. Pure, no web APIs.

pub mod layout;
pub mod path;
pub mod projection;
