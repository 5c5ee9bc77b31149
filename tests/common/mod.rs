//! What the tests of the shipped files share: reading them from the repository
//! and parsing them, failing with the file's name and the error.

#![allow(dead_code)] // each test file uses its own part

use std::collections::BTreeSet;
use std::path::Path;

use shanxi_eco_map::data::geo::{parse_boundaries, Boundaries};
use shanxi_eco_map::data::indicators::IndicatorSet;
use shanxi_eco_map::data::policies::Policies;

/// A file of the repository, by its path relative to the root.
pub fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A boundary file, e.g. `geo/shanxi-prefectures.geojson`.
pub fn boundaries(rel: &str) -> Boundaries {
    parse_boundaries(rel, &read(rel)).unwrap_or_else(|e| panic!("{e}"))
}

/// The adcodes of a boundary file.
pub fn codes(rel: &str) -> BTreeSet<String> {
    boundaries(rel)
        .regions
        .into_iter()
        .map(|r| r.adcode)
        .collect()
}

pub const PREFECTURES: &str = "geo/shanxi-prefectures.geojson";
pub const COUNTIES: &str = "geo/shanxi-counties.geojson";

/// The shipped `public/data/indicators.json`.
pub fn indicators() -> IndicatorSet {
    IndicatorSet::parse("indicators.json", &read("public/data/indicators.json"))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The shipped `public/data/policies.json`.
pub fn policies() -> Policies {
    Policies::parse("policies.json", &read("public/data/policies.json"))
        .unwrap_or_else(|e| panic!("{e}"))
}
