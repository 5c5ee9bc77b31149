//! The two data files together: the indicators and the measures, with the
//! computed "measures that name the city" layer merged into the indicators.
//! The app builds it from the files it fetches, the prerender from the files on
//! disk, with this one function.

use std::sync::Arc;

use super::indicators::IndicatorSet;
use super::policies::{Policies, PROVINCE};
use crate::error::Error;

/// Where the indicator data is served, relative to the page (and where it lies
/// under `public/`).
pub const INDICATORS_FILE: &str = "data/indicators.json";
/// Where the measures are served, relative to the page.
pub const POLICIES_FILE: &str = "data/policies.json";

/// The indicators and the measures, with the computed count layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub indicators: Arc<IndicatorSet>,
    pub policies: Arc<Policies>,
}

/// `indicators` with the count layer of `policies` (how many measures name
/// each city) merged in.
pub fn with_count(indicators: &IndicatorSet, policies: &Policies) -> Result<IndicatorSet, Error> {
    let cities = policies
        .region(PROVINCE)
        .map(|r| r.prefectures.clone())
        .unwrap_or_default();
    let mut set = indicators.clone();
    set.merge(policies.count_indicator(&cities), POLICIES_FILE)?;
    Ok(set)
}

impl Dataset {
    /// Joins the parsed files: the count layer is computed from the measures
    /// and merged into the indicators.
    pub fn join(indicators: IndicatorSet, policies: Policies) -> Result<Self, Error> {
        Ok(Dataset {
            indicators: Arc::new(with_count(&indicators, &policies)?),
            policies: Arc::new(policies),
        })
    }

    /// Parses both files' texts and joins them.
    pub fn parse(indicators: &str, policies: &str) -> Result<Self, Error> {
        Self::join(
            IndicatorSet::parse(INDICATORS_FILE, indicators)?,
            Policies::parse(POLICIES_FILE, policies)?,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_files_join_with_the_count_layer() {
        let d = Dataset::parse(
            include_str!("../../public/data/indicators.json"),
            include_str!("../../public/data/policies.json"),
        )
        .expect("the shipped data parses");
        assert!(d.indicators.indicator("measure-count").is_some());
    }
}
