//! A county table (the sample in docs/: the Yellow River main-stem counties,
//! 是/否 for all 117) becomes a county map: 117 counties coloured by category
//! under the prefectures' outlines, with its legend, tooltip, table and
//! caption; an ambiguous county name is listed, not guessed.

use e2e::page::Page;
use serde_json::json;

fn sample() -> String {
    e2e::root()
        .join("docs/sample-yellow-river-counties.csv")
        .display()
        .to_string()
}

/// The counties of the sample marked 是, from the file itself.
fn main_stem() -> Vec<String> {
    let text = std::fs::read_to_string(sample()).expect("the sample");
    let mut codes: Vec<String> = text
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(3) == Some("是"))
        .filter_map(|l| l.split(',').nth(2).map(str::to_string))
        .collect();
    codes.sort();
    codes
}

/// Exports the SVG and reads it back: [regions drawn, regions faded].
async fn export(page: &Page) -> serde_json::Value {
    page.js("scrollTo(0, 0); return true").await;
    page.click(".export-menu > summary").await;
    page.click("button[name=export-svg]").await;
    page.js(
        "const href = document.getElementById('export-link').getAttribute('href');          const text = decodeURIComponent(href.slice(href.indexOf(',') + 1));          const d = new DOMParser().parseFromString(text, 'image/svg+xml');          return [d.querySelectorAll('path[data-adcode]').length, d.querySelectorAll('path[data-adcode][opacity]').length];",
    )
    .await
}

const BY_CLASS: &str =
    "const n = {}; for (const p of document.querySelectorAll('svg path.region')) \
    { const c = p.dataset.class || 'none'; (n[c] = n[c] || []).push(p.dataset.adcode); } \
    for (const k in n) n[k].sort(); return n;";

#[tokio::test]
async fn the_sample_county_table_is_drawn_as_a_county_map() {
    let yes = main_stem();
    assert_eq!(yes.len(), 19);
    let page = Page::coloured(1280, 800, "/").await;
    page.pick_csv(&sample()).await;
    page.wait_true(
        "return document.querySelector('select[name=indicator]').value.startsWith('user-')",
    )
    .await;
    page.wait_count("svg path.region", 117).await;
    page.wait_true(
        "return document.querySelectorAll('svg path.region[data-class]').length === 117",
    )
    .await;
    assert_eq!(page.count(".prefecture-outlines path").await, json!(11));
    let by_class = page.js(BY_CLASS).await;
    // The category of 是 is the one its 19 counties have.
    let classes = by_class.as_object().cloned().unwrap_or_default();
    let yes_class = classes
        .iter()
        .find(|(_, v)| v.as_array().is_some_and(|a| a.len() == 19))
        .map(|(k, _)| k.clone())
        .expect("a class of 19 counties");
    assert_eq!(
        by_class[&yes_class],
        json!(yes),
        "the 19 counties of the file"
    );
    assert_eq!(
        classes
            .values()
            .map(|v| v.as_array().map_or(0, Vec::len))
            .sum::<usize>(),
        117
    );
    assert!(
        !classes.contains_key("none"),
        "every county has a value: {by_class}"
    );
    // The legend names both categories with their counts.
    let legend = page.text_of(".legend").await;
    assert!(legend.contains("是") && legend.contains("19"), "{legend}");
    assert!(legend.contains("否") && legend.contains("98"), "{legend}");
    // The tooltip of a county: its name and its value.
    // (County names are not drawn on the whole-province map: the pointer's
    // event is sent to the county's shape.)
    page.js("document.querySelector('path.region[data-adcode=\"141126\"]').dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); return true")
        .await;
    page.wait_for("#map-tooltip").await;
    let tip = page.text_of("#map-tooltip").await;
    assert!(tip.contains("石楼") && tip.contains("是"), "{tip}");
    // The table lists the counties; the caption names the layer.
    page.click("details.data-table summary").await;
    page.wait_count(".data-table tbody tr", 117).await;
    let caption = page.text_of(".map-caption p .zh").await;
    assert!(
        caption.contains("黄河干流流经县") && caption.contains("否：98个区县"),
        "{caption}"
    );
    page.screenshot("county-layer-1280").await;
    // The SVG export draws the counties, coloured as on the map.
    let exported = export(&page).await;
    assert_eq!(exported[0], json!(117), "{exported}");
    assert_eq!(exported[1], json!(0), "nothing faded on the whole province");
    // Drill-down: choosing 吕梁 offers its counties; the map zooms to them,
    // names them, and the breadcrumb leads back to the province.
    page.js("scrollTo(0, 0); return true").await;
    page.js("document.querySelector('path.region[data-adcode=\"141126\"]').dispatchEvent(new MouseEvent('click', {bubbles: true})); return true")
        .await;
    page.wait_true("return location.search.includes('cities=141100')")
        .await;
    page.click("button[name=drill]").await;
    page.wait_true("return location.search.includes('in=141100')")
        .await;
    let crumb = page.text_of(".breadcrumb").await;
    assert!(
        crumb.contains("山西省") && crumb.contains("吕梁市"),
        "{crumb}"
    );
    let shown = page
        .strings("return [...document.querySelectorAll('.map-labels .map-label')].filter(l => l.checkVisibility()).map(l => l.textContent)")
        .await;
    assert!(shown.iter().any(|n| n.contains("石楼")), "{shown:?}");
    assert!(
        !shown.iter().any(|n| n.contains("小店")),
        "Taiyuan's counties are outside: {shown:?}"
    );
    page.screenshot("county-drill-1280").await;
    // Its export frames 吕梁: every county outside it faded.
    let exported = export(&page).await;
    assert_eq!(exported[0], json!(117));
    let inside = page
        .number("return [...document.querySelectorAll('svg path.region')].filter(p => !p.classList.contains('beyond')).length")
        .await;
    assert!(inside > 5.0 && inside < 20.0, "{inside}");
    assert_eq!(exported[1].as_f64(), Some(117.0 - inside), "{exported}");
    // The address restores it, on a new page of the province's layer.
    page.click(".breadcrumb button[name=province]").await;
    page.wait_true("return !location.search.includes('in=')")
        .await;
    page.close().await;
}

#[tokio::test]
async fn a_drilled_in_view_is_restored_from_its_address() {
    let page = Page::coloured(
        1280,
        800,
        "/?indicator=air-rank&period=2023-jan-nov&in=140500",
    )
    .await;
    page.wait_for(".breadcrumb").await;
    // 晋城's six counties, outlined and named, over its rank colour.
    page.wait_count(".drill-counties path", 6).await;
    let names = page
        .strings("return [...document.querySelectorAll('.drill-labels .map-label')].filter(l => l.checkVisibility()).map(l => l.textContent)")
        .await;
    assert!(
        names.iter().any(|n| n.contains("城区")) && names.iter().any(|n| n.contains("高平")),
        "{names:?}"
    );
    // Zoomed: the other prefectures fade.
    let beyond = page
        .js("return document.querySelectorAll('path.region.beyond').length")
        .await;
    assert_eq!(beyond, json!(10));
    page.screenshot("county-drill-prefecture-1280").await;
    // The zoomed map keeps to its column: map, legend and measures side by
    // side, none over another.
    let edges = page
        .js("const r = s => document.querySelector(s).getBoundingClientRect();              return [r('.map').right, r('.legend').left, r('.legend').right, r('.panel').left];")
        .await;
    let e = |i: usize| edges[i].as_f64().unwrap_or(f64::NAN);
    assert!(e(0) <= e(1) + 0.5 && e(2) <= e(3) + 0.5, "{edges}");
    page.click(".breadcrumb button[name=province]").await;
    page.wait_js(
        "return document.querySelectorAll('.drill-counties path').length",
        json!(0),
    )
    .await;
    assert_eq!(
        page.js("return document.querySelectorAll('path.region.beyond').length")
            .await,
        json!(0)
    );
    page.close().await;

    // On a phone, in English.
    let page = Page::coloured(390, 844, "/?in=140500&lang=en").await;
    page.wait_count(".drill-counties path", 6).await;
    let crumb = page.text_of(".breadcrumb").await;
    assert!(crumb.contains("Jincheng (counties)"), "{crumb}");
    let tall = page
        .number(
            "return document.querySelector('.breadcrumb button').getBoundingClientRect().height",
        )
        .await;
    assert!(tall >= 44.0, "a touch target: {tall}");
    page.screenshot("county-drill-390-en").await;
    page.close().await;
}

/// Choosing one city offers its counties over the map: nothing above the map
/// appears, so the map does not move under the reader's finger.
#[tokio::test]
async fn choosing_a_city_offers_its_counties_without_moving_the_map() {
    for (w, h, path) in [(390, 844, "/?embed=1"), (1280, 800, "/")] {
        let page = Page::coloured(w, h, path).await;
        let top = "return Math.round(document.querySelector('.map').getBoundingClientRect().top + scrollY)";
        let before = page.js(top).await;
        page.click_region("140500").await;
        page.wait_for("button[name=drill]").await;
        assert_eq!(page.js(top).await, before, "{w}×{h}: the map stays put");
        let label = page.text_of("button[name=drill]").await;
        assert!(label.contains("晋城") && label.contains("区县"), "{label}");
        page.click("button[name=drill]").await;
        page.wait_true("return location.search.includes('in=140500')")
            .await;
        page.wait_count(".drill-counties path", 6).await;
        page.close().await;
    }
}
