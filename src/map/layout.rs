//! The drawing of a set of regions: one projection and frame, and each region's
//! path and label position. Computed once per boundary file; changing what the map
//! shows (colours, selection) never recomputes it.

use super::path::svg_path;
use super::projection::{Albers, Bounds, Frame};
use crate::data::geo::Region;
use crate::format::fixed;

/// Height of the map's drawing in SVG user units; the SVG scales to its box.
pub const CONTENT_HEIGHT: f64 = 1000.0;
/// Margin around the drawing, in user units.
pub const MARGIN: f64 = 8.0;

/// One region ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub adcode: String,
    /// SVG path data in the layout's user units.
    pub d: String,
    /// Label position in user units.
    pub label: (f64, f64),
}

/// All regions projected into one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub frame: Frame,
    pub shapes: Vec<Shape>,
}

impl MapLayout {
    /// Projects `regions` with the Shanxi Albers projection, fitted to their
    /// extent. `None` if there is nothing to draw.
    pub fn new(regions: &[Region]) -> Option<Self> {
        let projection = Albers::shanxi();
        let mut bounds = Bounds::empty();
        for [lon, lat] in regions
            .iter()
            .flat_map(|r| r.polygons.iter().flatten().flatten())
        {
            bounds.extend(projection.project(*lon, *lat));
        }
        let frame = Frame::fit_height(projection, bounds, CONTENT_HEIGHT, MARGIN)?;
        let shapes = regions
            .iter()
            .map(|r| Shape {
                adcode: r.adcode.clone(),
                d: svg_path(&r.polygons, &frame),
                label: frame.to_screen(r.label[0], r.label[1]),
            })
            .collect();
        Some(Self { frame, shapes })
    }

    /// Other regions (e.g. counties) drawn in this layout's frame, so that they
    /// line up with its shapes.
    pub fn shapes_for(&self, regions: &[Region]) -> Vec<Shape> {
        regions
            .iter()
            .map(|r| Shape {
                adcode: r.adcode.clone(),
                d: svg_path(&r.polygons, &self.frame),
                label: self.frame.to_screen(r.label[0], r.label[1]),
            })
            .collect()
    }

    /// The SVG `viewBox` attribute value.
    pub fn view_box(&self) -> String {
        format!(
            "0 0 {} {}",
            fixed(self.frame.width, 1),
            fixed(self.frame.height, 1)
        )
    }

    /// Width over height of the drawing.
    pub fn aspect(&self) -> f64 {
        self.frame.width / self.frame.height
    }

    /// A point of the drawing as percentages of its width and height, for placing
    /// HTML (labels, tooltips) over the SVG at any rendered size.
    pub fn percent(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x / self.frame.width * 100.0, y / self.frame.height * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(adcode: &str, x0: f64, y0: f64) -> Region {
        Region {
            adcode: adcode.into(),
            name_zh: "甲".into(),
            name_en: "A".into(),
            parent: None,
            label: [x0 + 0.5, y0 + 0.5],
            polygons: vec![vec![vec![
                [x0, y0],
                [x0 + 1.0, y0],
                [x0 + 1.0, y0 + 1.0],
                [x0, y0 + 1.0],
                [x0, y0],
            ]]],
        }
    }

    #[test]
    fn fits_all_regions_into_the_frame() {
        let layout =
            MapLayout::new(&[region("140100", 111.0, 36.0), region("140200", 113.0, 39.0)])
                .expect("regions");
        assert!((layout.frame.height - (CONTENT_HEIGHT + 2.0 * MARGIN)).abs() < 1e-9);
        assert_eq!(layout.shapes.len(), 2);
        for s in &layout.shapes {
            let (x, y) = s.label;
            assert!(
                x > MARGIN
                    && x < layout.frame.width - MARGIN
                    && y > MARGIN
                    && y < layout.frame.height - MARGIN
            );
            let (px, py) = layout.percent(s.label);
            assert!((0.0..=100.0).contains(&px) && (0.0..=100.0).contains(&py));
        }
        // The northern region is drawn above the southern one.
        assert!(layout.shapes[1].label.1 < layout.shapes[0].label.1);
        assert!(layout.view_box().starts_with("0 0 "));
    }

    #[test]
    fn nothing_to_draw() {
        assert!(MapLayout::new(&[]).is_none());
    }
}
