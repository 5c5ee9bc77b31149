//! The one loader: fetch a file and parse it, for every file the app reads.

use std::sync::Arc;

use crate::data::geo::parse_boundaries;
use crate::data::indicators::IndicatorSet;
use crate::data::policies::{Policies, PROVINCE};
use crate::error::{Error, Problem};
use crate::map::layout::Shape;
use crate::map::loaded::LoadedMap;
use crate::net::fetch_text;

/// Where the prefecture boundaries are served, relative to the page.
pub const PREFECTURES_URL: &str = "geo/shanxi-prefectures.geojson";
/// Where the indicator data is served, relative to the page.
pub const INDICATORS_URL: &str = "data/indicators.json";
/// Where the measures are served, relative to the page.
pub const POLICIES_URL: &str = "data/policies.json";
/// Where the county boundaries are served (loaded when a measure targets counties).
pub const COUNTIES_URL: &str = "geo/shanxi-counties.geojson";

/// Fetches `url` and parses it with `parse` (which gets the file's name and text).
pub async fn load<T>(
    url: &str,
    parse: impl FnOnce(&str, &str) -> Result<T, Error>,
) -> Result<T, Error> {
    let text = fetch_text(url).await?;
    parse(url, &text)
}

/// The prefecture boundaries, laid out for drawing.
pub async fn prefectures() -> Result<LoadedMap, Error> {
    load(PREFECTURES_URL, |file, text| {
        LoadedMap::new(parse_boundaries(file, text)?)
            .ok_or_else(|| Error::validation(file, Problem::NothingToDraw))
    })
    .await
}

/// The indicators and the measures, with the computed "measures per city" layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub indicators: Arc<IndicatorSet>,
    pub policies: Arc<Policies>,
}

/// Both data files, fetched at the same time, the count layer merged into the
/// indicators.
pub async fn dataset() -> Result<Dataset, Error> {
    let (indicators, policies) = futures::join!(
        load(INDICATORS_URL, IndicatorSet::parse),
        load(POLICIES_URL, Policies::parse)
    );
    let (mut indicators, policies) = (indicators?, policies?);
    let cities = policies
        .region(PROVINCE)
        .map(|r| r.prefectures.clone())
        .unwrap_or_default();
    indicators.merge(policies.count_indicator(&cities), POLICIES_URL)?;
    Ok(Dataset {
        indicators: Arc::new(indicators),
        policies: Arc::new(policies),
    })
}

/// The county outlines, drawn in `map`'s layout.
pub async fn counties(map: &LoadedMap) -> Result<Vec<Shape>, Error> {
    load(COUNTIES_URL, |file, text| {
        Ok(map
            .layout
            .shapes_for(&parse_boundaries(file, text)?.regions))
    })
    .await
}
