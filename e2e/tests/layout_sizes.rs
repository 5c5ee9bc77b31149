//! Layout promises at the sizes people use: on a laptop the province strip
//! never cuts a card in half; on a phone nothing is wider than the screen and
//! every control is at least 44 px tall to touch.

use e2e::page::Page;
use fantoccini::key::Key;
use serde_json::json;

#[tokio::test]
async fn the_province_strip_shows_whole_cards_on_laptops() {
    for (w, h) in [(1280, 800), (1440, 900)] {
        let page = Page::coloured(w, h, "/").await;
        page.wait_for(".province-strip .figure").await;
        let cut = page
            .strings(
                "return [...document.querySelectorAll('.province-strip .figure')] \
                   .filter(f => { const r = f.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth + 0.5; }) \
                   .map(f => f.dataset.figure)",
            )
            .await;
        assert!(cut.is_empty(), "{w}×{h}: cards cut at the edge: {cut:?}");
        page.finish(&format!("layout-{w}x{h}")).await;
    }
}

/// The first screen of a laptop, without scrolling: the title, the indicator and
/// period controls, the whole map with its legend, the first three measures
/// beside it, and the toolbar's tools.
#[tokio::test]
async fn laptops_show_map_legend_and_three_measures_without_scrolling() {
    for (w, h) in [(1280, 800), (1440, 900)] {
        let page = Page::coloured(w, h, "/").await;
        page.wait_for(".policy-panel article[data-measure]").await;
        let outside = page
            .strings(
                "const inside = e => { const r = e.getBoundingClientRect(); \
                   return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5; }; \
                 const want = ['h1', 'select[name=indicator]', 'input[name=period]', '.map-title', 'svg.map-svg', \
                   '.legend', '.legend-source', '.policy-panel h2', \
                   'button[name=lang]', 'button[name=load-data]', '.export-menu > summary', '.classing-menu > summary', '.embed-tools > button'] \
                   .map(s => [s, document.querySelector(s)]); \
                 [...document.querySelectorAll('.policy-panel article[data-measure]')].slice(0, 3) \
                   .forEach((e, i) => want.push([`measure ${i + 1}`, e])); \
                 return want.filter(([s, e]) => !e || !inside(e)).map(([s]) => s)",
            )
            .await;
        assert!(
            outside.is_empty(),
            "{w}×{h}: not whole on the first screen: {outside:?}"
        );
        // The period's ends stay in their control (they ran into the
        // measures at 1280).
        let over = page.timeline_overflow().await;
        assert!(
            over <= 1.0,
            "{w}×{h}: the period's ends overflow by {over} px"
        );
        // Choosing a city brings its details under the map; the columns keep
        // their widths (the measures are not squeezed).
        let widths = "return ['.map-column', '.panel'].map(s => Math.round(document.querySelector(s).getBoundingClientRect().width))";
        let before = page.js(widths).await;
        page.click_region("140100").await;
        page.wait_for(".city-detail table").await;
        assert_eq!(
            page.js(widths).await,
            before,
            "{w}×{h}: a city's details moved the columns"
        );
        // No list box: cities are chips and an "add a city" menu.
        assert_eq!(page.count("select[multiple]").await, json!(0));
        page.screenshot(&format!("first-screen-{w}x{h}")).await;
        page.close().await;
    }
}

/// The visible controls and links smaller than a finger (44 px tall; sort
/// buttons 44 px wide too), each as "tag[name].class: height".
const SMALL_CONTROLS: &str = "return [...document.querySelectorAll('button, select, input, summary, a.tool, .legend-source a, .full-map a')] \
    .filter(e => e.getClientRects().length > 0 && !e.closest('[hidden]')) \
    .filter(e => { const r = e.getBoundingClientRect(); return r.height < 43.5 || (e.matches('.sort') && r.width < 43.5); }) \
    .map(e => `${e.tagName.toLowerCase()}${e.name ? '[name=' + e.name + ']' : ''}.${e.className}: ${e.getBoundingClientRect().height.toFixed(1)}`)";

#[tokio::test]
async fn a_phone_gets_the_screen_width_and_touch_sized_controls() {
    let page = Page::coloured(390, 844, "/").await;
    page.wait_for(".policy-panel article[data-measure]").await;
    page.wait_js(
        "return document.documentElement.scrollWidth <= innerWidth",
        json!(true),
    )
    .await;
    let small = page.strings(SMALL_CONTROLS).await;
    assert!(small.is_empty(), "controls under 44 px: {small:?}");
    // Top to bottom: what is shown (indicator and period), the map, its legend,
    // the measures.
    let title = page.text_of(".map-title").await;
    assert!(
        title.contains("空气质量全省排名") && title.contains("2023年1—11月"),
        "{title}"
    );
    let tops = page
        .js("return ['.map-title', 'svg.map-svg', '.legend', '.policy-panel', 'select[name=indicator]']                .map(s => document.querySelector(s).getBoundingClientRect().top)")
        .await;
    let tops: Vec<f64> = tops
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
        .unwrap_or_default();
    assert!(
        tops.len() == 5 && tops.windows(2).take(3).all(|w| w[0] < w[1]),
        "title, map, legend, measures in that order: {tops:?}"
    );
    page.finish("layout-390x844").await;
    // The embed too: its source links and "open the full map".
    let page = Page::coloured(390, 844, "/?embed=1").await;
    page.wait_for(".full-map a").await;
    let small = page.strings(SMALL_CONTROLS).await;
    assert!(small.is_empty(), "embed: controls under 44 px: {small:?}");
    page.close().await;
}

/// The toolbar's menus and panels open one at a time, and Escape or a press
/// outside the toolbar closes the open one.
#[tokio::test]
async fn one_tool_is_open_at_a_time_and_escape_or_a_click_elsewhere_closes_it() {
    let page = Page::coloured(1280, 800, "/").await;
    const OPEN: &str = "return [document.querySelector('.embed-box') !== null, \
        !document.querySelector('.csv-import').hidden, \
        document.querySelector('details.export-menu').open, \
        document.querySelector('details.classing-menu').open]";
    page.click(".embed-tools > button").await;
    page.wait_js(OPEN, json!([true, false, false, false])).await;
    page.click("button[name=load-data]").await;
    page.wait_js(OPEN, json!([false, true, false, false])).await;
    page.click("details.export-menu summary").await;
    page.wait_js(OPEN, json!([false, false, true, false])).await;
    page.click("details.classing-menu summary").await;
    page.wait_js(OPEN, json!([false, false, false, true])).await;
    page.press(Key::Escape).await;
    page.wait_js(OPEN, json!([false, false, false, false]))
        .await;
    page.click(".embed-tools > button").await;
    page.wait_js(OPEN, json!([true, false, false, false])).await;
    page.click_region("140100").await;
    page.wait_js(OPEN, json!([false, false, false, false]))
        .await;
    page.close().await;
}
