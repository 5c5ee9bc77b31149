//! The policy panel in a real headless Chromium: filters, footprints on the map,
//! county boundaries, and related indicators.

use e2e::page::{strings, Page};
use serde_json::json;

const YUNCHENG: &str = "140800";

async fn measure_ids(page: &Page, css: &str) -> Vec<String> {
    strings(
        &page
            .js(&format!(
                "return [...document.querySelectorAll('{css}')].map(m => m.dataset.measure)"
            ))
            .await,
    )
}

async fn open() -> Page {
    let page = Page::open(1280, 900, |_| {}).await;
    page.wait_for_colours().await;
    page.wait_for(".policy-panel article[data-measure]").await;
    page
}

#[tokio::test]
async fn selecting_yuncheng_lists_its_measures_and_the_province_wide_apart() {
    let page = open().await;
    page.click_at(page.label_point(YUNCHENG).await).await;
    page.wait_js(
        "return !!document.querySelector('.province-group')",
        json!(true),
    )
    .await;
    let targeted = measure_ids(
        &page,
        ".theme-group:not(.province-group) article[data-measure]",
    )
    .await;
    for id in [
        "campaign-yellow-river-counties",
        "campaign-fen-valley",
        "campaign-clear-water",
        "air-signature",
    ] {
        assert!(
            targeted.contains(&id.to_string()),
            "{id} is listed for Yuncheng: {targeted:?}"
        );
    }
    assert!(
        !targeted.contains(&"project-xiaohe".to_string()),
        "Taiyuan's project is not"
    );
    let province = measure_ids(&page, ".province-group article[data-measure]").await;
    assert!(
        province.contains(&"soil-construction".to_string()),
        "{province:?}"
    );
    assert!(!province.iter().any(|p| targeted.contains(p)));
    let note = page.text_of(".filter-note").await;
    assert!(note.contains("运城"), "{note}");
    page.screenshot("policies-yuncheng").await;
    page.close().await;
}

#[tokio::test]
async fn the_yellow_river_measure_lights_up_its_nineteen_counties() {
    let page = open().await;
    let card = page
        .wait_for("article[data-measure=campaign-yellow-river-counties]")
        .await;
    card.click().await.expect("choose the measure");
    page.wait_js("return document.querySelectorAll('.county-layer path.county[data-highlighted=true]').length", json!(19)).await;
    let counties = strings(&page.js("return [...document.querySelectorAll('.county-layer path.county')].map(p => p.dataset.adcode)").await);
    assert!(
        counties.contains(&"140932".to_string()) && counties.contains(&"140827".to_string()),
        "Pianguan to Yuanqu: {counties:?}"
    );
    let lit = strings(&page.js("return [...document.querySelectorAll('path.region[data-highlighted=true]')].map(p => p.dataset.adcode).sort()").await);
    assert_eq!(lit, vec!["140800", "140900", "141000", "141100"]);
    assert_eq!(
        page.js("return document.querySelectorAll('path.region[data-highlighted=false]').length")
            .await,
        json!(7)
    );
    page.screenshot("policies-yellow-river").await;
    // Choosing it again and moving the pointer away clears the footprint.
    page.wait_for("article[data-measure=campaign-yellow-river-counties] h4")
        .await
        .click()
        .await
        .expect("unchoose");
    page.move_mouse_to((2.0, 2.0)).await;
    page.wait_js(
        "return document.querySelectorAll('path.region[data-highlighted]').length",
        json!(0),
    )
    .await;
    page.close().await;
}

#[tokio::test]
async fn theme_filter_and_search_narrow_the_list() {
    let page = open().await;
    let all = measure_ids(&page, "article[data-measure]").await.len();
    page.wait_for("select[name=theme]")
        .await
        .select_by_value("soil")
        .await
        .expect("theme");
    page.wait_js("return [...document.querySelectorAll('.theme-group')].every(g => g.querySelectorAll('.chip[data-theme=soil]').length === g.querySelectorAll('article').length)", json!(true)).await;
    let soil = measure_ids(&page, "article[data-measure]").await;
    assert!(soil.len() >= 4 && soil.len() < all, "{soil:?}");
    page.wait_for("select[name=theme]")
        .await
        .select_by_value("")
        .await
        .expect("all themes");
    let search = page.wait_for("input[name=q]").await;
    search.send_keys("臭氧").await.expect("type");
    page.wait_js("return [...document.querySelectorAll('article[data-measure]')].map(m => m.dataset.measure).includes('air-ozone-winter')", json!(true)).await;
    let found = measure_ids(&page, "article[data-measure]").await;
    assert!(found.len() < all, "{found:?}");
    search.clear().await.expect("clear");
    search.send_keys("ozone").await.expect("type");
    page.wait_js("return [...document.querySelectorAll('article[data-measure]')].map(m => m.dataset.measure).includes('air-ozone-winter')", json!(true)).await;
    page.close().await;
}

#[tokio::test]
async fn a_related_indicator_switches_the_map() {
    let page = open().await;
    let button = page
        .wait_for("article[data-measure=air-ozone-winter] button[data-indicator=o3]")
        .await;
    button.click().await.expect("click the related indicator");
    page.wait_js(
        "return document.querySelector('select[name=indicator]').value",
        json!("o3"),
    )
    .await;
    page.wait_js("return location.search", json!("?indicator=o3&period=2023"))
        .await;
    assert_eq!(
        page.classes().await["140100"],
        "0",
        "Taiyuan has the only ozone value"
    );
    page.close().await;
}

#[tokio::test]
async fn measures_per_city_is_a_layer_computed_from_the_measures() {
    let page = open().await;
    page.wait_for("select[name=indicator]")
        .await
        .select_by_value("measure-count")
        .await
        .expect("choose the layer");
    page.wait_js(
        "return location.search",
        json!("?indicator=measure-count&period=2024-policy-text"),
    )
    .await;
    let c = page.classes().await;
    assert!(c.values().all(|v| v != "none"), "{c:?}");
    let datong = page
        .js("return document.querySelector('path.region[data-adcode=\"140200\"]').dataset.class")
        .await;
    assert_eq!(
        datong,
        json!("0"),
        "Datong is named by one measure only, the fewest"
    );
    page.close().await;
}

/// The panel sits beside the map on wide screens, below it on narrow ones, and
/// scrolls on its own beside the map.
#[tokio::test]
async fn panel_is_beside_the_map_when_wide_and_below_when_narrow() {
    let page = open().await;
    let wide = page
        .js("const m = document.querySelector('.map-column').getBoundingClientRect(); const p = document.querySelector('aside.panel'); const r = p.getBoundingClientRect(); return [r.left >= m.right - 1, getComputedStyle(p).overflowY, p.scrollHeight > p.clientHeight];")
        .await;
    assert_eq!(
        wide,
        json!([true, "auto", true]),
        "beside the map, scrolling on its own"
    );
    page.close().await;
    let page = Page::open(360, 740, |_| {}).await;
    page.wait_for(".policy-panel article[data-measure]").await;
    let narrow = page
        .js("const m = document.querySelector('.map-column').getBoundingClientRect(); const r = document.querySelector('aside.panel').getBoundingClientRect(); return [r.top >= m.bottom - 1, document.documentElement.scrollWidth <= document.documentElement.clientWidth];")
        .await;
    assert_eq!(
        narrow,
        json!([true, true]),
        "below the map, no horizontal scroll"
    );
    // Long Chinese text wraps inside its card.
    let fits = page.js("return [...document.querySelectorAll('.measure-text')].every(t => t.scrollWidth <= t.clientWidth + 1)").await;
    assert_eq!(fits, json!(true));
    page.screenshot("policies-phone-360").await;
    page.close().await;
}
