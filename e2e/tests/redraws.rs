//! Parts drawn as markup keep what a person is using across a redraw: the
//! pressed run button keeps the keyboard focus, the city chips' live region
//! and the Embed dialog's status stay the same elements (so a screen reader
//! hears them change), and a table scrolled sideways stays where it is.

use e2e::page::Page;
use serde_json::json;

#[tokio::test]
async fn the_run_switch_keeps_the_focus_on_the_button_pressed() {
    let page = Page::coloured(1280, 800, "/").await;
    page.js(
        "document.querySelector('.timeline button[name=series][value=month]').focus(); return true",
    )
    .await;
    page.js("document.activeElement.click(); return true").await;
    page.wait_true("return location.search.includes('period=2023-11')")
        .await;
    let focused = "const a = document.activeElement; return [a.name, a.value, a.getAttribute('aria-pressed')]";
    page.wait_js(focused, json!(["series", "month", "true"]))
        .await;
    page.close().await;
}

#[tokio::test]
async fn live_regions_stay_the_same_elements() {
    let page = Page::coloured(1280, 900, "/").await;
    page.wait_for(".policy-filters .chips").await;
    page.js("window.__chips = document.querySelector('.policy-filters .chips'); return true")
        .await;
    page.choose("select[name=add-city]", "140800").await;
    page.wait_for(".city-chip[data-adcode='140800']").await;
    assert_eq!(
        page.js("return window.__chips === document.querySelector('.policy-filters .chips') && window.__chips.isConnected")
            .await,
        json!(true),
        "the chips' live region is kept"
    );
    page.wait_value("select[name=add-city]", "").await;
    assert_eq!(
        page.js("return document.querySelector('select[name=add-city] option[value=\"140800\"]').hidden")
            .await,
        json!(true),
        "a chosen city is not offered again"
    );
    page.click(".embed-tools > button").await;
    page.wait_for(".embed-box .copy-status").await;
    page.js("window.__status = document.querySelector('.embed-box .copy-status'); return true")
        .await;
    page.click("button[name=copy-embed]").await;
    page.wait_true("return document.querySelector('.embed-box .copy-status').textContent !== ''")
        .await;
    assert_eq!(
        page.js("return window.__status === document.querySelector('.embed-box .copy-status')")
            .await,
        json!(true),
        "the status is written in place"
    );
    page.close().await;
}

#[tokio::test]
async fn a_table_scrolled_sideways_stays_there_when_sorted() {
    let page = Page::coloured(390, 844, "/?indicator=pm25&period=2023").await;
    page.click("details.data-table summary").await;
    page.wait_count(".data-table tbody tr", 11).await;
    let scrolled = page
        // Narrower than its table, whatever the type size (a phone in an
        // embed can be narrower still).
        .js("const s = document.querySelector('.data-table .table-scroll'); s.style.maxWidth = '200px'; s.scrollLeft = 120; return s.scrollLeft")
        .await;
    let left = scrolled.as_f64().unwrap_or_default();
    assert!(left > 0.0, "the table is wider than its box: {scrolled}");
    page.js("document.querySelector('.data-table button[data-sort=value]').click(); return true")
        .await;
    page.wait_js(
        "return document.querySelector('.data-table th[aria-sort=ascending] button').dataset.sort",
        json!("value"),
    )
    .await;
    assert_eq!(
        page.js("return document.querySelector('.data-table .table-scroll').scrollLeft")
            .await
            .as_f64()
            .unwrap_or_default(),
        left
    );
    page.close().await;
}
