//! Pollution and remediation at once: a remediation layer drawn as circles
//! over the pollution colours, chosen under the legend, with a legend of its
//! own; restored from the URL, kept in the SVG export and in an embed.

use e2e::page::Page;
use serde_json::json;

/// The overlay's circles: adcode and whether dotted (ranked, no value).
const CIRCLES: &str = "return [...document.querySelectorAll('svg.map-svg circle.overlay-mark')]\
    .map(c => c.dataset.adcode + (c.classList.contains('unpublished') ? ':dots' : ''))";

/// Radius of a city's circle.
fn radius(adcode: &str) -> String {
    format!(
        "return Number(document.querySelector('svg.map-svg circle.overlay-mark[data-adcode=\"{adcode}\"]').getAttribute('r'))"
    )
}

#[tokio::test]
async fn an_overlay_from_the_url_draws_circles_over_the_colours() {
    let page = Page::coloured(
        1280,
        800,
        "/?indicator=air-rank&period=2023-jan-nov&overlay=water-improvement",
    )
    .await;
    page.wait_count("svg.map-svg circle.overlay-mark", 4).await;
    // Q1 2018, the improvement ranking's newest: the top three with values,
    // Xinzhou last without one (dotted).
    let mut circles = page.strings(CIRCLES).await;
    circles.sort();
    assert_eq!(circles, vec!["140100", "140500", "140900:dots", "141100"]);
    let (jincheng, lvliang) = (
        page.number(&radius("140500")).await,
        page.number(&radius("141100")).await,
    );
    assert!(
        jincheng > lvliang,
        "more improved, bigger: {jincheng} vs {lvliang}"
    );
    // The colours are still the air ranking's.
    let c = page.classes().await;
    assert_eq!(c["140200"], "best3");
    // Both legends, the overlay's with its own period.
    let legend = page.text_of(".overlay-legend").await;
    e2e::page::assert_mentions(
        &legend,
        &[
            "叠加",
            "地表水水质改善程度",
            "2018年第一季度",
            "有排名，数值未公布",
            "无数据（无圆）",
        ],
        &[],
        "overlay legend",
    );
    assert_eq!(
        page.value_of("select[name=overlay]").await,
        json!("water-improvement")
    );
    // The tooltip gives both values.
    page.hover_region("140500").await;
    page.wait_true("return !!document.querySelector('.tooltip .overlay-value')")
        .await;
    let tip = page.text_of(".tooltip").await;
    e2e::page::assert_mentions(
        &tip,
        &[
            "中间",
            "叠加圆点 地表水水质改善程度：12.56 · 2018年第一季度",
        ],
        &[],
        "Jincheng's tooltip",
    );
    // The caption says both.
    let caption = page.text_of(".map-caption").await;
    assert!(
        caption.contains("叠加圆点：2018年第一季度，地表水水质改善程度"),
        "{caption}"
    );
    page.wait_search("?indicator=air-rank&period=2023-jan-nov&overlay=water-improvement")
        .await;
    // The title says that the circles have a period of their own.
    let title = page.text_of(".map-title").await;
    assert!(
        title.contains("2023年1—11月") && title.contains("圆点：地表水水质改善程度 2018年第一季度"),
        "{title}"
    );
    // A legend circle is as big as the map's circle of its class.
    let sizes = page
        .js("const m = [...document.querySelectorAll('svg.map-svg circle.overlay-mark:not(.unpublished)')] \
               .map(c => c.getBoundingClientRect().width); \
             const l = [...document.querySelectorAll('.overlay-legend .swatch-circle circle')] \
               .map(c => c.getBoundingClientRect().width); \
             return [Math.max(...m), Math.max(...l)]")
        .await;
    let (map_max, legend_max) = (
        sizes[0].as_f64().unwrap_or(0.0),
        sizes[1].as_f64().unwrap_or(1.0),
    );
    assert!(
        (map_max / legend_max - 1.0).abs() < 0.15,
        "the biggest circle: {map_max} px on the map, {legend_max} px in the legend"
    );
    page.screenshot("overlay-1280").await;
    // The complete Q2 2017 ranking instead: eleven circles, Jinzhong dotted.
    page.choose("select[name=overlay-period]", "2017-q2").await;
    page.wait_search(
        "?indicator=air-rank&period=2023-jan-nov&overlay=water-improvement&overlay-period=2017-q2",
    )
    .await;
    page.wait_count("svg.map-svg circle.overlay-mark", 11).await;
    assert!(
        page.has("svg.map-svg circle.overlay-mark.unpublished[data-adcode='140700']")
            .await
    );
    assert!(page.text_of(".map-title").await.contains("2017年第二季度"));
    page.finish("overlay-2017-1280").await;
}

#[tokio::test]
async fn the_overlay_is_chosen_under_the_legend_and_goes_into_the_export() {
    let page = Page::coloured(1440, 900, "/?indicator=pm25&period=2023").await;
    page.wait_true(
        "return !!document.querySelector('select[name=overlay] option[value=measure-count]')",
    )
    .await;
    // The picker sits in the legend's column, beside the map, not over it.
    let beside = page
        .js(
            "const m = document.querySelector('.map').getBoundingClientRect(); \
             const p = document.querySelector('select[name=overlay]').getBoundingClientRect(); \
             return p.left >= m.right && p.bottom <= innerHeight",
        )
        .await;
    assert_eq!(
        beside,
        json!(true),
        "the picker is beside the map, on the first screen"
    );
    page.js("document.querySelector('select[name=overlay]').focus()")
        .await;
    page.choose("select[name=overlay]", "water-improvement")
        .await;
    page.wait_search("?indicator=pm25&period=2023&overlay=water-improvement")
        .await;
    page.wait_count("svg.map-svg circle.overlay-mark", 4).await;
    // Choosing does not redraw the picker: the same element keeps the focus.
    assert_eq!(
        page.js("return document.activeElement.name + ':' + document.activeElement.value")
            .await,
        json!("overlay:water-improvement")
    );
    // The SVG export has the circles and the second legend.
    page.click(".export-menu > summary").await;
    page.click("button[name=export-svg]").await;
    page.wait_true("return document.getElementById('export-link').getAttribute('href').startsWith('data:image/svg+xml')")
        .await;
    let exported = page
        .js("const href = document.getElementById('export-link').getAttribute('href'); \
             const text = decodeURIComponent(href.slice(href.indexOf(',') + 1)); \
             const doc = new DOMParser().parseFromString(text, 'image/svg+xml'); \
             return [doc.getElementsByTagName('parsererror').length, \
                     doc.querySelectorAll('circle.overlay-mark').length, \
                     text.includes('叠加（圆点）地表水水质改善程度'), text.includes('overlay=water-improvement'), \
                     text.includes('叠加圆点：')]")
        .await;
    assert_eq!(exported, json!([0, 4, true, true, true]));
    page.press(fantoccini::key::Key::Escape).await;
    // The count of measures instead, then none.
    page.choose("select[name=overlay]", "measure-count").await;
    page.wait_search("?indicator=pm25&period=2023&overlay=measure-count")
        .await;
    page.wait_true(
        "return document.querySelectorAll('svg.map-svg circle.overlay-mark').length >= 10",
    )
    .await;
    page.choose("select[name=overlay]", "").await;
    page.wait_search("?indicator=pm25&period=2023").await;
    page.wait_count("svg.map-svg circle.overlay-mark", 0).await;
    assert!(!page.has(".overlay-legend:not([hidden])").await);
    page.finish("overlay-chosen-1440").await;
}

#[tokio::test]
async fn an_embed_keeps_the_overlay_and_its_legend_on_a_phone() {
    let page = Page::coloured(
        390,
        844,
        "/?indicator=air-rank&period=2023-jan-nov&overlay=water-improvement&embed=1&lang=en",
    )
    .await;
    page.wait_count("svg.map-svg circle.overlay-mark", 4).await;
    assert!(
        !page.has("select[name=overlay]").await,
        "no picker in an embed"
    );
    let legend = page.text_of(".overlay-legend").await;
    assert!(
        legend.contains("Overlay (circles)") && legend.contains("Surface-water improvement"),
        "{legend}"
    );
    let wide = page
        .number("return document.documentElement.scrollWidth")
        .await;
    assert!(wide <= 390.0, "nothing wider than the phone: {wide}");
    page.finish("overlay-embed-390-en").await;
}
