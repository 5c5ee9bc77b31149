//! Douglas–Peucker simplification of one arc, endpoints fixed.
//!
//! The arc is simplified in screen pixels (the province drawn at a reference
//! height), so the tolerance means "pixels of error". The work is done by
//! `geo`'s `SimplifyIdx`; this module only adds the handling of closed arcs, which
//! Douglas–Peucker cannot simplify directly (start and end coincide, so every
//! point's distance is measured to a single point).

use geo::{Coord, LineString, SimplifyIdx};

/// Indices of the points of `points` kept by Douglas–Peucker with `tolerance`,
/// always including the first and last. A closed arc (first == last) keeps its
/// point farthest from the start too, so it stays a ring of at least three
/// distinct points.
pub fn simplify_indices(points: &[(f64, f64)], tolerance: f64) -> Vec<usize> {
    let n = points.len();
    if n <= 2 {
        return (0..n).collect();
    }
    if points[0] == points[n - 1] {
        let (x0, y0) = points[0];
        let far = (1..n - 1)
            .max_by(|&a, &b| {
                let da = (points[a].0 - x0).hypot(points[a].1 - y0);
                let db = (points[b].0 - x0).hypot(points[b].1 - y0);
                da.total_cmp(&db)
            })
            .unwrap_or(1);
        let mut kept = open_indices(&points[..=far], tolerance);
        kept.extend(
            open_indices(&points[far..], tolerance)
                .into_iter()
                .skip(1)
                .map(|i| i + far),
        );
        return kept;
    }
    open_indices(points, tolerance)
}

fn open_indices(points: &[(f64, f64)], tolerance: f64) -> Vec<usize> {
    if tolerance <= 0.0 || points.len() <= 2 {
        return (0..points.len()).collect();
    }
    let line: LineString<f64> = points.iter().map(|&(x, y)| Coord { x, y }).collect();
    line.simplify_idx(tolerance)
}

/// Distance from point `p` to the segment `a`–`b`.
pub fn point_segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    (p.0 - (a.0 + t * dx)).hypot(p.1 - (a.1 + t * dy))
}

/// The largest distance from an original point to the simplified line that
/// replaces it: `original[i]` is measured against the kept segment spanning index
/// `i`, and kept points against their own new position. `simplified[j]` is the
/// (possibly moved, e.g. quantized) position of `original[kept[j]]`.
pub fn max_displacement(original: &[(f64, f64)], kept: &[usize], simplified: &[(f64, f64)]) -> f64 {
    let mut worst: f64 = 0.0;
    for w in 0..kept.len().saturating_sub(1) {
        let (i0, i1) = (kept[w], kept[w + 1]);
        let (a, b) = (simplified[w], simplified[w + 1]);
        for p in &original[i0..=i1] {
            worst = worst.max(point_segment_distance(*p, a, b));
        }
    }
    worst
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_endpoints_and_drops_collinear_points() {
        let pts: Vec<(f64, f64)> = (0..10).map(|i| (i as f64, 0.0)).collect();
        assert_eq!(simplify_indices(&pts, 0.5), vec![0, 9]);
    }

    #[test]
    fn keeps_points_beyond_tolerance() {
        let pts = vec![(0.0, 0.0), (1.0, 0.2), (2.0, 3.0), (3.0, 0.1), (4.0, 0.0)];
        // (1, 0.2) is 0.72 from the chord (0,0)–(2,3); (3, 0.1) is 0.78 from (2,3)–(4,0).
        assert_eq!(simplify_indices(&pts, 1.0), vec![0, 2, 4]);
        assert_eq!(simplify_indices(&pts, 0.5), vec![0, 1, 2, 3, 4]);
        let kept = simplify_indices(&pts, 1.0);
        let moved: Vec<(f64, f64)> = kept.iter().map(|&i| pts[i]).collect();
        assert!(max_displacement(&pts, &kept, &moved) <= 1.0);
    }

    #[test]
    fn closed_arc_stays_a_ring() {
        // A small closed square arc: a plain DP would keep only the start point.
        let pts = vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        let kept = simplify_indices(&pts, 10.0);
        assert!(kept.len() >= 3, "{kept:?}");
        assert_eq!(kept.first(), Some(&0));
        assert_eq!(kept.last(), Some(&4));
        assert!(kept.contains(&2), "the farthest point is kept");
    }

    #[test]
    fn zero_tolerance_keeps_everything() {
        let pts = vec![(0.0, 0.0), (1.0, 0.0), (2.0, 0.0)];
        assert_eq!(simplify_indices(&pts, 0.0), vec![0, 1, 2]);
    }

    #[test]
    fn error_bound_holds_on_a_wiggly_line() {
        let pts: Vec<(f64, f64)> = (0..500)
            .map(|i| (i as f64 * 0.1, ((i as f64) * 0.37).sin() * 2.0))
            .collect();
        for tol in [0.1, 0.5, 1.0, 2.0] {
            let kept = simplify_indices(&pts, tol);
            let moved: Vec<(f64, f64)> = kept.iter().map(|&i| pts[i]).collect();
            assert!(
                max_displacement(&pts, &kept, &moved) <= tol + 1e-12,
                "tol {tol}"
            );
        }
    }

    #[test]
    fn point_segment_distance_handles_degenerate_segment() {
        assert_eq!(
            point_segment_distance((3.0, 4.0), (0.0, 0.0), (0.0, 0.0)),
            5.0
        );
        assert_eq!(
            point_segment_distance((1.0, 1.0), (0.0, 0.0), (2.0, 0.0)),
            1.0
        );
    }
}
