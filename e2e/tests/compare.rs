//! Comparing cities: Shift-click adds a city; two to four cities are shown side by
//! side across all indicators.

use e2e::page::{region, Page};
use serde_json::json;

/// Shift-clicks the region with this adcode.
async fn shift_click(page: &Page, adcode: &str) {
    page.js(&format!(
        "{}.dispatchEvent(new MouseEvent('click', {{bubbles: true, shiftKey: true}})); return true",
        region(adcode)
    ))
    .await;
}

#[tokio::test]
async fn shift_click_adds_cities_and_they_are_compared_side_by_side() {
    let page = Page::coloured(1280, 900, "/").await;
    page.click_region("140100").await;
    shift_click(&page, "140800").await;
    page.wait_true("return location.search.endsWith('&cities=140100,140800')")
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
    shift_click(&page, "140800").await;
    page.wait_count(".compare-view table", 0).await;
    page.close().await;
}

/// A fifth city is not dropped silently: the comparison says why it compares
/// four and names the city left out; shift-clicking selects no page text.
#[tokio::test]
async fn a_fifth_city_is_named_as_not_compared() {
    let page = Page::coloured(1280, 900, "/?cities=140100,140200,140300,140400").await;
    page.wait_for(".compare-view table.compare").await;
    assert!(!page.has(".compare-view .left-out").await, "four fit");
    shift_click(&page, "140500").await;
    page.wait_for(".compare-view .left-out").await;
    let note = page.text_of(".compare-view .left-out").await;
    assert!(
        note.contains("晋城") && note.contains("Jincheng") && note.contains("readable"),
        "{note}"
    );
    assert_eq!(
        page.js("return getComputedStyle(document.querySelector('.map')).userSelect")
            .await,
        json!("none")
    );
    page.close().await;
}

/// Figures of different years side by side (a 2017 water figure beside 2023
/// air figures) are said to be so.
#[tokio::test]
async fn a_comparison_across_years_says_so() {
    let page = Page::coloured(1280, 900, "/?cities=140100,140800").await;
    page.wait_for(".compare-view table.compare").await;
    let periods = page
        .strings("return [...document.querySelectorAll('.compare tbody th .muted')].map(s => s.textContent)")
        .await;
    let years: std::collections::BTreeSet<String> = periods
        .iter()
        .filter_map(|p| p.get(..4).map(str::to_string))
        .collect();
    assert!(years.len() > 1, "the shipped data mixes years: {periods:?}");
    let note = page.text_of(".compare-view .mixed-years").await;
    assert!(
        note.contains("不同年份") && note.contains("different years"),
        "{note}"
    );
    page.close().await;
}
