//! Finds segments of a set of polylines that cross or overlap.
//!
//! After simplification two arcs may cross where the originals did not (a
//! shortcut across a narrow neck). This finds such pairs so that the arcs
//! involved can be simplified again with a smaller tolerance. Coordinates are
//! integers (the quantized grid), so the tests are exact. Segments that only
//! meet at a shared endpoint are fine: that is how arcs join.

use std::collections::HashMap;

use geo::{line_intersection::line_intersection, Coord, Line, LineIntersection};

/// A point on the integer grid.
pub type P = (i64, i64);

/// Indices (into `lines`) of the polylines that have a segment crossing,
/// overlapping or touching the interior of another segment.
pub fn crossing_lines(lines: &[Vec<P>], cell: i64) -> Vec<usize> {
    let cell = cell.max(1);
    // Every segment, with the polyline it belongs to.
    let mut segs: Vec<(usize, P, P)> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        for w in line.windows(2) {
            if w[0] != w[1] {
                segs.push((li, w[0], w[1]));
            }
        }
    }
    // Grid buckets of segment bounding boxes.
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (si, &(_, a, b)) in segs.iter().enumerate() {
        for cx in a.0.min(b.0).div_euclid(cell)..=a.0.max(b.0).div_euclid(cell) {
            for cy in a.1.min(b.1).div_euclid(cell)..=a.1.max(b.1).div_euclid(cell) {
                grid.entry((cx, cy)).or_default().push(si);
            }
        }
    }
    let mut bad = vec![false; lines.len()];
    let mut keys: Vec<&(i64, i64)> = grid.keys().collect();
    keys.sort();
    for k in keys {
        let bucket = &grid[k];
        for (x, &s1) in bucket.iter().enumerate() {
            for &s2 in &bucket[x + 1..] {
                let (l1, a1, b1) = segs[s1];
                let (l2, a2, b2) = segs[s2];
                if conflict((a1, b1), (a2, b2)) {
                    bad[l1] = true;
                    bad[l2] = true;
                }
            }
        }
    }
    (0..lines.len()).filter(|&i| bad[i]).collect()
}

fn coord(p: P) -> Coord<f64> {
    Coord {
        x: p.0 as f64,
        y: p.1 as f64,
    }
}

/// Whether two segments meet anywhere other than at one endpoint shared by both.
pub fn conflict(s1: (P, P), s2: (P, P)) -> bool {
    let l1 = Line::new(coord(s1.0), coord(s1.1));
    let l2 = Line::new(coord(s2.0), coord(s2.1));
    match line_intersection(l1, l2) {
        None => false,
        Some(LineIntersection::Collinear { intersection }) => {
            intersection.start != intersection.end
        }
        Some(LineIntersection::SinglePoint {
            intersection,
            is_proper,
        }) => {
            if is_proper {
                return true;
            }
            let shared = |s: (P, P)| coord(s.0) == intersection || coord(s.1) == intersection;
            !(shared(s1) && shared(s2))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_is_found() {
        assert!(conflict(((0, 0), (10, 10)), ((0, 10), (10, 0))));
    }

    #[test]
    fn shared_endpoint_is_fine() {
        assert!(!conflict(((0, 0), (10, 10)), ((10, 10), (20, 0))));
    }

    #[test]
    fn touching_an_interior_is_a_conflict() {
        assert!(conflict(((0, 0), (10, 0)), ((5, 0), (5, 5))));
    }

    #[test]
    fn collinear_overlap_is_a_conflict() {
        assert!(conflict(((0, 0), (10, 0)), ((5, 0), (15, 0))));
        assert!(!conflict(((0, 0), (10, 0)), ((10, 0), (15, 0))));
    }

    #[test]
    fn finds_the_lines_involved() {
        let lines = vec![
            vec![(0, 0), (10, 10)],
            vec![(0, 10), (10, 0)],
            vec![(20, 20), (30, 30)],
        ];
        assert_eq!(crossing_lines(&lines, 4), vec![0, 1]);
        let lines = vec![vec![(0, 0), (5, 0), (10, 0)], vec![(10, 0), (10, 10)]];
        assert!(crossing_lines(&lines, 4).is_empty());
    }
}
