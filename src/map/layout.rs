//! The drawing of a set of regions: one projection and frame, and each region's
//! path and label position. Computed once per boundary file; changing what the map
//! shows (colours, selection) never recomputes it.

use super::path::svg_path;
use super::projection::{Bounds, Frame};
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
    /// Bounding box in user units.
    pub bounds: Bounds,
}

/// The visible part of the drawing, in user units (an SVG `viewBox`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl ViewBox {
    /// The `viewBox` attribute value.
    pub fn attr(&self) -> String {
        format!(
            "{} {} {} {}",
            fixed(self.x, 1),
            fixed(self.y, 1),
            fixed(self.w, 1),
            fixed(self.h, 1)
        )
    }

    /// A point as percentages of this box, for placing HTML over the SVG.
    pub fn percent(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - self.x) / self.w * 100.0, (y - self.y) / self.h * 100.0)
    }
}

/// The widest a [`MapLayout::fit_box`] gets (width over height).
pub const MAX_FIT_ASPECT: f64 = 1.6;

/// All regions drawn in one frame: the drawing's size and each region's shape.
/// Built once (at build time for the shipped boundaries, see [`super::drawn`]);
/// the page only reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// Width of the drawing, margins included, in user units.
    pub width: f64,
    /// Height of the drawing, margins included, in user units.
    pub height: f64,
    pub shapes: Vec<Shape>,
}

impl MapLayout {
    /// Projects `regions` with the Shanxi Albers projection, fitted to their
    /// extent. `None` if there is nothing to draw.
    pub fn new(regions: &[Region]) -> Option<Self> {
        Self::fit(regions).map(|(layout, _)| layout)
    }

    /// [`MapLayout::new`] and its frame, to draw other regions (e.g. counties)
    /// in the same frame with [`shapes_in`].
    pub fn fit(regions: &[Region]) -> Option<(Self, Frame)> {
        let points = regions
            .iter()
            .flat_map(|r| r.polygons.iter().flatten().flatten().copied());
        let frame = Frame::fit_shanxi(points, CONTENT_HEIGHT, MARGIN)?;
        let layout = Self {
            width: frame.width,
            height: frame.height,
            shapes: shapes_in(&frame, regions),
        };
        Some((layout, frame))
    }

    /// The whole drawing.
    pub fn full_box(&self) -> ViewBox {
        ViewBox {
            x: 0.0,
            y: 0.0,
            w: self.width,
            h: self.height,
        }
    }

    /// A box around the shapes of `adcodes`, with a narrow margin, widened to the
    /// whole drawing's aspect ratio (so the map keeps its size on the page).
    /// `None` when none of them is drawn.
    ///
    /// Caveat: the drawing is tall (Shanxi is about 0.57 as wide as it is
    /// high), so a selection as wide as much of the province cannot be
    /// magnified much at the same aspect: 晋中 (61 % of the width) gets 1.5×,
    /// 忻州 1.4×, 阳泉 3.7×. The map fades what lies outside the selection so
    /// that the zoom still reads.
    pub fn zoom_box(&self, adcodes: &[String]) -> Option<ViewBox> {
        let b = self.bounds_of(adcodes)?;
        let pad = 0.04 * b.width().max(b.height());
        let (mut w, mut h) = (b.width() + 2.0 * pad, b.height() + 2.0 * pad);
        let aspect = self.aspect();
        if w / h > aspect {
            h = w / aspect;
        } else {
            w = h * aspect;
        }
        let (cx, cy) = ((b.min_x + b.max_x) / 2.0, (b.min_y + b.max_y) / 2.0);
        // Kept inside the drawing where it fits, so that a region at the edge
        // does not leave an empty band beside the map.
        let inside = |start: f64, size: f64, whole: f64| {
            if size >= whole {
                start
            } else {
                start.clamp(0.0, whole - size)
            }
        };
        Some(ViewBox {
            x: inside(cx - w / 2.0, w, self.width),
            y: inside(cy - h / 2.0, h, self.height),
            w,
            h,
        })
    }

    /// The bounds of the shapes of `adcodes`; `None` when none is drawn.
    fn bounds_of(&self, adcodes: &[String]) -> Option<Bounds> {
        let mut b = Bounds::empty();
        for s in self.shapes.iter().filter(|s| adcodes.contains(&s.adcode)) {
            b.extend((s.bounds.min_x, s.bounds.min_y));
            b.extend((s.bounds.max_x, s.bounds.max_y));
        }
        (!b.is_empty()).then_some(b)
    }

    /// A box around the shapes of `adcodes` at their own shape, with a narrow
    /// margin (the drill-down into one prefecture: the map takes the
    /// prefecture's aspect, so a wide one such as 晋城 fills the width instead
    /// of a band at the foot of a tall frame). Never taller than the whole
    /// drawing's aspect, nor wider than [`MAX_FIT_ASPECT`]; centred on them.
    pub fn fit_box(&self, adcodes: &[String]) -> Option<ViewBox> {
        let b = self.bounds_of(adcodes)?;
        let pad = 0.04 * b.width().max(b.height());
        let (mut w, mut h) = (b.width() + 2.0 * pad, b.height() + 2.0 * pad);
        let aspect = (w / h).clamp(self.aspect().min(MAX_FIT_ASPECT), MAX_FIT_ASPECT);
        if w / h > aspect {
            h = w / aspect;
        } else {
            w = h * aspect;
        }
        let (cx, cy) = ((b.min_x + b.max_x) / 2.0, (b.min_y + b.max_y) / 2.0);
        Some(ViewBox {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        })
    }

    /// The SVG `viewBox` attribute value of the whole drawing.
    pub fn view_box(&self) -> String {
        self.full_box().attr()
    }

    /// Width over height of the drawing.
    pub fn aspect(&self) -> f64 {
        self.width / self.height
    }

    /// A point of the drawing as percentages of its width and height, for placing
    /// HTML (labels, tooltips) over the SVG at any rendered size.
    pub fn percent(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x / self.width * 100.0, y / self.height * 100.0)
    }
}

/// `regions` drawn in `frame`: paths, label points and bounds in its user units.
pub fn shapes_in(frame: &Frame, regions: &[Region]) -> Vec<Shape> {
    regions
        .iter()
        .map(|r| {
            let mut bounds = Bounds::empty();
            for [lon, lat] in r.polygons.iter().flatten().flatten() {
                bounds.extend(frame.to_screen(*lon, *lat));
            }
            Shape {
                adcode: r.adcode.clone(),
                d: svg_path(&r.polygons, frame),
                label: frame.to_screen(r.label[0], r.label[1]),
                bounds,
            }
        })
        .collect()
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
        assert!((layout.height - (CONTENT_HEIGHT + 2.0 * MARGIN)).abs() < 1e-9);
        assert_eq!(layout.shapes.len(), 2);
        for s in &layout.shapes {
            let (x, y) = s.label;
            assert!(
                x > MARGIN && x < layout.width - MARGIN && y > MARGIN && y < layout.height - MARGIN
            );
            let (px, py) = layout.percent(s.label);
            assert!((0.0..=100.0).contains(&px) && (0.0..=100.0).contains(&py));
        }
        // The northern region is drawn above the southern one.
        assert!(layout.shapes[1].label.1 < layout.shapes[0].label.1);
        assert!(layout.view_box().starts_with("0.0 0.0 "));
    }

    #[test]
    fn zoom_box_frames_the_selection_at_the_same_aspect() {
        let layout =
            MapLayout::new(&[region("140100", 111.0, 36.0), region("140200", 113.0, 39.0)])
                .expect("regions");
        let z = layout.zoom_box(&["140200".to_string()]).expect("drawn");
        assert!((z.w / z.h - layout.aspect()).abs() < 1e-9);
        let s = &layout.shapes[1];
        assert!(
            z.x <= s.bounds.min_x
                && z.y <= s.bounds.min_y
                && z.x + z.w >= s.bounds.max_x
                && z.y + z.h >= s.bounds.max_y
        );
        assert!(z.w < layout.width, "zoomed in");
        assert!(
            z.x >= 0.0
                && z.y >= 0.0
                && z.x + z.w <= layout.width + 1e-9
                && z.y + z.h <= layout.height + 1e-9,
            "kept inside the drawing, no empty band: {z:?}"
        );
        let (px, py) = z.percent(s.label);
        assert!((0.0..=100.0).contains(&px) && (0.0..=100.0).contains(&py));
        assert!(layout.zoom_box(&["999999".to_string()]).is_none());
        // Fitted: the selection's own shape, centred, within the limits.
        let f = layout.fit_box(&["140200".to_string()]).expect("drawn");
        let a = f.w / f.h;
        assert!(
            a >= layout.aspect().min(MAX_FIT_ASPECT) - 1e-9 && a <= MAX_FIT_ASPECT + 1e-9,
            "{a}"
        );
        assert!(layout.fit_box(&["999999".to_string()]).is_none());
        assert_eq!(layout.full_box().attr(), layout.view_box());
    }

    #[test]
    fn nothing_to_draw() {
        assert!(MapLayout::new(&[]).is_none());
    }
}
