//! Polygons → SVG path data, in screen coordinates of a [`Frame`].
//!
//! Coordinates are written with one decimal: at the app's reference size (the
//! province 1000 units tall) that is a tenth of a unit, far below what a screen
//! shows, and keeps the DOM small.

use std::fmt::Write;

use super::projection::Frame;
use crate::data::geo::Polygon;
use crate::format::fixed;

/// SVG path data for `polygons`: one `M…Z` subpath per ring. Draw it with
/// `fill-rule: evenodd` (or nonzero: rings are oriented per RFC 7946) so holes stay
/// holes.
pub fn svg_path(polygons: &[Polygon], frame: &Frame) -> String {
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        // The closing position repeats the first: `Z` draws that edge.
        let open = match ring.split_last() {
            Some((last, rest)) if Some(last) == rest.first() => rest,
            _ => ring.as_slice(),
        };
        for (i, [lon, lat]) in open.iter().enumerate() {
            let (x, y) = frame.to_screen(*lon, *lat);
            let _ = write!(
                d,
                "{}{} {}",
                if i == 0 { 'M' } else { 'L' },
                fixed(x, 1),
                fixed(y, 1)
            );
        }
        if !open.is_empty() {
            d.push('Z');
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::{Albers, Bounds};

    #[test]
    fn one_subpath_per_ring_closed_with_z() {
        let p = Albers::shanxi();
        let mut b = Bounds::empty();
        b.extend(p.project(112.0, 37.0));
        b.extend(p.project(113.0, 38.0));
        let frame = Frame::fit_height(p, b, 100.0, 0.0).expect("bounds");
        let square: Polygon = vec![vec![
            [112.0, 37.0],
            [113.0, 37.0],
            [113.0, 38.0],
            [112.0, 38.0],
            [112.0, 37.0],
        ]];
        let hole: Polygon = vec![vec![
            [112.2, 37.2],
            [112.4, 37.2],
            [112.4, 37.4],
            [112.2, 37.2],
        ]];
        let d = svg_path(&[square, hole], &frame);
        assert_eq!(d.matches('M').count(), 2);
        assert_eq!(d.matches('Z').count(), 2);
        assert_eq!(
            d.matches('L').count(),
            3 + 2,
            "closing positions are not repeated: {d}"
        );
        assert!(d.starts_with('M'));
        // The south-west corner is at the bottom of the frame.
        let first: Vec<f64> = d[1..]
            .split('L')
            .next()
            .unwrap_or("")
            .split(' ')
            .filter_map(|v| v.parse().ok())
            .collect();
        assert!((first[1] - 100.0).abs() < 2.0, "{first:?}");
    }

    #[test]
    fn empty_input_gives_empty_path() {
        let p = Albers::shanxi();
        let mut b = Bounds::empty();
        b.extend((0.0, 0.0));
        b.extend((1.0, 1.0));
        let frame = Frame::fit_height(p, b, 10.0, 0.0).expect("bounds");
        assert_eq!(svg_path(&[], &frame), "");
    }
}
