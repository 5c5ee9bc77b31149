//! A boundary file and its drawing, computed once per load.

use super::layout::{MapLayout, Shape};
use crate::data::geo::{parse_boundaries, Boundaries, Region};
use crate::error::{Error, Problem};

/// A drawn region with its names: a county over the prefecture map, which
/// shows its name on hover and focus and selects its prefecture on a click.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedShape {
    pub shape: Shape,
    pub name_zh: String,
    pub name_en: String,
    /// The prefecture's adcode.
    pub parent: Option<String>,
}

/// Boundaries and their drawing, computed once per load.
#[derive(Debug, Clone)]
pub struct LoadedMap {
    pub boundaries: Boundaries,
    pub layout: MapLayout,
}

impl LoadedMap {
    /// Lays out `boundaries`; `None` when there is nothing to draw.
    pub fn new(boundaries: Boundaries) -> Option<Self> {
        let layout = MapLayout::new(&boundaries.regions)?;
        Some(Self { boundaries, layout })
    }

    /// Parses a boundary file (`file` names it in errors) and lays it out.
    pub fn parse(file: &str, text: &str) -> Result<Self, Error> {
        Self::new(parse_boundaries(file, text)?)
            .ok_or_else(|| Error::validation(file, Problem::NothingToDraw))
    }

    /// The adcodes of the drawn regions, in drawing order.
    pub fn adcodes(&self) -> Vec<String> {
        self.boundaries
            .regions
            .iter()
            .map(|r| r.adcode.clone())
            .collect()
    }

    /// A region's shape and the region, by adcode.
    pub fn find(&self, adcode: &str) -> Option<(&Shape, &Region)> {
        let i = self
            .boundaries
            .regions
            .iter()
            .position(|r| r.adcode == adcode)?;
        Some((self.layout.shapes.get(i)?, &self.boundaries.regions[i]))
    }

    /// The drawn regions among `adcodes`, each with its names and prefecture
    /// (counties drawn over the prefecture map), in drawing order.
    pub fn named(&self, adcodes: &std::collections::BTreeSet<String>) -> Vec<NamedShape> {
        self.layout
            .shapes
            .iter()
            .zip(&self.boundaries.regions)
            .filter(|(s, _)| adcodes.contains(&s.adcode))
            .map(|(s, r)| NamedShape {
                shape: s.clone(),
                name_zh: r.name_zh.clone(),
                name_en: r.name_en.clone(),
                parent: r.parent.clone(),
            })
            .collect()
    }

    /// The drawn regions that are among `chosen` or within one of them (the
    /// counties of a chosen prefecture), in drawing order.
    pub fn members(&self, chosen: &[String]) -> Vec<String> {
        self.boundaries
            .regions
            .iter()
            .filter(|r| {
                chosen.contains(&r.adcode) || r.parent.as_ref().is_some_and(|p| chosen.contains(p))
            })
            .map(|r| r.adcode.clone())
            .collect()
    }

    /// The regions among `adcodes` alone, drawn as they are here (the
    /// counties of one prefecture, for its drill-down).
    pub fn subset(&self, adcodes: &[String]) -> LoadedMap {
        let (regions, shapes): (Vec<Region>, Vec<super::layout::Shape>) = self
            .boundaries
            .regions
            .iter()
            .zip(&self.layout.shapes)
            .filter(|(r, _)| adcodes.contains(&r.adcode))
            .map(|(r, s)| (r.clone(), s.clone()))
            .unzip();
        LoadedMap {
            boundaries: Boundaries {
                regions,
                meta: self.boundaries.meta.clone(),
            },
            layout: MapLayout {
                width: self.layout.width,
                height: self.layout.height,
                shapes,
            },
        }
    }

    /// The prefecture a drawn region belongs to: its parent, or itself.
    pub fn prefecture_of(&self, adcode: &str) -> String {
        self.boundaries
            .regions
            .iter()
            .find(|r| r.adcode == adcode)
            .and_then(|r| r.parent.clone())
            .unwrap_or_else(|| adcode.to_string())
    }

    /// A region's Chinese and English name, by adcode.
    pub fn names(&self, adcode: &str) -> Option<(String, String)> {
        self.boundaries
            .regions
            .iter()
            .find(|r| r.adcode == adcode)
            .map(|r| (r.name_zh.clone(), r.name_en.clone()))
    }
}
