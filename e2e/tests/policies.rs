//! The policy panel in a real headless Chromium: filters, footprints on the map,
//! county boundaries, and related indicators.

use e2e::page::{element, Page, INDICATOR};
use fantoccini::key::Key;
use serde_json::{json, Value};

const YUNCHENG: &str = "140800";

/// The ids of the measures matching `css`.
async fn measure_ids(page: &Page, css: &str) -> Vec<String> {
    page.strings(&format!(
        "return [...document.querySelectorAll('{css}')].map(m => m.dataset.measure)"
    ))
    .await
}

/// Waits until the measures listed include `id`.
async fn wait_listed(page: &Page, id: &str) {
    page.wait_true(&format!("return [...document.querySelectorAll('article[data-measure]')].map(m => m.dataset.measure).includes('{id}')")).await;
}

/// Whether the panel is right of the map, its overflow-y, and whether it scrolls.
const BESIDE_THE_MAP: &str = "const m = document.querySelector('.map-column').getBoundingClientRect(); const p = document.querySelector('aside.panel'); const r = p.getBoundingClientRect(); return [r.left >= m.right - 1, getComputedStyle(p).overflowY, p.scrollHeight > p.clientHeight];";

/// Whether the panel is below the map, and whether the page has no horizontal scroll.
const BELOW_THE_MAP: &str = "const m = document.querySelector('.map-column').getBoundingClientRect(); const r = document.querySelector('aside.panel').getBoundingClientRect(); return [r.top >= m.bottom - 1, document.documentElement.scrollWidth <= document.documentElement.clientWidth];";

async fn open() -> Page {
    Page::showing(1280, 900, "/", ".policy-panel article[data-measure]").await
}

#[tokio::test]
async fn selecting_yuncheng_lists_its_measures_and_the_province_wide_apart() {
    let page = open().await;
    page.click_region(YUNCHENG).await;
    page.wait_true("return !!document.querySelector('.province-group')")
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
    // The measures that name the city come first; the province-wide ones are
    // folded behind their count.
    let fold = page
        .js("const d = document.querySelector('.province-group'); const first = document.querySelector('.theme-group');              return [d.tagName, d.open, first !== d, d.querySelector('summary .count').textContent]")
        .await;
    assert_eq!(fold[0], json!("DETAILS"), "{fold}");
    assert_eq!(fold[1], json!(false), "folded: {fold}");
    assert_eq!(fold[2], json!(true), "after the city's own: {fold}");
    assert_eq!(fold[3], json!(province.len().to_string()), "{fold}");
    // A "?" after a city says what it means where it appears.
    let uncertain = page
        .strings("return [...document.querySelectorAll('article[data-measure] .footprint')].filter(f => f.textContent.includes('?')).map(f => f.textContent)")
        .await;
    assert!(!uncertain.is_empty(), "some targets are uncertain");
    assert!(
        uncertain
            .iter()
            .all(|t| t.contains("inferred from the region")),
        "{uncertain:?}"
    );
    let note = page.text_of(".filter-note").await;
    assert!(note.contains("运城"), "{note}");
    page.finish("policies-yuncheng").await;
}

#[tokio::test]
async fn the_yellow_river_measure_lights_up_its_nineteen_counties() {
    let page = open().await;
    page.click("article[data-measure=campaign-yellow-river-counties]")
        .await;
    page.wait_count(".county-layer path.county[data-highlighted=true]", 19)
        .await;
    let counties = page.strings("return [...document.querySelectorAll('.county-layer path.county')].map(p => p.dataset.adcode)").await;
    assert!(
        counties.contains(&"140932".to_string()) && counties.contains(&"140827".to_string()),
        "Pianguan to Yuanqu: {counties:?}"
    );
    let lit = page.strings("return [...document.querySelectorAll('path.region[data-highlighted=true]')].map(p => p.dataset.adcode).sort()").await;
    assert_eq!(lit, vec!["140800", "140900", "141000", "141100"]);
    let unlit = page.count("path.region[data-highlighted=false]").await;
    assert_eq!(unlit, json!(7));
    // Each county names itself under the pointer and in keyboard focus.
    let inside = page
        .js("const p = document.querySelector('path.county[data-adcode=\"140932\"]'); \
             p.scrollIntoView({block: 'center'}); const r = p.getBoundingClientRect(); \
             const hits = []; for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) { \
               const x = Math.round(r.left + r.width * i / 10), y = Math.round(r.top + r.height * j / 10); \
               if (document.elementFromPoint(x, y) === p) hits.push([x, y]); } \
             return hits[Math.floor(hits.length / 2)];")
        .await;
    let (x, y) = (inside[0].as_f64(), inside[1].as_f64());
    page.move_mouse_to((x.unwrap_or_default(), y.unwrap_or_default()))
        .await;
    page.wait_true(
        "const t = document.querySelector('.county-tag'); return !!t && t.textContent === '偏关县'",
    )
    .await;
    page.screenshot("policies-yellow-river").await;
    page.move_mouse_to((2.0, 2.0)).await;
    page.wait_count(".county-tag", 0).await;
    page.js("document.querySelector('path.county[data-adcode=\"140827\"]').focus()")
        .await;
    page.wait_true(
        "const t = document.querySelector('.county-tag'); return !!t && t.textContent === '垣曲县'",
    )
    .await;
    // Enter on a county chooses its prefecture.
    page.press(Key::Enter).await;
    page.wait_true("return new URLSearchParams(location.search).get('cities') === '140800'")
        .await;
    page.js("document.activeElement.blur()").await;
    // Choosing it again and moving the pointer away clears the footprint.
    page.click("article[data-measure=campaign-yellow-river-counties] h4")
        .await;
    page.move_mouse_to((2.0, 2.0)).await;
    page.wait_count("path.region[data-highlighted]", 0).await;
    page.close().await;
}

#[tokio::test]
async fn theme_filter_and_search_narrow_the_list() {
    let page = open().await;
    let all = measure_ids(&page, "article[data-measure]").await.len();
    page.choose("select[name=theme]", "soil").await;
    page.wait_true("return [...document.querySelectorAll('.theme-group')].every(g => g.querySelectorAll('.chip[data-theme=soil]').length === g.querySelectorAll('article').length)").await;
    let soil = measure_ids(&page, "article[data-measure]").await;
    assert!(soil.len() >= 4 && soil.len() < all, "{soil:?}");
    page.choose("select[name=theme]", "").await;
    let search = page.wait_for("input[name=q]").await;
    search.send_keys("臭氧").await.expect("type");
    wait_listed(&page, "air-ozone-winter").await;
    let found = measure_ids(&page, "article[data-measure]").await;
    assert!(found.len() < all, "{found:?}");
    search.clear().await.expect("clear");
    search.send_keys("ozone").await.expect("type");
    wait_listed(&page, "air-ozone-winter").await;
    page.close().await;
}

#[tokio::test]
async fn a_related_indicator_switches_the_map() {
    let page = open().await;
    // A card opens to its related indicators when chosen.
    page.click("article[data-measure=air-ozone-winter] h4")
        .await;
    page.click("article[data-measure=air-ozone-winter] button[data-indicator=o3]")
        .await;
    page.wait_value(INDICATOR, "o3").await;
    page.wait_search("?indicator=o3&period=2023&measure=air-ozone-winter")
        .await;
    let taiyuan = page.classes().await["140100"].clone();
    assert_eq!(taiyuan, "0", "Taiyuan has the only ozone value");
    page.close().await;
}

#[tokio::test]
async fn measures_per_city_is_a_layer_computed_from_the_measures() {
    let page = open().await;
    page.choose(INDICATOR, "measure-count").await;
    page.wait_search("?indicator=measure-count&period=2024-policy-text")
        .await;
    let c = page.classes().await;
    assert!(c.values().all(|v| v != "none"), "{c:?}");
    let datong = page.class_of("140200").await;
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
    let wide = page.js(BESIDE_THE_MAP).await;
    assert_eq!(
        wide,
        json!([true, "auto", true]),
        "beside the map, scrolling on its own"
    );
    page.close().await;
    let page = Page::open(360, 740, |_| {}).await;
    page.wait_for(".policy-panel article[data-measure]").await;
    let narrow = page.js(BELOW_THE_MAP).await;
    assert_eq!(
        narrow,
        json!([true, true]),
        "below the map, no horizontal scroll"
    );
    // Long Chinese text wraps inside its card.
    let fits = page.js("return [...document.querySelectorAll('.measure-text')].every(t => t.scrollWidth <= t.clientWidth + 1)").await;
    assert_eq!(fits, json!(true));
    page.finish("policies-phone-360").await;
}

/// JavaScript for what the keyboard test looks at, for the card matching `card`:
/// whether it is chosen, which measure has the focus (or the focused element's
/// tag), whether the focused element is the very card that was marked, and
/// whether its basis is open.
fn card_state(card: &str) -> String {
    format!(
        "(() => {{ const c = {}; const a = document.activeElement; const d = c && c.querySelector('details.basis');
         return {{
           chosen: !!c && (c.getAttribute('aria-current') === 'true' || c.classList.contains('chosen')),
           focused: a && a.dataset && a.dataset.measure ? a.dataset.measure : (a ? a.tagName : null),
           same: !!c && a === c && a.e2eMark === 'the marked card',
           open: !!d && d.open,
         }}; }})()",
        element(card)
    )
}

/// Enter on a focused card chooses it and Enter again unchooses it; the card
/// stays the same element throughout, keeps the focus and keeps its open basis.
#[tokio::test]
async fn enter_on_a_card_chooses_it_and_keeps_its_focus_and_open_basis() {
    let cards = ".policy-panel .measures article.measure[data-measure]";
    let page = Page::showing(1440, 900, "/", cards).await;
    let id = page
        .js(&format!(
            "const d = document.querySelector('{cards} details.basis'); return d ? d.closest('article').dataset.measure : null"
        ))
        .await;
    let id = id.as_str().expect("a card with a basis").to_string();
    let card = format!("{cards}[data-measure=\"{id}\"]");
    let focus = format!(
        "const c = {}; c.e2eMark = 'the marked card'; c.focus(); return true",
        element(&card)
    );
    page.js(&focus).await;
    let state = format!("return {}", card_state(&card));
    let expect = |chosen: bool, open: bool| json!({"chosen": chosen, "focused": id, "same": true, "open": open});
    assert_eq!(
        page.js(&state).await,
        expect(false, false),
        "{id}: before Enter"
    );
    // Enter chooses the card, which opens to its basis; the basis opened stays
    // open when Enter folds the card again, on the same, focused element.
    page.press(Key::Enter).await;
    page.wait_js(&format!("{state}.chosen"), Value::Bool(true))
        .await;
    assert_eq!(
        page.js(&state).await,
        expect(true, false),
        "{id}: after Enter"
    );
    page.click(&format!("{card} details.basis summary")).await;
    page.wait_true(&format!(
        "return {}.open",
        element(&format!("{card} details.basis"))
    ))
    .await;
    page.js(&format!("{}.focus(); return true", element(&card)))
        .await;
    page.press(Key::Enter).await;
    page.wait_js(&format!("{state}.chosen"), Value::Bool(false))
        .await;
    assert_eq!(
        page.js(&state).await,
        expect(false, true),
        "{id}: after Enter again the card is the same element, focused, its basis open"
    );
    page.finish("policies-keyboard").await;
}

/// The measures need the boundaries for city names: when the boundary file
/// arrives after the data, the panel still appears once it does.
#[tokio::test]
async fn the_panel_appears_when_the_boundaries_arrive_last() {
    let page = Page::open(1440, 900, |s| {
        e2e::page::map_from_the_file(s);
        s.fail_next(
            "geo/shanxi-prefectures.json",
            e2e::server::FaultKind::DelayMs(2500),
            1,
        )
    })
    .await;
    page.wait_for_map().await;
    page.wait_for(".policy-panel article[data-measure]").await;
    page.choose("select[name=add-city]", "140800").await;
    page.wait_for(".city-chip[data-adcode='140800']").await;
    page.close().await;
}
