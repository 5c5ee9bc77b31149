//! Comparing cities: Shift-click adds a city; two to four cities are shown side by
//! side across all indicators.

use e2e::page::Page;
use serde_json::json;

#[tokio::test]
async fn shift_click_adds_cities_and_they_are_compared_side_by_side() {
    let page = Page::open(1280, 900, |_| {}).await;
    page.wait_for_colours().await;
    page.click_at(page.label_point("140100").await).await;
    page.js("document.querySelector('path.region[data-adcode=\"140800\"]').dispatchEvent(new MouseEvent('click', {bubbles: true, shiftKey: true})); return true").await;
    page.wait_js(
        "return location.search.endsWith('&cities=140100,140800')",
        json!(true),
    )
    .await;
    page.wait_for(".compare-view table.compare").await;
    let head = page
        .js("return [...document.querySelectorAll('.compare thead th')].map(t => t.textContent)")
        .await;
    assert_eq!(
        head,
        json!(["指标 Indicator", "太原市 Taiyuan", "运城市 Yuncheng"])
    );
    let pm = page
        .js("const r = [...document.querySelectorAll('.compare tbody tr')].find(r => r.cells[0].textContent.includes('PM2.5 annual mean')); return [...r.cells].slice(1).map(c => c.textContent)")
        .await;
    assert_eq!(pm, json!(["41 μg/m³", "49 μg/m³"]));
    page.screenshot("compare").await;
    // Shift-click again removes a city; one city is no comparison.
    page.js("document.querySelector('path.region[data-adcode=\"140800\"]').dispatchEvent(new MouseEvent('click', {bubbles: true, shiftKey: true})); return true").await;
    page.wait_js(
        "return document.querySelectorAll('.compare-view table').length",
        json!(0),
    )
    .await;
    page.close().await;
}
