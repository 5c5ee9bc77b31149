//! Leptos components, one per file. They wire signals to the pure core and hold
//! no logic of their own beyond that.

pub mod footer;
pub mod load_error;
pub mod loading;
pub mod map_labels;
pub mod map_view;
pub mod region_shape;
pub mod tooltip;
