//! Every reader of outside input, fed arbitrary bytes and arbitrary structured
//! input: no panic (a wasm panic kills the page), every failure a typed error.
//! 10 000 cases each run in the test command (`PROPTEST_CASES` sets another
//! number, e.g. for a longer run).

mod common;

use proptest::prelude::*;
use serde_json::Value;

use shanxi_eco_map::data::geo::parse_boundaries;
use shanxi_eco_map::data::import::{import_csv, message, Numbering};
use shanxi_eco_map::data::indicators::IndicatorSet;
use shanxi_eco_map::data::policies::Policies;
use shanxi_eco_map::state::{Known, Query};

/// The shipped files, read once for all cases.
fn shipped() -> &'static (Vec<shanxi_eco_map::data::geo::Region>, IndicatorSet, Known) {
    static SHIPPED: std::sync::OnceLock<(
        Vec<shanxi_eco_map::data::geo::Region>,
        IndicatorSet,
        Known,
    )> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| {
        (
            common::boundaries(common::PREFECTURES).regions,
            common::indicators(),
            Known::of(&common::policies()),
        )
    })
}

/// Cases per property: 10 000 unless `PROPTEST_CASES` says otherwise.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    ProptestConfig {
        cases,
        // Nothing panics, so there is nothing to shrink; keep failures quick.
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    }
}

/// Any JSON value, a few levels deep, with the data files' keys among the
/// object keys so that the readers get past their first checks.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("type".to_string()),
        Just("features".to_string()),
        Just("properties".to_string()),
        Just("geometry".to_string()),
        Just("coordinates".to_string()),
        Just("adcode".to_string()),
        Just("name".to_string()),
        Just("sources".to_string()),
        Just("periods".to_string()),
        Just("indicators".to_string()),
        Just("observations".to_string()),
        Just("id".to_string()),
        Just("value".to_string()),
        Just("measures".to_string()),
        Just("regions".to_string()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("Polygon"),
            Just("MultiPolygon"),
            Just("FeatureCollection"),
            Just("Feature"),
            Just("numeric"),
            Just("140100")
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Lines that look like a table: cities in their forms, numbers in theirs,
/// quotes, separators and markup.
fn table() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just("太原".to_string()),
        Just("太原市".to_string()),
        Just("Taiyuan".to_string()),
        Just("140100".to_string()),
        Just("城市".to_string()),
        Just("NaN".to_string()),
        Just("Infinity".to_string()),
        Just("1e308".to_string()),
        Just("-3".to_string()),
        Just("\"a,\"\"b\"\"\n c\"".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("=HYPERLINK(\"x\")".to_string()),
        ".{0,6}",
    ];
    let sep = prop_oneof![Just(","), Just("\t"), Just(";")];
    (
        sep,
        prop::collection::vec(prop::collection::vec(cell, 0..5), 0..12),
    )
        .prop_map(|(sep, rows)| {
            rows.into_iter()
                .map(|r| r.join(sep))
                .collect::<Vec<_>>()
                .join("\n")
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn csv_import_reads_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let (regions, _, _) = shipped();
        let result = import_csv("x.csv", &bytes, regions, Numbering::default());
        // What the worker would answer reads back in the page, or says why not.
        let text = message::write(&result);
        let root: Value = serde_json::from_str(&text).expect("the worker writes JSON");
        let _ = message::read(root);
    }

    #[test]
    fn csv_import_reads_any_table(text in table()) {
        let (regions, set, _) = shipped();
        if let Ok(imp) = import_csv("x.csv", text.as_bytes(), regions, Numbering::default()) {
            // A table it reads merges into the shipped data or says why not.
            let mut set = set.clone();
            let _ = set.merge(imp.set, "x.csv");
        }
    }

    #[test]
    fn the_url_parser_takes_any_query(q in ".{0,200}") {
        let (_, set, known) = shipped();
        let (view, _) = Query::parse(&q).view(set, known);
        let _ = Query::parse(&format!("?{}", view.to_query())).view(set, known);
    }

    #[test]
    fn the_geojson_reader_takes_any_text(text in ".{0,300}") {
        let _ = parse_boundaries("x.geojson", &text);
    }

    #[test]
    fn the_geojson_reader_takes_any_json(v in json()) {
        let _ = parse_boundaries("x.geojson", &v.to_string());
    }

    #[test]
    fn the_indicator_reader_takes_any_json(v in json()) {
        let _ = IndicatorSet::parse("x.json", &v.to_string());
    }

    #[test]
    fn the_policy_reader_takes_any_json(v in json()) {
        let _ = Policies::parse("x.json", &v.to_string());
    }

    #[test]
    fn the_data_readers_take_any_text(text in ".{0,300}") {
        let _ = IndicatorSet::parse("x.json", &text);
        let _ = Policies::parse("x.json", &text);
    }
}
