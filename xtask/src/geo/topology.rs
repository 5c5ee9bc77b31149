//! Shared arcs: the rings of all units cut at junctions, each shared border kept once.
//!
//! Neighbouring units in the source share their border vertices exactly, so a
//! border is the same run of points in both rings (in opposite directions). A
//! point is a *junction* where rings that pass through it disagree about its
//! neighbours (three units meet, or a border ends). Cutting every ring at its
//! junctions gives arcs; an arc that appears in two rings is stored once, and each
//! ring becomes a list of references to arcs, forward or reversed. Simplifying an
//! arc once then changes both neighbours identically: no gaps, no overlaps.
//!
//! Caveat: points are matched by exact coordinates (micro-degrees). Borders that
//! only nearly coincide in the input stay separate arcs and will be simplified
//! independently.

use std::collections::HashMap;

/// A point in integer micro-degrees, the exact key used to match shared vertices.
pub type Key = (i64, i64);

/// A ring with its closing point removed (first point != last point).
pub type OpenRing = Vec<Key>;

/// Converts degrees to the micro-degree key.
pub fn key(lon: f64, lat: f64) -> Key {
    ((lon * 1e6).round() as i64, (lat * 1e6).round() as i64)
}

/// Converts a key back to degrees.
pub fn degrees(k: Key) -> [f64; 2] {
    [k.0 as f64 / 1e6, k.1 as f64 / 1e6]
}

/// A reference from a ring to an arc, possibly walked backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArcRef {
    pub arc: usize,
    pub reversed: bool,
}

/// Arcs and the rings built from them.
#[derive(Debug, Default)]
pub struct Topology {
    /// Each arc's points, both endpoints included. A closed arc (a ring without
    /// junctions) starts and ends at the same point.
    pub arcs: Vec<Vec<Key>>,
    /// Each input ring, in input order, as arc references.
    pub rings: Vec<Vec<ArcRef>>,
}

/// Removes the closing point and consecutive duplicates of a ring.
pub fn open_ring(points: &[Key]) -> OpenRing {
    let mut out: OpenRing = Vec::with_capacity(points.len());
    for &p in points {
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// Finds the junctions of a set of open rings.
fn junctions(rings: &[OpenRing]) -> HashMap<Key, bool> {
    // For each point: the unordered neighbour pair first seen, and whether it is a junction.
    let mut seen: HashMap<Key, ((Key, Key), bool)> = HashMap::new();
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let p = ring[i];
            let prev = ring[(i + n - 1) % n];
            let next = ring[(i + 1) % n];
            let pair = if prev <= next {
                (prev, next)
            } else {
                (next, prev)
            };
            match seen.get_mut(&p) {
                None => {
                    seen.insert(p, (pair, false));
                }
                Some((first, junction)) => {
                    // Seen again with other neighbours: a junction. Seen again with the
                    // same neighbours in the same ring (a spike) is also cut there.
                    if *first != pair || prev == next {
                        *junction = true;
                    }
                }
            }
        }
    }
    seen.into_iter().map(|(k, (_, j))| (k, j)).collect()
}

impl Topology {
    /// Builds the topology of `rings` (open rings, in any orientation).
    pub fn build(rings: &[OpenRing]) -> Self {
        let is_junction = junctions(rings);
        // Points that occur twice in one ring must also be cut there, so that every
        // arc is a simple run.
        let mut topo = Topology::default();
        let mut index: HashMap<Vec<Key>, usize> = HashMap::new();
        for ring in rings {
            let mut counts: HashMap<Key, u32> = HashMap::new();
            for p in ring {
                *counts.entry(*p).or_default() += 1;
            }
            let cut = |p: &Key| is_junction.get(p).copied().unwrap_or(false) || counts[p] > 1;
            let refs = match ring.iter().position(cut) {
                None => {
                    // No junction: a closed arc, started at its smallest point so that the
                    // same ring seen from both sides (a hole and an island) matches.
                    let start = ring
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, p)| **p)
                        .map(|(i, _)| i)
                        .unwrap_or(0);
                    let mut arc: Vec<Key> = ring[start..]
                        .iter()
                        .chain(ring[..start].iter())
                        .copied()
                        .collect();
                    arc.push(arc[0]);
                    vec![topo.intern(&mut index, arc)]
                }
                Some(first) => {
                    let n = ring.len();
                    let mut refs = Vec::new();
                    let mut arc = vec![ring[first]];
                    for step in 1..=n {
                        let p = ring[(first + step) % n];
                        arc.push(p);
                        if cut(&p) {
                            refs.push(topo.intern(&mut index, std::mem::take(&mut arc)));
                            arc.push(p);
                        }
                    }
                    refs
                }
            };
            topo.rings.push(refs);
        }
        topo
    }

    /// Returns the reference to `arc`, adding it unless it (or its reverse) exists.
    fn intern(&mut self, index: &mut HashMap<Vec<Key>, usize>, arc: Vec<Key>) -> ArcRef {
        if let Some(&i) = index.get(&arc) {
            return ArcRef {
                arc: i,
                reversed: false,
            };
        }
        let reversed: Vec<Key> = arc.iter().rev().copied().collect();
        if let Some(&i) = index.get(&reversed) {
            return ArcRef {
                arc: i,
                reversed: true,
            };
        }
        let i = self.arcs.len();
        index.insert(arc.clone(), i);
        self.arcs.push(arc);
        ArcRef {
            arc: i,
            reversed: false,
        }
    }

    /// The points of a ring made of `refs` over `arcs` (which may be simplified
    /// versions of `self.arcs`), closed (last point equals the first).
    pub fn ring_points<T: Copy>(arcs: &[Vec<T>], refs: &[ArcRef]) -> Vec<T> {
        let mut out = Vec::new();
        for r in refs {
            let arc = &arcs[r.arc];
            let pts: Box<dyn Iterator<Item = &T>> = if r.reversed {
                Box::new(arc.iter().rev())
            } else {
                Box::new(arc.iter())
            };
            // Consecutive arcs share their junction point: skip it the second time.
            let skip = usize::from(!out.is_empty());
            out.extend(pts.skip(skip).copied());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: i64, y0: i64, x1: i64, y1: i64) -> OpenRing {
        vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    }

    /// Two squares side by side share the edge x = 2 (with a midpoint on it).
    fn two_squares() -> Vec<OpenRing> {
        vec![
            vec![(0, 0), (2, 0), (2, 1), (2, 2), (0, 2)],
            vec![(2, 0), (4, 0), (4, 2), (2, 2), (2, 1)],
        ]
    }

    #[test]
    fn shared_border_is_one_arc_used_in_both_directions() {
        let topo = Topology::build(&two_squares());
        let shared = vec![(2, 0), (2, 1), (2, 2)];
        let shared_rev: Vec<Key> = shared.iter().rev().copied().collect();
        let found: Vec<usize> = (0..topo.arcs.len())
            .filter(|&i| topo.arcs[i] == shared || topo.arcs[i] == shared_rev)
            .collect();
        assert_eq!(found.len(), 1, "arcs: {:?}", topo.arcs);
        let uses: Vec<ArcRef> = topo
            .rings
            .iter()
            .flatten()
            .filter(|r| r.arc == found[0])
            .copied()
            .collect();
        assert_eq!(uses.len(), 2);
        assert_ne!(uses[0].reversed, uses[1].reversed);
        // 3 arcs: the shared one and each square's outer run.
        assert_eq!(topo.arcs.len(), 3);
    }

    #[test]
    fn rings_rebuild_exactly() {
        let input = two_squares();
        let topo = Topology::build(&input);
        for (ring, refs) in input.iter().zip(&topo.rings) {
            let pts = Topology::ring_points(&topo.arcs, refs);
            assert_eq!(pts.first(), pts.last(), "closed");
            let open = open_ring(&pts);
            assert_eq!(open.len(), ring.len());
            // Same cyclic sequence.
            let start = open
                .iter()
                .position(|p| *p == ring[0])
                .expect("first point present");
            let rotated: Vec<Key> = open[start..]
                .iter()
                .chain(open[..start].iter())
                .copied()
                .collect();
            assert_eq!(&rotated, ring);
        }
    }

    #[test]
    fn island_and_hole_share_a_closed_arc() {
        let outer = square(0, 0, 10, 10);
        let hole: OpenRing = vec![(3, 3), (3, 6), (6, 6), (6, 3)]; // clockwise
        let island: OpenRing = vec![(6, 6), (3, 6), (3, 3), (6, 3)]; // same ring, other start and direction
        let topo = Topology::build(&[outer, hole, island]);
        assert_eq!(topo.arcs.len(), 2);
        assert_eq!(topo.rings[1][0].arc, topo.rings[2][0].arc);
        let arc = &topo.arcs[topo.rings[1][0].arc];
        assert_eq!(arc.first(), arc.last());
    }

    #[test]
    fn open_ring_drops_closing_and_repeated_points() {
        assert_eq!(
            open_ring(&[(0, 0), (1, 0), (1, 0), (1, 1), (0, 0)]),
            vec![(0, 0), (1, 0), (1, 1)]
        );
    }

    #[test]
    fn three_way_junction_splits_arcs() {
        // Three units meeting at (2,2): left half, top-right and bottom-right quarters.
        let rings = vec![
            vec![(0, 0), (2, 0), (2, 2), (2, 4), (0, 4)],
            vec![(2, 0), (4, 0), (4, 2), (2, 2)],
            vec![(2, 2), (4, 2), (4, 4), (2, 4)],
        ];
        let topo = Topology::build(&rings);
        for (ring, refs) in rings.iter().zip(&topo.rings) {
            assert_eq!(
                open_ring(&Topology::ring_points(&topo.arcs, refs)).len(),
                ring.len()
            );
        }
        // Every arc endpoint is a junction or a ring's own cut; the centre point ends arcs.
        assert!(
            topo.arcs
                .iter()
                .filter(|a| a.first() == Some(&(2, 2)) || a.last() == Some(&(2, 2)))
                .count()
                >= 3
        );
    }
}
