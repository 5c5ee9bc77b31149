//! Output: rings on the 0.001° grid, label points, and the FeatureCollection text.
//!
//! The text is written by hand rather than through a serializer so that numbers
//! have exactly the grid's precision and every feature sits on its own line
//! (readable diffs when boundaries are regenerated).

use geo::{Area, Coord, LineString, Polygon};
use serde_json::Value;

use shanxi_eco_map::format::fixed;

/// Output coordinates are multiples of 1 / GRID degrees.
pub const GRID: f64 = 1000.0;

/// A closed ring on the output grid (thousandths of a degree).
pub type GridRing = Vec<(i64, i64)>;
/// A polygon on the grid: exterior ring, then holes.
pub type GridPolygon = Vec<GridRing>;

/// The administrative level of a unit, from its adcode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Prefecture,
    County,
}

impl Level {
    /// `XX0000` is a province (not drawn), `XXXX00` a prefecture, anything else a county.
    pub fn of(adcode: &str) -> Option<Level> {
        if adcode.len() != 6
            || !adcode.bytes().all(|b| b.is_ascii_digit())
            || adcode.ends_with("0000")
        {
            None
        } else if adcode.ends_with("00") {
            Some(Level::Prefecture)
        } else {
            Some(Level::County)
        }
    }
}

/// One output feature.
#[derive(Debug, Clone)]
pub struct FeatureOut {
    pub adcode: String,
    pub name_zh: String,
    pub name_en: String,
    pub level: Level,
    /// Label point on the grid.
    pub label: (i64, i64),
    /// Polygons, exterior first; closed rings on the grid.
    pub polygons: Vec<GridPolygon>,
}

/// Twice the signed area of a closed ring (positive = counter-clockwise).
pub fn signed_area2(ring: &[(i64, i64)]) -> i128 {
    ring.windows(2)
        .map(|w| w[0].0 as i128 * w[1].1 as i128 - w[1].0 as i128 * w[0].1 as i128)
        .sum()
}

/// A closed ring that has fewer than three distinct points or no area.
pub fn ring_is_degenerate(ring: &[(i64, i64)]) -> bool {
    let mut distinct: Vec<&(i64, i64)> = ring.iter().collect();
    distinct.sort();
    distinct.dedup();
    distinct.len() < 3 || signed_area2(ring) == 0
}

/// Orients a closed ring: counter-clockwise for exteriors, clockwise for holes
/// (RFC 7946, section 3.1.6).
pub fn orient(mut ring: Vec<(i64, i64)>, exterior: bool) -> Vec<(i64, i64)> {
    if (signed_area2(&ring) > 0) != exterior {
        ring.reverse();
    }
    ring
}

/// The pole of inaccessibility of the largest polygon (found by `polylabel`),
/// computed with longitudes scaled by cos(latitude) so "inside" means inside on
/// the map. On the grid.
pub fn label_point(polygons: &[GridPolygon]) -> Option<(i64, i64)> {
    let to_poly = |rings: &GridPolygon, kx: f64| -> Option<Polygon<f64>> {
        let line = |r: &Vec<(i64, i64)>| -> LineString<f64> {
            r.iter()
                .map(|&(x, y)| Coord {
                    x: x as f64 * kx,
                    y: y as f64,
                })
                .collect()
        };
        let (ext, holes) = rings.split_first()?;
        Some(Polygon::new(line(ext), holes.iter().map(line).collect()))
    };
    let lat = polygons.first()?.first()?.first()?.1 as f64 / GRID;
    let kx = lat.to_radians().cos();
    let largest = polygons
        .iter()
        .filter_map(|p| to_poly(p, kx))
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let p = polylabel::polylabel(&largest, &0.5).ok()?;
    Some(((p.x() / kx).round() as i64, p.y().round() as i64))
}

/// A grid value as a decimal number with no trailing zeros.
pub fn number(v: i64) -> String {
    let digits = GRID.log10().round() as u32;
    let text = fixed(v as f64 / GRID, digits);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn position(p: (i64, i64)) -> String {
    format!("[{},{}]", number(p.0), number(p.1))
}

fn rings_text(rings: &[GridRing]) -> String {
    let rings: Vec<String> = rings
        .iter()
        .map(|r| {
            format!(
                "[{}]",
                r.iter().map(|&p| position(p)).collect::<Vec<_>>().join(",")
            )
        })
        .collect();
    format!("[{}]", rings.join(","))
}

fn geometry_text(polygons: &[GridPolygon]) -> String {
    if let [single] = polygons {
        format!(
            r#"{{"type":"Polygon","coordinates":{}}}"#,
            rings_text(single)
        )
    } else {
        let polys: Vec<String> = polygons.iter().map(|p| rings_text(p)).collect();
        format!(
            r#"{{"type":"MultiPolygon","coordinates":[{}]}}"#,
            polys.join(",")
        )
    }
}

fn string(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

/// The FeatureCollection text: `metadata` as a foreign member, one feature a line.
pub fn collection(metadata: &Value, features: &[FeatureOut]) -> String {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\n\"metadata\":");
    out.push_str(&metadata.to_string());
    out.push_str(",\n\"features\":[\n");
    let lines: Vec<String> = features
        .iter()
        .map(|f| {
            let parent = match f.level {
                Level::County => format!(r#","parent":"{}00""#, &f.adcode[..4]),
                Level::Prefecture => String::new(),
            };
            format!(
                r#"{{"type":"Feature","properties":{{"adcode":{},"name_zh":{},"name_en":{}{},"label":{}}},"geometry":{}}}"#,
                string(&f.adcode),
                string(&f.name_zh),
                string(&f.name_en),
                parent,
                position(f.label),
                geometry_text(&f.polygons)
            )
        })
        .collect();
    out.push_str(&lines.join(",\n"));
    out.push_str("\n]}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_from_adcodes() {
        assert_eq!(Level::of("140000"), None);
        assert_eq!(Level::of("140100"), Some(Level::Prefecture));
        assert_eq!(Level::of("140105"), Some(Level::County));
        assert_eq!(Level::of("14010"), None);
    }

    #[test]
    fn numbers_have_grid_precision_without_trailing_zeros() {
        let cases = [
            (112_500, "112.5"),
            (37_000, "37"),
            (37_012, "37.012"),
            (-1_250, "-1.25"),
            (-5, "-0.005"),
            (100_000, "100"),
            (0, "0"),
        ];
        for (v, text) in cases {
            assert_eq!(number(v), text, "{v}");
        }
    }

    #[test]
    fn orientation_follows_rfc7946() {
        let cw = vec![(0, 0), (0, 1), (1, 1), (1, 0), (0, 0)];
        assert!(signed_area2(&orient(cw.clone(), true)) > 0);
        assert!(signed_area2(&orient(cw, false)) < 0);
    }

    #[test]
    fn degenerate_rings() {
        assert!(ring_is_degenerate(&[(0, 0), (1, 0), (0, 0)]));
        assert!(ring_is_degenerate(&[(0, 0), (1, 0), (2, 0), (0, 0)]));
        assert!(!ring_is_degenerate(&[(0, 0), (1, 0), (1, 1), (0, 0)]));
    }

    #[test]
    fn label_is_inside_a_concave_polygon() {
        // A U shape: its centroid lies in the notch, the label must not.
        let u = vec![vec![
            (0, 0),
            (3000, 0),
            (3000, 3000),
            (2000, 3000),
            (2000, 1000),
            (1000, 1000),
            (1000, 3000),
            (0, 3000),
            (0, 0),
        ]];
        let (x, y) = label_point(&[u]).expect("a polygon");
        let in_notch = x > 1000 && x < 2000 && y > 1000;
        assert!(
            !in_notch && (0..=3000).contains(&x) && (0..=3000).contains(&y),
            "{x},{y}"
        );
    }
}
