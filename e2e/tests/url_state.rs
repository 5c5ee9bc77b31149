//! The URL is the view: reloading restores it, back and forward step through
//! view changes, and bad parameters fall back to defaults with a notice.

use e2e::page::{Page, INDICATOR};
use serde_json::json;

#[tokio::test]
async fn reloading_restores_cities_measure_and_theme() {
    let q = "/?indicator=pm25&period=2023&method=jenks&classes=4&palette=viridis&cities=140800,141000&measure=air-signature&theme=air";
    let page = Page::showing(1280, 900, q, ".policy-panel article[data-measure]").await;
    page.wait_search(&q[1..]).await;
    let pressed = page.strings("return [...document.querySelectorAll('path.region[aria-pressed=true]')].map(p => p.dataset.adcode).sort()").await;
    assert_eq!(pressed, vec!["140800", "141000"]);
    for (select, value) in [
        ("theme", "air"),
        ("method", "jenks"),
        ("palette", "viridis"),
    ] {
        let css = format!("select[name={select}]");
        assert_eq!(page.value_of(&css).await, json!(value));
    }
    page.wait_for("article.measure.chosen[data-measure=air-signature]")
        .await;
    let lit = page.strings("return [...document.querySelectorAll('path.region[data-highlighted=true]')].map(p => p.dataset.adcode)").await;
    assert!(
        lit.contains(&"140800".to_string()),
        "the chosen measure's footprint is shown: {lit:?}"
    );
    page.client.refresh().await.expect("reload");
    page.wait_for_colours().await;
    page.wait_search(&q[1..]).await;
    page.close().await;
}

#[tokio::test]
async fn back_and_forward_step_through_view_changes() {
    let page = Page::showing(1280, 900, "/", ".policy-panel article[data-measure]").await;
    let first = page.search().await;
    page.choose(INDICATOR, "pm25").await;
    page.wait_search("?indicator=pm25&period=2023").await;
    page.click_region("140100").await;
    page.wait_search("?indicator=pm25&period=2023&cities=140100")
        .await;
    page.js("history.back(); return true").await;
    page.wait_search("?indicator=pm25&period=2023").await;
    page.wait_count("path.region[aria-pressed=true]", 0).await;
    page.js("history.back(); return true").await;
    page.wait_search(&first).await;
    page.wait_value(INDICATOR, "air-rank").await;
    let datong = page.classes().await["140200"].clone();
    assert_eq!(datong, "best3", "the map shows the restored view");
    page.js("history.forward(); return true").await;
    page.wait_value(INDICATOR, "pm25").await;
    page.close().await;
}

#[tokio::test]
async fn bad_parameters_fall_back_with_a_notice() {
    for (q, word) in [
        (
            "/?indicator=pm25&period=1999&cities=999999&measure=nope",
            "999999",
        ),
        ("/?classes=99&palette=rainbow&zoom=4", "zoom"),
        ("/?indicator=nope&period=1999", "nope"),
    ] {
        let page = Page::coloured(1280, 900, q).await;
        let notice = page.text_of(".notice").await;
        assert!(notice.contains(word), "{q}: {notice}");
        page.close().await;
    }
    let huge = format!("/?indicator=pm25&pad={}", "x".repeat(10_000));
    let page = Page::coloured(1280, 900, &huge).await;
    let notice = page.text_of(".notice").await;
    assert!(notice.contains("too long"), "{notice}");
    page.wait_search("?indicator=air-rank&period=2023-jan-nov")
        .await;
    page.close().await;
}

#[tokio::test]
async fn quick_changes_become_one_history_entry() {
    let page = Page::coloured(1280, 900, "/").await;
    let before = page.number("return history.length").await;
    page.js(
        "const s = document.querySelector('select[name=indicator]'); \
         for (const v of ['pm25', 'water-quality-index', 'air-index-change']) { \
           s.value = v; s.dispatchEvent(new Event('change', {bubbles: true})); } \
         return true",
    )
    .await;
    page.wait_true("return location.search.startsWith('?indicator=air-index-change')")
        .await;
    assert_eq!(
        page.number("return history.length").await,
        before + 1.0,
        "three switches in a row are one history entry"
    );
    page.close().await;
}
