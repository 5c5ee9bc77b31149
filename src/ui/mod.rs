//! Leptos components, one per file. They wire signals to the pure core and hold
//! no logic of their own beyond that (`dom` holds the few DOM helpers they share).

pub mod breadcrumb;
pub mod city_detail;
pub mod classing_controls;
pub mod compare_view;
pub mod county_layer;
pub mod county_tag;
pub mod csv_import;
pub mod data_table;
pub mod dom;
pub mod embed_dialog;
pub mod export_tools;
pub mod footer;
pub mod full_map_link;
pub mod headline;
pub mod indicator_picker;
pub mod lang_toggle;
pub mod legend;
pub mod load_error;
pub mod loaded;
pub mod loading;
pub mod map_caption;
pub mod map_labels;
pub mod map_note;
pub mod map_title;
pub mod map_view;
pub mod markup_host;
pub mod menu;
pub mod notices;
pub mod overlay_picker;
pub mod policy_panel;
pub mod province_strip;
pub mod regions;
pub mod targets_view;
pub mod timeline;
pub mod tooltip;
