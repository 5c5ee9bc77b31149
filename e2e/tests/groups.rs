//! The indicator picker groups its layers: pollution (air and water quality),
//! remediation (where cities are cleaning up: the measures that name them),
//! and a person's own data once loaded.

use e2e::page::Page;
use serde_json::json;

const GROUPS: &str =
    "return [...document.querySelectorAll('select[name=indicator] optgroup')].map(g => \
    [g.label, [...g.querySelectorAll('option')].map(o => o.value)])";

#[tokio::test]
async fn layers_are_grouped_as_pollution_remediation_and_your_data() {
    let page = Page::coloured(1280, 800, "/").await;
    // The measures (and with them the count layer) arrive after the map.
    page.wait_true(
        "return !!document.querySelector('select[name=indicator] option[value=measure-count]')",
    )
    .await;
    let groups = page.js(GROUPS).await;
    let groups = groups.as_array().cloned().unwrap_or_default();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(groups[0][0]
        .as_str()
        .is_some_and(|l| l.starts_with("污染 Pollution")));
    let pollution = groups[0][1].as_array().cloned().unwrap_or_default();
    for id in ["air-rank", "pm25", "water-quality-index", "water-rank"] {
        assert!(pollution.contains(&json!(id)), "{id} in {pollution:?}");
    }
    assert!(groups[1][0]
        .as_str()
        .is_some_and(|l| l.starts_with("治理 Remediation")));
    assert_eq!(groups[1][1], json!(["water-improvement", "measure-count"]));
    page.close().await;
}
