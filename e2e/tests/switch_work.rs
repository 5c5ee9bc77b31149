//! How much of the page a view switch touches: DOM mutation records (nodes added
//! or removed, attributes and text changed) from changing the indicator, the
//! period and the palette. A switch should touch the 11 regions' fills and
//! classes, the legend, the period control and the description, and nothing
//! else. Measured when this test was written: 52 records for an indicator switch
//! (map 22, legend 22, classing 4, period control 2), 14 for a period switch and
//! 6 for a palette switch; the limits leave some room, so that a change that
//! makes a switch rebuild more of the page fails.

use e2e::page::{Page, INDICATOR};
use serde_json::Value;

/// Starts recording mutations of the whole document.
const RECORD: &str = "window.__mutations = []; \
    window.__observer = new MutationObserver(rs => window.__mutations.push(...rs)); \
    window.__observer.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true}); \
    return true";

/// Waits two frames, stops recording and returns {records, added, removed, attributes, text, where}.
const COLLECT: &str = "const done = arguments[arguments.length - 1]; \
    requestAnimationFrame(() => requestAnimationFrame(() => { \
      window.__observer.disconnect(); \
      const rs = window.__mutations.concat(window.__observer.takeRecords()); \
      const where = {}; \
      for (const r of rs) { const el = r.target.nodeType === 1 ? r.target : r.target.parentElement; \
        const box = el && el.closest('.legend, .timeline, .map, .control, .classing, .policy-panel, .province-strip, .city-detail, .compare-view, .data-table, .csv-import, .toolbar, footer'); \
        const k = box ? (box.className || box.tagName).toString().split(' ')[0] : 'other'; where[k] = (where[k] || 0) + 1; } \
      done({records: rs.length, \
        added: rs.reduce((n, r) => n + r.addedNodes.length, 0), \
        removed: rs.reduce((n, r) => n + r.removedNodes.length, 0), \
        attributes: rs.filter(r => r.type === 'attributes').length, \
        text: rs.filter(r => r.type === 'characterData').length, where}); \
    }));";

async fn measure(page: &Page, change: impl std::future::Future<Output = ()>) -> Value {
    page.js(RECORD).await;
    change.await;
    page.js_async(COLLECT).await
}

#[tokio::test]
async fn switches_touch_little_of_the_page() {
    let page = Page::coloured(1440, 900, "/").await;
    page.wait_for(".policy-panel article[data-measure]").await;
    let period = measure(&page, async {
        page.js("const r = document.querySelector('input[name=period]'); r.value = 0; r.dispatchEvent(new Event('input', {bubbles: true})); return true").await;
        page.wait_true("return !location.search.endsWith('period=2023-jan-nov')").await;
    })
    .await;
    let indicator = measure(&page, async {
        page.choose(INDICATOR, "pm25").await;
        page.wait_search("?indicator=pm25&period=2023").await;
    })
    .await;
    // The palette sits in the toolbar's classing menu, opened first.
    page.click(".classing-menu > summary").await;
    let palette = measure(&page, async {
        page.choose("select[name=palette]", "viridis").await;
        page.wait_true("return location.search.includes('palette=viridis')")
            .await;
    })
    .await;
    println!("indicator switch: {indicator}\nperiod switch: {period}\npalette switch: {palette}");
    for (what, m, limit) in [
        ("indicator", &indicator, 80),
        ("period", &period, 30),
        ("palette", &palette, 20),
    ] {
        let n = m["records"].as_u64().unwrap_or(u64::MAX);
        assert!(
            n <= limit,
            "{what} switch: {n} mutation records (limit {limit}): {m}"
        );
        for part in ["policy-panel", "province-strip", "city-detail", "footer"] {
            assert!(
                m["where"].get(part).is_none(),
                "{what} switch touched {part}: {m}"
            );
        }
    }
    page.close().await;
}
