//! The indicator table: sortable, and its CSV download is exactly what it shows.

use e2e::page::Page;
use serde_json::json;

/// Sorts the table by value (again: the other way round) and waits until the
/// first row is the city `first`.
async fn sort_by_value(page: &Page, first: &str) {
    page.click(".data-table button[data-sort=value]").await;
    page.wait_js(
        "return document.querySelector('.data-table tbody tr').dataset.adcode",
        json!(first),
    )
    .await;
}

#[tokio::test]
async fn table_sorts_and_downloads_what_it_shows_as_utf8_csv_with_bom() {
    let page = Page::coloured(1280, 900, "/?indicator=pm25&period=2023").await;
    page.click("details.data-table summary").await;
    page.wait_count(".data-table tbody tr", 11).await;
    sort_by_value(&page, "140300").await;
    sort_by_value(&page, "140800").await;
    let shown = page.strings("return [...document.querySelectorAll('.data-table tbody tr')].map(r => r.dataset.adcode)").await;
    let got = page
        .js_async(
            "const done = arguments[arguments.length - 1];
        fetch(document.querySelector('.data-table a[download]').href).then(r => r.arrayBuffer()).then(b => {
            const bytes = new Uint8Array(b);
            done([bytes[0], bytes[1], bytes[2], new TextDecoder().decode(b)]);
        }, e => done(String(e)));",
        )
        .await;
    assert_eq!(
        [&got[0], &got[1], &got[2]],
        [&json!(0xEF), &json!(0xBB), &json!(0xBF)],
        "UTF-8 BOM"
    );
    let text = got[3].as_str().unwrap_or_default();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 12, "{text}");
    assert!(lines[0].contains("PM2.5") && lines[0].contains("来源 Source"));
    let order: Vec<String> = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(2).unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        order, shown,
        "the CSV has the table's rows in the table's order"
    );
    assert!(
        lines[1].starts_with("运城市,Yuncheng,140800,49 μg/m³"),
        "{}",
        lines[1]
    );
    let name = page
        .js("return document.querySelector('.data-table a[download]').getAttribute('download')")
        .await;
    assert_eq!(name, json!("shanxi-pm25-2023.csv"));
    page.close().await;
}
