//! The one loader: fetch a file and parse it, for every file the app reads.

use crate::data::indicators::IndicatorSet;
use crate::data::policies::Policies;
use crate::error::Error;
use crate::html::MAP_DATA_ID;
use crate::map::loaded::LoadedMap;
use crate::net::{fetch_text, inline_text, parse_json};

/// Where the prefecture boundaries are served, as drawn (`map::drawn`),
/// relative to the page.
pub const PREFECTURES_URL: &str = "geo/shanxi-prefectures.json";
pub use crate::data::dataset::{INDICATORS_FILE as INDICATORS_URL, POLICIES_FILE as POLICIES_URL};
/// Where the county boundaries are served, drawn in the prefectures' frame
/// (loaded when a measure targets counties).
pub const COUNTIES_URL: &str = "geo/shanxi-counties.json";

/// Fetches `url` and parses it with `parse` (which gets the file's name and text).
pub async fn load<T>(
    url: &str,
    parse: impl FnOnce(&str, &str) -> Result<T, Error>,
) -> Result<T, Error> {
    let text = fetch_text(url).await?;
    parse(url, &text)
}

/// The prefecture boundaries, laid out for drawing: from the page, where the
/// prerendered first view carries them ([`MAP_DATA_ID`]), else (a page
/// without them, or what they hold cannot be read) fetched.
pub async fn prefectures() -> Result<LoadedMap, Error> {
    let parse = |file: &str, text: &str| LoadedMap::read_drawn(file, parse_json(file, text)?);
    if let Some(Ok(map)) = inline_text(MAP_DATA_ID).map(|t| parse(PREFECTURES_URL, &t)) {
        return Ok(map);
    }
    load(PREFECTURES_URL, parse).await
}

/// The indicators.
pub async fn indicators() -> Result<IndicatorSet, Error> {
    load(INDICATORS_URL, |file, text| {
        IndicatorSet::read(file, parse_json(file, text)?)
    })
    .await
}

/// The measures.
pub async fn policies() -> Result<Policies, Error> {
    load(POLICIES_URL, |file, text| {
        Policies::read(file, parse_json(file, text)?)
    })
    .await
}

/// The county outlines, drawn in the prefectures' frame.
pub async fn counties() -> Result<LoadedMap, Error> {
    load(COUNTIES_URL, |file, text| {
        LoadedMap::read_drawn(file, parse_json(file, text)?)
    })
    .await
}
