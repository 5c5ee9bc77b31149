//! Replacement boundary files (the documented way to use other boundaries,
//! read when the site is built), broken every way a hand-made or converted
//! GeoJSON file is, table-driven: each is refused with a message that names
//! the file and says what is wrong, or, when it is only unusual (3-D positions,
//! numeric adcodes), read as it should be.

use shanxi_eco_map::data::geo::parse_boundaries;
use shanxi_eco_map::map::loaded::LoadedMap;

/// A closed square inside Shanxi, as a Polygon's rings.
const SQUARE: &str = "[[[112,37],[113,37],[113,38],[112,38],[112,37]]]";

fn feature(props: &str, geometry: &str) -> String {
    format!(r#"{{"type":"Feature","properties":{props},"geometry":{geometry}}}"#)
}

fn polygon(rings: &str) -> String {
    format!(r#"{{"type":"Polygon","coordinates":{rings}}}"#)
}

fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

fn taiyuan(geometry: &str) -> String {
    collection(&[feature(
        r#"{"adcode":"140100","name_zh":"太原市","name_en":"Taiyuan"}"#,
        geometry,
    )])
}

#[test]
fn broken_boundary_files_are_refused_with_a_reason() {
    let square = polygon(SQUARE);
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty text", String::new(), "is not valid JSON"),
        ("an HTML page", "<html><h1>404</h1></html>".into(), "is not valid JSON"),
        ("cut short", taiyuan(&square)[..60].to_string(), "is not valid JSON"),
        ("a JSON array", "[1, 2, 3]".into(), "does not have the expected shape"),
        (
            "a Feature, not a collection",
            feature(r#"{"adcode":"140100","name_zh":"x"}"#, &square),
            "FeatureCollection",
        ),
        ("no features", collection(&[]), "nothing to draw"),
        (
            "no properties",
            collection(&[format!(r#"{{"type":"Feature","properties":null,"geometry":{square}}}"#)]),
            "has no properties",
        ),
        (
            "no adcode",
            collection(&[feature(r#"{"name_zh":"太原市"}"#, &square)]),
            "has no adcode",
        ),
        (
            "a short adcode",
            collection(&[feature(r#"{"adcode":"1401","name_zh":"太原市"}"#, &square)]),
            "1401",
        ),
        (
            "a duplicate adcode",
            collection(&[
                feature(r#"{"adcode":"140100","name_zh":"太原市"}"#, &square),
                feature(r#"{"adcode":"140100","name_zh":"大同市"}"#, &square),
            ]),
            "140100",
        ),
        (
            "no name",
            collection(&[feature(r#"{"adcode":"140100"}"#, &square)]),
            "has no name_zh",
        ),
        (
            "no geometry",
            collection(&[feature(r#"{"adcode":"140100","name_zh":"太原市"}"#, "null")]),
            "has no geometry",
        ),
        (
            "a point",
            taiyuan(r#"{"type":"Point","coordinates":[112.5,37.8]}"#),
            "not a polygon",
        ),
        (
            "an empty multipolygon",
            taiyuan(r#"{"type":"MultiPolygon","coordinates":[]}"#),
            "empty geometry",
        ),
        ("a polygon without rings", taiyuan(&polygon("[]")), "without rings"),
        (
            "a ring of three positions",
            taiyuan(&polygon("[[[112,37],[113,37],[112,37]]]")),
            "at least 4",
        ),
        (
            "a position of one number",
            taiyuan(&polygon("[[[112,37],[113],[113,38],[112,37]]]")),
            "two finite numbers",
        ),
        (
            "an open ring",
            taiyuan(&polygon("[[[112,37],[113,37],[113,38],[112,38]]]")),
            "not closed",
        ),
        (
            "a ring that crosses itself (a bow tie)",
            taiyuan(&polygon("[[[112,37],[113,38],[113,37],[112,38],[112,37]]]")),
            "crosses itself near [112.5000, 37.5000]",
        ),
        (
            "latitude and longitude swapped",
            taiyuan(&polygon("[[[37,112],[37,113],[38,113],[38,112],[37,112]]]")),
            "outside China",
        ),
        (
            "projected metres, not degrees",
            taiyuan(&polygon(
                "[[[12500000,4500000],[12600000,4500000],[12600000,4600000],[12500000,4500000]]]",
            )),
            "outside China",
        ),
        (
            "a position at 0, 0",
            taiyuan(&polygon("[[[0,0],[113,37],[113,38],[0,0]]]")),
            "outside China",
        ),
        (
            "a hole that crosses itself",
            taiyuan(&polygon(
                "[[[112,37],[114,37],[114,39],[112,39],[112,37]],[[112.5,37.5],[113.5,38.5],[113.5,37.5],[112.5,38.5],[112.5,37.5]]]",
            )),
            "crosses itself",
        ),
    ];
    for (what, text, words) in &cases {
        match parse_boundaries("b.geojson", text) {
            Ok(b) => panic!("{what}: read, {} regions", b.regions.len()),
            Err(e) => {
                let message = e.to_string();
                assert!(
                    message.starts_with("b.geojson") || message.contains("b.geojson"),
                    "{what}: the message names the file: {message}"
                );
                assert!(message.contains(words), "{what}: \"{words}\" in: {message}");
            }
        }
    }
    println!("{} broken boundary files refused", cases.len());
}

#[test]
fn unusual_but_valid_boundary_files_are_read() {
    let cases = [
        (
            "3-D positions (a height is allowed and ignored)",
            taiyuan(&polygon(
                "[[[112,37,800],[113,37,810],[113,38,790],[112,38,805],[112,37,800]]]",
            )),
        ),
        (
            "a numeric adcode",
            collection(&[feature(
                r#"{"adcode":140100,"name":"太原市"}"#,
                &polygon(SQUARE),
            )]),
        ),
        (
            "a multipolygon with a hole",
            taiyuan(
                r#"{"type":"MultiPolygon","coordinates":[[[[112,37],[114,37],[114,39],[112,39],[112,37]],[[112.5,37.5],[113.5,37.5],[113.5,38.5],[112.5,38.5],[112.5,37.5]]]]}"#,
            ),
        ),
        (
            "unknown members and a BOM-less UTF-8 name",
            collection(&[feature(
                r#"{"adcode":"140100","name_zh":"太原市","population":5430000,"style":{"fill":"red"}}"#,
                &polygon(SQUARE),
            )]),
        ),
    ];
    for (what, text) in &cases {
        let map = LoadedMap::parse("b.geojson", text).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(map.adcodes(), ["140100"], "{what}");
    }
}
