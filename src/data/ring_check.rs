//! Whether a boundary ring crosses itself: every pair of its segments that are
//! not neighbours is tested for an intersection, so the cost grows with the
//! square of the ring's length. Fine for boundary files read at build time
//! (the shipped counties take a few milliseconds); not meant for rings of
//! hundreds of thousands of positions.
//!
//! Caveats: segments that only touch at an end point, or overlap along a line
//! (collinear), are not reported; a ring that runs back along itself is
//! therefore not found. Coordinates are compared exactly, as written.

/// The first place where two non-neighbouring segments of the closed `ring`
/// cross, if any.
pub fn crossing(ring: &[[f64; 2]]) -> Option<[f64; 2]> {
    // A closed ring repeats its first position last: n positions, n - 1 segments.
    let n = ring.len().checked_sub(1)?;
    for i in 0..n {
        for j in i + 2..n {
            // The first and the last segment share the ring's start.
            if i == 0 && j == n - 1 {
                continue;
            }
            if let Some(p) = cross(ring[i], ring[i + 1], ring[j], ring[j + 1]) {
                return Some(p);
            }
        }
    }
    None
}

/// Where segments a–b and c–d cross properly (inside both), if they do.
fn cross(a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]) -> Option<[f64; 2]> {
    let r = [b[0] - a[0], b[1] - a[1]];
    let s = [d[0] - c[0], d[1] - c[1]];
    let denom = r[0] * s[1] - r[1] * s[0];
    if denom == 0.0 {
        return None;
    }
    let ca = [c[0] - a[0], c[1] - a[1]];
    let t = (ca[0] * s[1] - ca[1] * s[0]) / denom;
    let u = (ca[0] * r[1] - ca[1] * r[0]) / denom;
    (t > 0.0 && t < 1.0 && u > 0.0 && u < 1.0).then(|| [a[0] + t * r[0], a[1] + t * r[1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_does_not_cross_itself() {
        let square = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        assert_eq!(crossing(&square), None);
    }

    #[test]
    fn a_bow_tie_crosses_at_its_middle() {
        let bow = [[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]];
        assert_eq!(crossing(&bow), Some([0.5, 0.5]));
    }

    #[test]
    fn touching_at_a_vertex_is_not_a_crossing() {
        // A ring that meets itself at (1, 1) without crossing.
        let figure = [
            [0.0, 0.0],
            [2.0, 0.0],
            [1.0, 1.0],
            [2.0, 2.0],
            [0.0, 2.0],
            [1.0, 1.0],
            [0.0, 0.0],
        ];
        assert_eq!(crossing(&figure), None);
    }

    #[test]
    fn too_short_rings_are_not_crossings() {
        assert_eq!(crossing(&[]), None);
        assert_eq!(crossing(&[[0.0, 0.0]]), None);
    }
}
