//! Boundary GeoJSON → regions.
//!
//! Reads a FeatureCollection as written by `cargo xtask geo` (or any GeoJSON whose
//! features carry an `adcode` and names) into plain [`Region`]s, and its
//! `metadata` foreign member into [`BoundaryMeta`], the source and notice the
//! footer shows. Text that is not JSON is an [`Error::Json`]; JSON that is not a
//! FeatureCollection of named polygons is an [`Error::Shape`] naming the feature;
//! a bad or repeated adcode, or no feature at all, is an [`Error::Validation`].

use std::collections::HashSet;

use geojson::{GeoJson, GeometryValue, JsonObject, JsonValue, PolygonType};

use crate::error::{At, Error, Item, Problem};
use crate::format::{format_number, shortest};

/// A ring of lon/lat positions.
pub type Ring = Vec<[f64; 2]>;
/// A polygon: exterior ring, then holes.
pub type Polygon = Vec<Ring>;

/// One administrative unit to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Six-digit administrative code, e.g. "140100" for Taiyuan.
    pub adcode: String,
    pub name_zh: String,
    pub name_en: String,
    /// The prefecture's adcode, for counties.
    pub parent: Option<String>,
    /// Where the name is drawn (lon, lat). Files without one get the centre of the
    /// largest polygon's bounding box, which for a concave shape may lie outside it.
    pub label: [f64; 2],
    pub polygons: Vec<Polygon>,
}

impl Region {
    /// The short Chinese name used on the map: "太原市" → "太原". Names of
    /// counties and of one-character places are kept whole.
    pub fn short_name_zh(&self) -> &str {
        let chars = self.name_zh.chars().count();
        if self.parent.is_none() && chars > 2 {
            self.name_zh.strip_suffix('市').unwrap_or(&self.name_zh)
        } else {
            &self.name_zh
        }
    }
}

/// Where the boundaries come from and how they may be used: shown in the footer.
/// A deployment that swaps in approved boundaries sets `approval_number` (审图号).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct BoundaryMeta {
    pub source_zh: String,
    pub source_en: String,
    pub notice_zh: String,
    pub notice_en: String,
    pub approval_number: Option<String>,
}

/// A parsed boundary file.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    pub regions: Vec<Region>,
    pub meta: BoundaryMeta,
}

/// Parses boundary GeoJSON text. `what` names the file in error messages.
pub fn parse_boundaries(what: &str, text: &str) -> Result<Boundaries, Error> {
    let geojson: GeoJson = text.parse().map_err(|e| match e {
        geojson::Error::MalformedGeoJson(e) => Error::from_json(what, e),
        other => Error::shape(what, other.to_string()),
    })?;
    let GeoJson::FeatureCollection(fc) = geojson else {
        return Err(Error::shape(what, "expected a FeatureCollection"));
    };
    let meta = fc
        .foreign_members
        .as_ref()
        .and_then(|m| m.get("metadata"))
        .and_then(JsonValue::as_object)
        .map(meta_of)
        .unwrap_or_default();
    let mut seen = HashSet::new();
    let mut regions = Vec::with_capacity(fc.features.len());
    for (i, feature) in fc.features.iter().enumerate() {
        let props = feature
            .properties
            .as_ref()
            .ok_or_else(|| Error::shape(what, format!("feature {} has no properties", i + 1)))?;
        let adcode = match props.get("adcode") {
            Some(JsonValue::String(s)) => s.clone(),
            Some(JsonValue::Number(n)) => n.to_string(),
            _ => {
                return Err(Error::shape(
                    what,
                    format!("feature {} has no adcode", i + 1),
                ))
            }
        };
        if adcode.len() != 6 || !adcode.bytes().all(|b| b.is_ascii_digit()) {
            let at = At::Feature(i + 1);
            return Err(Error::validation(what, Problem::BadAdcode { at, adcode }));
        }
        if !seen.insert(adcode.clone()) {
            let (kind, id) = (Item::Adcode, adcode);
            return Err(Error::validation(what, Problem::Duplicate { kind, id }));
        }
        let name_zh = text_prop(props, &["name_zh", "name"])
            .ok_or_else(|| Error::shape(what, format!("{adcode} has no name_zh")))?;
        let name_en = text_prop(props, &["name_en"]).unwrap_or_else(|| name_zh.clone());
        let parent = text_prop(props, &["parent"]);
        let geometry = feature
            .geometry
            .as_ref()
            .ok_or_else(|| Error::shape(what, format!("{adcode} has no geometry")))?;
        let polygons: Vec<Polygon> = match &geometry.value {
            GeometryValue::Polygon { coordinates } => {
                vec![polygon(coordinates)
                    .map_err(|r| Error::shape(what, format!("{adcode}: {r}")))?]
            }
            GeometryValue::MultiPolygon { coordinates } => coordinates
                .iter()
                .map(polygon)
                .collect::<Result<_, _>>()
                .map_err(|r| Error::shape(what, format!("{adcode}: {r}")))?,
            other => {
                return Err(Error::shape(
                    what,
                    format!("{adcode} is a {}, not a polygon", other.type_name()),
                ))
            }
        };
        if polygons.is_empty() {
            return Err(Error::shape(
                what,
                format!("{adcode} has an empty geometry"),
            ));
        }
        let label = label_of(props).unwrap_or_else(|| fallback_label(&polygons));
        regions.push(Region {
            adcode,
            name_zh,
            name_en,
            parent,
            label,
            polygons,
        });
    }
    if regions.is_empty() {
        return Err(Error::validation(what, Problem::NothingToDraw));
    }
    Ok(Boundaries { regions, meta })
}

fn text_prop(props: &JsonObject, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| props.get(*k).and_then(JsonValue::as_str))
        .map(str::to_string)
}

fn meta_of(m: &JsonObject) -> BoundaryMeta {
    let get = |k: &str| {
        m.get(k)
            .and_then(JsonValue::as_str)
            .unwrap_or_default()
            .to_string()
    };
    BoundaryMeta {
        source_zh: get("source_zh"),
        source_en: get("source_en"),
        notice_zh: get("notice_zh"),
        notice_en: get("notice_en"),
        approval_number: m
            .get("approval_number")
            .and_then(JsonValue::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    }
}

fn label_of(props: &JsonObject) -> Option<[f64; 2]> {
    let arr = props.get("label")?.as_array()?;
    match (arr.first()?.as_f64(), arr.get(1)?.as_f64()) {
        (Some(x), Some(y)) if x.is_finite() && y.is_finite() => Some([x, y]),
        _ => None,
    }
}

fn polygon(rings: &PolygonType) -> Result<Polygon, String> {
    if rings.is_empty() {
        return Err("polygon without rings".into());
    }
    rings
        .iter()
        .map(|ring| {
            if ring.len() < 4 {
                return Err(format!(
                    "ring with {} positions (at least 4 needed)",
                    ring.len()
                ));
            }
            // A third number (height) is allowed by GeoJSON and ignored.
            let ring: Ring = ring
                .iter()
                .map(|p| match p.as_slice() {
                    [x, y, ..] if x.is_finite() && y.is_finite() => Ok([*x, *y]),
                    _ => Err("position without two finite numbers".to_string()),
                })
                .collect::<Result<_, _>>()?;
            if let Some([x, y]) = ring.iter().find(|[x, y]| !inside_china(*x, *y)) {
                // Numbers written by `format` (no float `Display` in the wasm).
                let [x, y] = [*x, *y].map(shortest);
                let [w, e, s, n] = CHINA.map(format_number);
                return Err(format!(
                    "position [{x}, {y}] lies outside China ({w}°–{e}° E, {s}°–{n}° N): \
                     the file must give longitude, then latitude, in degrees (WGS 84 or GCJ-02)"
                ));
            }
            if ring.first() != ring.last() {
                return Err("ring not closed (its last position is not its first)".into());
            }
            if let Some([x, y]) = super::ring_check::crossing(&ring) {
                return Err(format!("ring crosses itself near [{x:.4}, {y:.4}]"));
            }
            Ok(ring)
        })
        .collect()
}

/// China's extent in degrees: west, east, south, north (with a margin).
const CHINA: [f64; 4] = [73.0, 136.0, 3.0, 54.0];

fn inside_china(lon: f64, lat: f64) -> bool {
    (CHINA[0]..=CHINA[1]).contains(&lon) && (CHINA[2]..=CHINA[3]).contains(&lat)
}

fn fallback_label(polygons: &[Polygon]) -> [f64; 2] {
    let bbox = |p: &Polygon| {
        let ext = p.first().map(Vec::as_slice).unwrap_or_default();
        let (mut x0, mut y0, mut x1, mut y1) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for [x, y] in ext {
            (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
        }
        (x0, y0, x1, y1)
    };
    polygons
        .iter()
        .map(bbox)
        .max_by(|a, b| ((a.2 - a.0) * (a.3 - a.1)).total_cmp(&((b.2 - b.0) * (b.3 - b.1))))
        .map(|(x0, y0, x1, y1)| [(x0 + x1) / 2.0, (y0 + y1) / 2.0])
        .unwrap_or([0.0, 0.0])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str =
        r#"{"type":"Polygon","coordinates":[[[112,37],[113,37],[113,38],[112,37]]]}"#;

    fn collection(features: &[String]) -> String {
        format!(
            r#"{{"type":"FeatureCollection","metadata":{{"source_zh":"来源","source_en":"Source","notice_zh":"示意图","notice_en":"Schematic","approval_number":"GS(2024)1234号"}},"features":[{}]}}"#,
            features.join(",")
        )
    }

    fn feature(props: &str, geometry: &str) -> String {
        format!(r#"{{"type":"Feature","properties":{props},"geometry":{geometry}}}"#)
    }

    #[test]
    fn parses_regions_and_metadata() {
        let text = collection(&[feature(
            r#"{"adcode":"140100","name_zh":"太原市","name_en":"Taiyuan","label":[112.5,37.5]}"#,
            SQUARE,
        )]);
        let b = parse_boundaries("test", &text).expect("valid");
        assert_eq!(b.regions.len(), 1);
        let r = &b.regions[0];
        assert_eq!(
            (r.adcode.as_str(), r.name_en.as_str(), r.label),
            ("140100", "Taiyuan", [112.5, 37.5])
        );
        assert_eq!(r.short_name_zh(), "太原");
        assert_eq!(b.meta.approval_number.as_deref(), Some("GS(2024)1234号"));
        assert_eq!(b.meta.notice_en, "Schematic");
    }

    #[test]
    fn numeric_adcode_and_missing_label_and_english_name() {
        let text = collection(&[feature(r#"{"adcode":140200,"name":"大同市"}"#, SQUARE)]);
        let r = &parse_boundaries("test", &text).expect("valid").regions[0];
        assert_eq!(r.adcode, "140200");
        assert_eq!(r.name_en, "大同市");
        assert_eq!(r.label, [112.5, 37.5]);
    }

    #[test]
    fn county_short_name_is_whole() {
        let text = collection(&[feature(
            r#"{"adcode":"140181","name_zh":"古交市","parent":"140100"}"#,
            SQUARE,
        )]);
        let r = &parse_boundaries("test", &text).expect("valid").regions[0];
        assert_eq!(r.short_name_zh(), "古交市");
        assert_eq!(r.parent.as_deref(), Some("140100"));
    }

    fn error_of(text: &str) -> Error {
        parse_boundaries("f.geojson", text).expect_err("invalid")
    }

    /// The reason of a shape error.
    fn shape_of(text: &str) -> String {
        match error_of(text) {
            Error::Shape { file, reason } if file == "f.geojson" => reason,
            other => panic!("expected a shape error, got {other:?}"),
        }
    }

    fn problem(problem: Problem) -> Error {
        Error::validation("f.geojson", problem)
    }

    #[test]
    fn rejects_garbage_with_a_reason() {
        let garbage = error_of("<html>not found</html>");
        assert!(matches!(garbage, Error::Json { .. }));
        // The browser test of a garbage boundary file looks for these words.
        assert!(garbage
            .to_string()
            .starts_with("f.geojson is not valid JSON: "));
        assert!(shape_of(SQUARE).contains("FeatureCollection"));
        assert_eq!(error_of(&collection(&[])), problem(Problem::NothingToDraw));
    }

    #[test]
    fn rejects_bad_features() {
        let no_code = collection(&[feature(r#"{"name_zh":"x"}"#, SQUARE)]);
        assert!(shape_of(&no_code).contains("no adcode"));
        let bad_code = collection(&[feature(r#"{"adcode":"14","name_zh":"x"}"#, SQUARE)]);
        let (at, adcode) = (At::Feature(1), "14".to_string());
        assert_eq!(
            error_of(&bad_code),
            problem(Problem::BadAdcode { at, adcode })
        );
        let dup = collection(&[
            feature(r#"{"adcode":"140100","name_zh":"x"}"#, SQUARE),
            feature(r#"{"adcode":"140100","name_zh":"y"}"#, SQUARE),
        ]);
        let (kind, id) = (Item::Adcode, "140100".to_string());
        assert_eq!(error_of(&dup), problem(Problem::Duplicate { kind, id }));
        let point = collection(&[feature(
            r#"{"adcode":"140100","name_zh":"x"}"#,
            r#"{"type":"Point","coordinates":[1,2]}"#,
        )]);
        assert!(shape_of(&point).contains("not a polygon"));
        let short = collection(&[feature(
            r#"{"adcode":"140100","name_zh":"x"}"#,
            r#"{"type":"Polygon","coordinates":[[[1,2],[2,3],[1,2]]]}"#,
        )]);
        assert!(shape_of(&short).contains("at least 4"));
        let no_name = collection(&[feature(r#"{"adcode":"140100"}"#, SQUARE)]);
        assert!(shape_of(&no_name).contains("name_zh"));
    }
}
