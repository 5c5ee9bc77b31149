//! The indicator table: sortable, and its CSV download is exactly what it shows,
//! ready for analysis (numbers alone in the value column, one language).

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
    // The map's caption first, in the page's language, then a blank line.
    let caption = page
        .js("return document.querySelector('.map-caption p .zh').textContent")
        .await;
    let caption = caption.as_str().unwrap_or_default();
    assert!(
        caption.contains("PM2.5") && caption.contains("来源"),
        "{caption}"
    );
    assert_eq!(lines[0].trim_matches('"'), caption, "{text}");
    assert_eq!(lines[1], "", "{text}");
    let lines = &lines[2..];
    assert_eq!(lines.len(), 12, "{text}");
    assert_eq!(
        lines[0], "城市,行政区划代码,PM2.5 年均浓度 (μg/m³),分级,时段,范围,来源,备注",
        "one language, the value column named with its unit"
    );
    let order: Vec<String> = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(1).unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        order, shown,
        "the CSV has the table's rows in the table's order"
    );
    assert!(lines[1].starts_with("运城市,140800,49,"), "{}", lines[1]);
    assert!(
        lines[1..]
            .iter()
            .any(|l| l.ends_with(",无数据") && l.split(',').nth(2) == Some("")),
        "no data: an empty value and a note: {text}"
    );
    let name = page
        .js("return document.querySelector('.data-table a[download]').getAttribute('download')")
        .await;
    assert_eq!(name, json!("shanxi-pm25-2023.csv"));
    page.close().await;
}

/// A rank layer sorts by the published position, ties together and no data
/// last either way; by class it goes best, middle, worst.
#[tokio::test]
async fn a_rank_layer_sorts_by_published_position_and_by_band() {
    let page = Page::coloured(1280, 900, "/?indicator=air-rank&period=2023-jan-nov").await;
    page.click("details.data-table summary").await;
    page.wait_count(".data-table tbody tr", 11).await;
    let order =
        "return [...document.querySelectorAll('.data-table tbody tr')].map(r => r.dataset.adcode)";
    sort_by_value(&page, "140200").await;
    assert_eq!(
        page.strings(order).await,
        [
            "140200", "140600", "140400", "140500", "140700", "140900", "141100", "140300",
            "140800", "140100", "141000"
        ],
        "by position: 1st, 2nd, 3rd, the middle 4th–7th, the tie for 8th–9th, 10th, 11th"
    );
    sort_by_value(&page, "141000").await;
    assert_eq!(
        page.strings(order).await[..4],
        ["141000", "140100", "140300", "140800"],
        "the other way round, the tie still together"
    );
    page.click(".data-table button[data-sort=class]").await;
    page.wait_js(
        "return document.querySelector('.data-table tbody tr').dataset.adcode",
        json!("140200"),
    )
    .await;
    assert_eq!(
        page.strings(order).await,
        [
            "140200", "140400", "140600", "140500", "140700", "140900", "141100", "140100",
            "140300", "140800", "141000"
        ],
        "by band: best, middle, worst"
    );
    page.close().await;
}
