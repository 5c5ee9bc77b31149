//! The boundaries as drawn: what the page needs of a boundary file once it is
//! projected (names, SVG paths, label points, bounds, the drawing's size, the
//! source and notice), as compact JSON. The build writes it from the GeoJSON
//! (`src/bin/prerender.rs`, with the same projection and layout the first view
//! uses), so the page fetches and parses only this: no GeoJSON reader, no
//! projection and no path building in the wasm.
//!
//! Counties are drawn in the prefectures' frame, so that they line up; a file of
//! shapes ([`write_shapes`]) holds them.

use serde::Serialize;

use super::layout::{shapes_in, MapLayout, Shape};
use super::loaded::LoadedMap;
use super::projection::{Bounds, Frame};
use crate::data::geo::{Boundaries, BoundaryMeta, Region};
use crate::data::json::{self, Json, Node, Wrong};
use crate::error::{Error, Problem};

/// One region as drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct DrawnRegion {
    adcode: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    name_zh: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    name_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    d: String,
    /// Label point, x and y in user units.
    label: [f64; 2],
    /// min x, min y, max x, max y in user units.
    bounds: [f64; 4],
}

/// A drawn boundary file.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct DrawnFile {
    width: f64,
    height: f64,
    meta: BoundaryMeta,
    regions: Vec<DrawnRegion>,
}

/// Coordinates are kept to 0.1 user unit (the drawing is 1000 units tall).
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn drawn(region: Option<&Region>, shape: &Shape) -> DrawnRegion {
    let b = &shape.bounds;
    DrawnRegion {
        adcode: shape.adcode.clone(),
        name_zh: region.map(|r| r.name_zh.clone()).unwrap_or_default(),
        name_en: region.map(|r| r.name_en.clone()).unwrap_or_default(),
        parent: region.and_then(|r| r.parent.clone()),
        d: shape.d.clone(),
        label: [round(shape.label.0), round(shape.label.1)],
        bounds: [b.min_x, b.min_y, b.max_x, b.max_y].map(round),
    }
}

/// The drawn file of a laid-out map.
pub fn write(map: &LoadedMap) -> String {
    let file = DrawnFile {
        width: map.layout.width,
        height: map.layout.height,
        meta: map.boundaries.meta.clone(),
        regions: map
            .layout
            .shapes
            .iter()
            .zip(&map.boundaries.regions)
            .map(|(s, r)| drawn(Some(r), s))
            .collect(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Other regions (counties) drawn in `frame`, as a file of shapes.
pub fn write_shapes(frame: &Frame, regions: &[Region], width: f64, height: f64) -> String {
    let file = DrawnFile {
        width,
        height,
        meta: BoundaryMeta::default(),
        regions: shapes_in(frame, regions)
            .iter()
            .zip(regions)
            .map(|(s, r)| drawn(Some(r), s))
            .collect(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

fn from_json<N: Node>(j: &Json<N>) -> Result<DrawnFile, Wrong> {
    let pair = |p: &Json<N>| p.as_number();
    Ok(DrawnFile {
        width: j.number("width")?,
        height: j.number("height")?,
        meta: j
            .opt_object("meta", |m| {
                Ok(BoundaryMeta {
                    source_zh: m.text("source_zh")?,
                    source_en: m.text("source_en")?,
                    notice_zh: m.text("notice_zh")?,
                    notice_en: m.text("notice_en")?,
                    approval_number: m.opt_text("approval_number")?,
                })
            })?
            .unwrap_or_default(),
        regions: j.list("regions", |r| {
            let label = r.list("label", pair)?;
            let bounds = r.list("bounds", pair)?;
            let (&[x, y], &[a, b, c, d]) = (&label[..], &bounds[..]) else {
                return Err(format!(
                    "{}: expected a label point and four bounds",
                    r.path_of("label")
                ));
            };
            Ok(DrawnRegion {
                adcode: r.text("adcode")?,
                name_zh: r.text_or_empty("name_zh")?,
                name_en: r.text_or_empty("name_en")?,
                parent: r.opt_text("parent")?,
                d: r.text("d")?,
                label: [x, y],
                bounds: [a, b, c, d],
            })
        })?,
    })
}

/// Reads a drawn file's parsed JSON.
fn read<N: Node>(file: &str, root: N) -> Result<DrawnFile, Error> {
    let f = json::read(file, root, from_json)?;
    if f.regions.is_empty() || !(f.width > 0.0 && f.height > 0.0) {
        return Err(Error::validation(file, Problem::NothingToDraw));
    }
    Ok(f)
}

fn shape(r: &DrawnRegion) -> Shape {
    let [min_x, min_y, max_x, max_y] = r.bounds;
    Shape {
        adcode: r.adcode.clone(),
        d: r.d.clone(),
        label: (r.label[0], r.label[1]),
        bounds: Bounds {
            min_x,
            min_y,
            max_x,
            max_y,
        },
    }
}

impl LoadedMap {
    /// Reads a drawn file (`file` names it in errors).
    pub fn from_drawn(file: &str, text: &str) -> Result<Self, Error> {
        Self::read_drawn(file, json::parse_text(file, text)?)
    }

    /// Reads a drawn file's parsed JSON.
    pub fn read_drawn<N: Node>(file: &str, root: N) -> Result<Self, Error> {
        let f = read(file, root)?;
        let shapes = f.regions.iter().map(shape).collect();
        let regions = f
            .regions
            .into_iter()
            .map(|r| Region {
                adcode: r.adcode,
                name_zh: r.name_zh,
                name_en: r.name_en,
                parent: r.parent,
                label: [r.label[0], r.label[1]],
                polygons: Vec::new(),
            })
            .collect();
        Ok(LoadedMap {
            boundaries: Boundaries {
                regions,
                meta: f.meta,
            },
            layout: MapLayout {
                width: f.width,
                height: f.height,
                shapes,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawn_file_round_trips_the_layout_and_names() {
        let text = include_str!("../../geo/shanxi-prefectures.geojson");
        let map = LoadedMap::parse("p.geojson", text).expect("shipped boundaries");
        let back = LoadedMap::from_drawn("p.json", &write(&map)).expect("drawn file");
        assert_eq!(back.layout.width, map.layout.width);
        assert_eq!(back.boundaries.meta, map.boundaries.meta);
        for (a, b) in back.layout.shapes.iter().zip(&map.layout.shapes) {
            assert_eq!((&a.adcode, &a.d), (&b.adcode, &b.d));
            assert!(
                (a.label.0 - b.label.0).abs() <= 0.05
                    && (a.bounds.max_y - b.bounds.max_y).abs() <= 0.05
            );
        }
        assert_eq!(back.names("140100"), map.names("140100"));
        assert!(back
            .boundaries
            .regions
            .iter()
            .all(|r| r.polygons.is_empty()));
    }

    #[test]
    fn counties_are_drawn_in_the_prefectures_frame() {
        let prefs = crate::data::geo::parse_boundaries(
            "p",
            include_str!("../../geo/shanxi-prefectures.geojson"),
        )
        .expect("p");
        let counties = crate::data::geo::parse_boundaries(
            "c",
            include_str!("../../geo/shanxi-counties.geojson"),
        )
        .expect("c");
        let (layout, frame) = MapLayout::fit(&prefs.regions).expect("layout");
        let drawn = LoadedMap::from_drawn(
            "c.json",
            &write_shapes(&frame, &counties.regions, layout.width, layout.height),
        )
        .expect("shapes");
        let shapes = &drawn.layout.shapes;
        assert_eq!(shapes.len(), 117);
        // Each county keeps its names and its prefecture.
        let pianguan: std::collections::BTreeSet<String> = ["140932".to_string()].into();
        let named = drawn.named(&pianguan);
        assert_eq!(named.len(), 1);
        assert_eq!(
            (named[0].name_zh.as_str(), named[0].parent.as_deref()),
            ("偏关县", Some("140900"))
        );
        // Every county lies inside the drawing.
        assert!(shapes
            .iter()
            .all(|s| s.bounds.min_x >= 0.0 && s.bounds.max_x <= layout.width + 0.1));
    }

    #[test]
    fn broken_files_are_errors_in_words() {
        assert!(matches!(
            LoadedMap::from_drawn("x.json", "<html>"),
            Err(Error::Json { .. })
        ));
        assert!(matches!(
            LoadedMap::from_drawn("x.json", r#"{"width": 1, "height": 1, "regions": []}"#),
            Err(Error::Validation { .. })
        ));
    }
}
