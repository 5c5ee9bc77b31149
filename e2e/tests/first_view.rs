//! The prerendered first view (src/html/first_view.rs): the default view's map,
//! legend and sources in dist/index.html itself, shown before the wasm arrives
//! and with scripts off; the app takes over the same boxes without a jump; a
//! link to another view never shows the default colours as its own.

use e2e::page::Page;
use fantoccini::Locator;
use serde_json::{json, Value};

use e2e::server::FaultKind;

/// How long the wasm is held back, so that the first view can be looked at
/// (long enough on a loaded machine: at 2.5 s the app once took over before
/// the first view was read, while a build ran beside the tests).
const HOLD_MS: u64 = 4000;

/// JavaScript: the boxes of the map, the legend and the title, as
/// [left, top, width, height] rounded to 0.1 px, keyed by what they are.
const BOXES: &str = "const r = s => { const e = document.querySelector(s); if (!e) return null; \
      const b = e.getBoundingClientRect(); return [b.left, b.top, b.width, b.height].map(v => Math.round(v * 10) / 10); }; \
    return {map: r('svg.map-svg'), legend: r('.legend .legend-title'), title: r('.map-title'), panel: r('.panel')};";

/// JavaScript: each region's fill as the browser computes it, by adcode (live
/// regions carry `data-adcode`, prerendered ones `data-code`).
const FILLS: &str =
    "const out = {}; for (const p of document.querySelectorAll('svg.map-svg path.region')) \
      out[p.dataset.adcode || p.dataset.code] = getComputedStyle(p).fill; return out;";

/// The distinct colours among [`FILLS`].
fn colours(fills: &Value) -> std::collections::BTreeSet<String> {
    fills
        .as_object()
        .map(|o| {
            o.values()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

async fn held(width: u32, height: u32, path: &str) -> Page {
    Page::open_with(&e2e::dist_dir(), width, height, path, &[], |s| {
        // The preload and the loader's own request, whichever comes first.
        s.fail_next("_bg.wasm", FaultKind::DelayMs(HOLD_MS), 2)
    })
    .await
}

#[tokio::test]
async fn the_app_takes_over_the_first_view_without_a_jump() {
    for (w, h) in [(1280, 800), (390, 844)] {
        let page = held(w, h, "/").await;
        page.wait_for("#first-view svg.map-svg path.region").await;
        let before = page.js(BOXES).await;
        let static_fills = page.js(FILLS).await;
        assert_eq!(
            page.js("return !!document.getElementById('first-view') && document.getElementById('app').hidden")
                .await,
            json!(true),
            "{w}×{h}: measured while the first view was showing"
        );
        page.screenshot(&format!("first-view-static-{w}x{h}")).await;
        page.wait_for_colours().await;
        let after = page.js(BOXES).await;
        let live_fills = page.js(FILLS).await;
        for part in ["map", "legend", "title"] {
            assert_eq!(
                before[part], after[part],
                "{w}×{h}: the {part} moved at the takeover"
            );
        }
        assert_eq!(
            static_fills, live_fills,
            "{w}×{h}: the static colours are the live ones"
        );
        assert_eq!(static_fills.as_object().map(|o| o.len()), Some(11));
        // The browser's own measure of things moving: layout-shift entries from
        // the takeover on (the `map-painted` mark). Before it only the static
        // page is there; on a loaded machine its text may be laid out again
        // once a fallback font is ready, which is not the app's doing.
        let shifts = page
            .js_async(
                "const done = arguments[arguments.length - 1]; const out = []; \
                 const live = performance.getEntriesByName('map-painted')[0].startTime; \
                 const add = l => { for (const e of l) if (!e.hadRecentInput && e.startTime >= live - 50) out.push({value: e.value, at: Math.round(e.startTime), \
                   what: e.sources.map(s => (s.node ? (s.node.id || s.node.className || s.node.nodeName).toString() : '?') + ' ' + JSON.stringify([s.previousRect, s.currentRect].map(r => [r.x, r.y, r.width, r.height].map(Math.round))))}); }; \
                 const po = new PerformanceObserver(l => add(l.getEntries())); \
                 po.observe({type: 'layout-shift', buffered: true}); \
                 setTimeout(() => { add(po.takeRecords()); po.disconnect(); done(out); }, 300);",
            )
            .await;
        let shift: f64 = shifts
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["value"].as_f64()).sum())
            .unwrap_or(f64::MAX);
        println!("{w}×{h}: layout shift {shift}");
        assert!(
            shift <= 0.01,
            "{w}×{h}: cumulative layout shift {shift}: {shifts}"
        );
        page.finish(&format!("first-view-live-{w}x{h}")).await;
    }
}

#[tokio::test]
async fn a_link_to_another_view_never_shows_the_default_colours() {
    for path in [
        "/?indicator=pm25",
        "/?cities=140100",
        "/?in=140500",
        "/?embed=1&indicator=pm25",
    ] {
        let page = held(1280, 800, path).await;
        page.wait_for("#first-view svg.map-svg path.region").await;
        let (fills, hidden) = (
            page.js(FILLS).await,
            page.js("return ['.map-title', '.legend', '.view-controls'].map(s => getComputedStyle(document.querySelector('#first-view ' + s)).visibility)")
                .await,
        );
        let land = page
            .js("return getComputedStyle(document.querySelector('#first-view path.region')).getPropertyValue('--land') || ''")
            .await;
        let distinct = colours(&fills);
        assert_eq!(
            distinct.len(),
            1,
            "{path}: uncoloured until the app draws it: {fills} (land {land})"
        );
        assert_eq!(
            hidden,
            json!(["hidden", "hidden", "hidden"]),
            "{path}: no default title, legend or choice"
        );
        page.wait_for_colours().await;
        page.close().await;
    }
    // The default view named in full (as the app's own addresses and embed
    // snippets do), with a tracking parameter: still the default, coloured.
    let page = held(
        1280,
        800,
        "/?indicator=air-rank&period=2023-jan-nov&utm_source=feed",
    )
    .await;
    page.wait_for("#first-view svg.map-svg path.region").await;
    assert_eq!(
        page.js("return document.documentElement.classList.contains('other-view')")
            .await,
        json!(false)
    );
    let fills = page.js(FILLS).await;
    let distinct = colours(&fills);
    assert_eq!(
        distinct.len(),
        3,
        "the default view's three rank bands: {fills}"
    );
    page.wait_for_colours().await;
    page.close().await;
    // The embed gets its own first view: the map and legend without the tools.
    let page = held(390, 700, "/?embed=1").await;
    page.wait_for("#first-view svg.map-svg path.region").await;
    let shown = page
        .js("return ['.toolbar', '.view-controls', '.panel', '.legend'].map(s => getComputedStyle(document.querySelector('#first-view ' + s)).display)")
        .await;
    assert_eq!(shown, json!(["none", "none", "none", "block"]));
    page.screenshot("first-view-embed-390").await;
    page.wait_for_colours().await;
    page.close().await;
}

#[tokio::test]
async fn with_scripts_off_the_map_legend_and_sources_are_there() {
    let page = Page::open_with(
        &e2e::dist_dir(),
        1280,
        800,
        "/",
        &["--blink-settings=scriptEnabled=false"],
        |_| {},
    )
    .await;
    // Only WebDriver's own element commands here: no script runs on the page.
    let client = &page.client;
    let regions = client
        .find_all(Locator::Css("#first-view svg.map-svg path.region"))
        .await
        .expect("find regions");
    assert_eq!(regions.len(), 11);
    // Coloured by the first view's own stylesheet (no style attributes: the
    // production Content-Security-Policy allows that stylesheet by its hash).
    let mut fills = std::collections::BTreeSet::new();
    for r in &regions {
        let fill = r.css_value("fill").await.unwrap_or_default();
        assert!(fill.starts_with("rgb("), "a colour, not the hatch: {fill}");
        fills.insert(fill);
    }
    assert_eq!(
        fills.len(),
        3,
        "every city coloured by its rank band: {fills:?}"
    );
    let legend = client
        .find(Locator::Css("#first-view .legend"))
        .await
        .expect("legend")
        .text()
        .await
        .unwrap_or_default();
    for part in ["前三", "后三", "无数据", "数据来源", "山西日报"] {
        assert!(legend.contains(part), "legend has {part}: {legend}");
    }
    let footer = client
        .find(Locator::Css("#first-view footer"))
        .await
        .expect("footer")
        .text()
        .await
        .unwrap_or_default();
    assert!(footer.contains("示意图"), "{footer}");
    page.finish("first-view-no-script").await;
}

/// The first view does not need the measures: they are fetched once the app
/// has taken over, unless the address names one (then at once, and the view
/// waits for them).
#[tokio::test]
async fn the_measures_are_fetched_after_the_map_is_live() {
    const TIMES: &str = "const m = performance.getEntriesByName('map-painted')[0]; \
        const p = performance.getEntriesByType('resource').find(e => e.name.includes('policies.json')); \
        return [m ? m.startTime : null, p ? p.startTime : null];";
    let page = Page::coloured(1280, 800, "/").await;
    page.wait_for(".policy-panel article[data-measure]").await;
    let t = page.js(TIMES).await;
    let (mark, fetch) = (t[0].as_f64(), t[1].as_f64());
    assert!(
        matches!((mark, fetch), (Some(m), Some(f)) if f >= m),
        "the measures after the map is live: {t}"
    );
    page.close().await;
    let page = Page::coloured(1280, 800, "/?measure=campaign-fen-valley").await;
    page.wait_for("article.measure.chosen[data-measure=campaign-fen-valley]")
        .await;
    page.wait_search("?indicator=air-rank&period=2023-jan-nov&measure=campaign-fen-valley")
        .await;
    page.close().await;
}

/// When the app never comes (here its wasm is missing), the first view says so
/// after a while and shows the default view as what it is, even for a link to
/// another view, rather than an uncoloured map for good.
#[tokio::test]
async fn without_the_app_the_first_view_says_so_and_shows_the_default() {
    let page = Page::open_with(&e2e::dist_dir(), 1280, 800, "/?indicator=pm25", &[], |s| {
        s.fail_next("_bg.wasm", FaultKind::NotFound, 2)
    })
    .await;
    page.wait_for("#first-view svg.map-svg path.region").await;
    page.wait_true("return document.documentElement.classList.contains('app-late')")
        .await;
    let state = page
        .js(
            "return [document.documentElement.classList.contains('other-view'), \
                 getComputedStyle(document.querySelector('#first-view .app-late')).display, \
                 getComputedStyle(document.querySelector('#first-view .map-title')).visibility]",
        )
        .await;
    assert_eq!(state, json!([false, "block", "visible"]));
    let fills = page.js(FILLS).await;
    let distinct = colours(&fills);
    assert_eq!(distinct.len(), 3, "the default view, coloured: {fills}");
    page.finish("first-view-app-late").await;
}
