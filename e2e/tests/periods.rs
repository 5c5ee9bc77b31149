//! Single months and spans from January (indicator-facts.md, section F): the
//! timeline shows one run at a time, with a switch between them; every month
//! of the rank layer is on the map with its best and worst three; the layer
//! "compared with the regional average" covers all 11 cities where a notice
//! says, and names the one city equal to it.

use e2e::page::{Page, INDICATOR};
use fantoccini::key::Key;
use serde_json::json;

const MONTHS: [&str; 12] = [
    "2019-10", "2020-11", "2021-04", "2021-08", "2022-01", "2022-02", "2022-04", "2022-06",
    "2023-02", "2023-05", "2023-06", "2023-11",
];

/// Counts of the map's classes, e.g. {"best3": 3, …}.
const COUNTS: &str = "const n = {}; for (const p of document.querySelectorAll('svg path.region')) \
    { const c = p.dataset.class || 'none'; n[c] = (n[c] || 0) + 1; } return n;";

fn period_of(search: &str) -> String {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("period="))
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn the_timeline_switches_between_months_and_spans_from_january() {
    let page = Page::coloured(1280, 800, "/").await;
    let pressed = "return [...document.querySelectorAll('.timeline button[name=series]')].filter(b => !b.hidden).map(b => [b.value, b.getAttribute('aria-pressed')])";
    assert_eq!(
        page.js(pressed).await,
        json!([["cumulative", "true"], ["month", "false"]])
    );
    let max = "return document.querySelector('input[name=period]').max";
    assert_eq!(page.js(max).await, json!("10"), "eleven spans from January");
    page.click(".timeline button[name=series][value=month]")
        .await;
    page.wait_true("return location.search.includes('period=2023-11')")
        .await;
    assert_eq!(page.js(max).await, json!("11"), "twelve single months");
    assert_eq!(
        page.js(pressed).await,
        json!([["cumulative", "false"], ["month", "true"]])
    );
    let label = page.text_of(".period-label").await;
    assert!(
        label.contains("2023年11月") && label.contains("Nov 2023"),
        "{label}"
    );
    page.screenshot("periods-months-1280").await;
    // Walk every month back with the keyboard: each is a month, none a span,
    // and each has its best and worst three on the map.
    page.js("document.querySelector('input[name=period]').focus(); return true")
        .await;
    let mut seen = vec![period_of(&page.search().await)];
    for _ in 1..MONTHS.len() {
        page.press(Key::Left).await;
        page.wait_true(&format!(
            "return !location.search.includes('period={}')",
            seen.last().cloned().unwrap_or_default()
        ))
        .await;
        let p = period_of(&page.search().await);
        let counts = page.js(COUNTS).await;
        assert_eq!(counts["best3"], json!(3), "{p}: {counts}");
        assert_eq!(counts["worst3"], json!(3), "{p}: {counts}");
        assert_eq!(counts["middle"], json!(5), "{p}: {counts}");
        seen.push(p);
    }
    seen.reverse();
    assert_eq!(seen, MONTHS, "the months, in time order, and only they");
    // Back to the spans from January: the newest of them.
    page.click(".timeline button[name=series][value=cumulative]")
        .await;
    page.wait_true(
        "return location.search === '' || location.search.includes('period=2023-jan-nov')",
    )
    .await;
    page.close().await;
}

#[tokio::test]
async fn the_regional_benchmark_colours_all_eleven_cities() {
    let page = Page::coloured(1280, 800, "/").await;
    page.choose(INDICATOR, "air-vs-region").await;
    page.wait_true("return location.search.includes('indicator=air-vs-region')")
        .await;
    page.wait_true("return location.search.includes('period=2023-jan-jun')")
        .await;
    let counts = page.js(COUNTS).await;
    assert_eq!(counts, json!({"better": 6, "worse": 5}), "Jan–Jun 2023");
    let legend = page.text_of(".legend").await;
    for words in ["优于区域平均", "Worse than the average", "无数据"] {
        assert!(legend.contains(words), "{words}: {legend}");
    }
    page.screenshot("periods-region-1280").await;
    // June 2023: Xinzhou equal to the average.
    page.click(".timeline button[name=series][value=month]")
        .await;
    page.wait_true("return location.search.includes('period=2023-06')")
        .await;
    assert_eq!(page.class_of("140900").await, json!("equal"));
    assert_eq!(
        page.js(COUNTS).await,
        json!({"better": 2, "equal": 1, "worse": 8})
    );
    // A month the notice says nothing of is not offered (no "worse" by default).
    let months = page
        .js("return Number(document.querySelector('input[name=period]').max) + 1")
        .await;
    assert_eq!(months, json!(10));
    page.close().await;
}
