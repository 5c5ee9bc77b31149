//! The policy text's targets and progress: every item of its source, each
//! share drawn as a slope from baseline to latest value (read from the data
//! file here), targets with their deadline or its absence, "no progress
//! published" where nothing is, and each card's measure one click away in
//! the panel.

use e2e::page::Page;
use serde_json::{json, Value};

/// The policy text's published (year, value) pairs of a province figure.
fn published(id: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(e2e::root().join("public/data/indicators.json"))
        .expect("the shipped data file");
    let d: Value = serde_json::from_str(&text).expect("JSON");
    let mut out: Vec<(String, String)> = d["province"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["id"] == id && f["source"] == "S14" && f["kind"].is_null())
        .map(|f| {
            (
                f["period"].as_str().unwrap_or_default().to_string(),
                f["value"].to_string().trim_end_matches(".0").to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn targets_and_progress_with_slopes_and_their_measures() {
    let page = Page::coloured(1280, 800, "/").await;
    page.wait_for(".target-list article.target").await;
    for id in ["green-building-share", "prefab-share"] {
        let want = published(id);
        assert_eq!(want.len(), 2, "{id}: baseline and latest in the data");
        let got = page
            .js(&format!(
                "return [...document.querySelectorAll('article[data-target=\"{id}\"] .slope-point')].map(g => [g.dataset.period, g.dataset.value])"
            ))
            .await;
        let want: Vec<Value> = want.iter().map(|(p, v)| json!([p, v])).collect();
        assert_eq!(
            got,
            json!(want),
            "{id}: the slope's ends are the published values"
        );
    }
    let trees = page.text_of("article[data-target=afforestation]").await;
    assert!(
        trees.contains("300") && trees.contains("期限未说明") && trees.contains("进展未公布"),
        "{trees}"
    );
    let cover = page.text_of("article[data-target=forest-cover]").await;
    assert!(cover.contains("2025"), "{cover}");
    // The measure of a card is chosen in the panel.
    page.js("document.querySelector('.targets').scrollIntoView(); return true")
        .await;
    page.screenshot("targets-1280").await;
    page.click("article[data-target=green-building-share] button.measure-link")
        .await;
    page.wait_true("return location.search.includes('measure=green-buildings')")
        .await;
    page.wait_for(".panel article.measure.chosen[data-measure=green-buildings]")
        .await;
    page.close().await;

    // English on a phone: one language, nothing wider than the screen.
    let page = Page::coloured(390, 844, "/?lang=en").await;
    page.wait_for(".target-list article.target").await;
    let wider = page
        .js("return [...document.querySelectorAll('.target')].filter(t => t.getBoundingClientRect().right > innerWidth + 0.5).length")
        .await;
    assert_eq!(wider, json!(0));
    let trees = page.text_of("article[data-target=afforestation]").await;
    assert!(
        trees.contains("No progress published") && !trees.contains("进展未公布"),
        "{trees}"
    );
    page.js("document.querySelector('.targets').scrollIntoView(); return true")
        .await;
    page.screenshot("targets-390-en").await;
    page.close().await;
}
