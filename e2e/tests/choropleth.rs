//! The choropleth in a real headless Chromium: indicators, periods, classes,
//! no-data hatching, legend, tooltip values, city detail and the URL.

use e2e::page::{region, Page, INDICATOR};
use fantoccini::key::Key;
use serde_json::json;

const TAIYUAN: &str = "140100";
const DATONG: &str = "140200";
const YANGQUAN: &str = "140300";
const CHANGZHI: &str = "140400";
const JINCHENG: &str = "140500";
const YUNCHENG: &str = "140800";
const XINZHOU: &str = "140900";
const LINFEN: &str = "141000";

/// The first region's path data.
const FIRST_PATH: &str = "return document.querySelector('svg path.region').getAttribute('d')";

async fn choose_indicator(page: &Page, id: &str) {
    page.choose(INDICATOR, id).await;
    page.wait_value(INDICATOR, id).await;
}

/// JavaScript for the computed fill of a region.
fn fill(adcode: &str) -> String {
    format!("getComputedStyle({}).fill", region(adcode))
}

#[tokio::test]
async fn default_view_is_the_latest_rank_band_and_is_in_the_url() {
    let page = Page::coloured(1280, 900, "/").await;
    let c = page.classes().await;
    assert_eq!(c[DATONG], "best3");
    assert_eq!(c[LINFEN], "worst3");
    assert_eq!(c[YUNCHENG], "worst3", "tied 8–9 with Yangquan");
    assert_eq!(c[JINCHENG], "middle");
    assert_eq!(c.values().filter(|v| v.as_str() == "none").count(), 0);
    assert_eq!(page.value_of(INDICATOR).await, json!("air-rank"));
    page.wait_search("?indicator=air-rank&period=2023-jan-nov")
        .await;
    // Legend: one entry per category with its count, plus no data.
    let legend = page.strings("return [...document.querySelectorAll('.legend-entry')].map(e => e.dataset.class + ':' + e.querySelector('.legend-count').textContent)").await;
    assert_eq!(legend, vec!["best3:3", "middle:4", "worst3:4", "none:0"]);
    page.finish("choropleth-default").await;
}

#[tokio::test]
async fn switching_indicator_recolours_and_hatches_cities_without_data() {
    let page = Page::coloured(1280, 900, "/").await;
    let before = page.js(FIRST_PATH).await;
    choose_indicator(&page, "pm25").await;
    page.wait_class(DATONG, "none").await;
    let c = page.classes().await;
    // 38 (Yangquan) < 41 (Taiyuan) < 49 (Yuncheng): three values, three classes.
    assert_eq!(
        (
            c[YANGQUAN].as_str(),
            c[TAIYUAN].as_str(),
            c[YUNCHENG].as_str()
        ),
        ("0", "1", "2")
    );
    assert_eq!(c.values().filter(|v| v.as_str() == "none").count(), 8);
    let hatch = page.js(&format!("return {}", fill(DATONG))).await;
    assert!(
        hatch.as_str().unwrap_or_default().contains("nodata-hatch"),
        "no-data is hatched: {hatch}"
    );
    let lightest = page.js(&format!("return {}", fill(YANGQUAN))).await;
    assert_ne!(hatch, lightest, "no-data is not the lightest class");
    let none = page.js("return document.querySelector('.legend-entry[data-class=none] .legend-count').textContent").await;
    assert_eq!(none, json!("8"));
    assert_eq!(
        page.js(FIRST_PATH).await,
        before,
        "paths are not re-projected"
    );
    page.wait_search("?indicator=pm25&period=2023").await;
    page.finish("choropleth-pm25").await;
}

#[tokio::test]
async fn higher_is_better_indicators_put_the_worst_in_the_darkest_class() {
    let page = Page::coloured(1280, 900, "/").await;
    choose_indicator(&page, "water-quality-index").await;
    // Its newest period ranks all eleven but gives four indices; Q2 2017 has
    // all eleven values (a run of its own: a quarter not from January).
    page.wait_search("?indicator=water-quality-index&period=2018-q1")
        .await;
    page.click("button[name=series][value=other]").await;
    page.wait_search("?indicator=water-quality-index&period=2017-q2")
        .await;
    let c = page.classes().await;
    assert!(
        c.values().all(|v| v != "none"),
        "all 11 cities have a value: {c:?}"
    );
    assert_eq!(c[YUNCHENG], "0", "0.300, the lowest");
    assert_eq!(c[XINZHOU], "4", "0.914, the highest");
    let lum = |code: &str| {
        format!(
            "const m = {}.match(/\\d+/g).map(Number); return 0.2126*m[0] + 0.7152*m[1] + 0.0722*m[2];",
            fill(code)
        )
    };
    let (worst, best) = (page.js(&lum(YUNCHENG)).await, page.js(&lum(XINZHOU)).await);
    assert!(
        worst.as_f64() < best.as_f64(),
        "the worst water is darker ({worst} vs {best})"
    );
    page.close().await;
}

#[tokio::test]
async fn timeline_switches_periods_with_the_keyboard() {
    let page = Page::coloured(1280, 900, "/").await;
    assert_eq!(
        page.classes().await[CHANGZHI],
        "best3",
        "Jan–Nov 2023: Changzhi 3rd"
    );
    // A click may move the thumb: put it back at the end, then step back once.
    page.click("input[type=range][name=period]").await;
    page.press(Key::End).await;
    page.wait_search("?indicator=air-rank&period=2023-jan-nov")
        .await;
    page.press(Key::Left).await;
    page.wait_search("?indicator=air-rank&period=2023-jan-jun")
        .await;
    assert_eq!(
        page.classes().await[CHANGZHI],
        "middle",
        "Jan–Jun 2023: Changzhi not named"
    );
    let label = page.text_of("output.period-label").await;
    assert!(
        label.contains("2023年1—6月") && label.contains("Jan–Jun 2023"),
        "{label}"
    );
    page.press(Key::Home).await;
    // The oldest span from January (section F's Jan–Oct 2019), not a month.
    page.wait_search("?indicator=air-rank&period=2019-jan-oct")
        .await;
    let lvliang = page.classes().await["141100"].clone();
    assert_eq!(lvliang, "best3", "Jan–Oct 2019: Lüliang 3rd");
    page.close().await;
}

#[tokio::test]
async fn reloading_the_url_restores_indicator_and_period() {
    let path = "/?indicator=air-index-change&period=2022-jan-feb";
    let page = Page::coloured(1280, 900, path).await;
    page.wait_value(INDICATOR, "air-index-change").await;
    let c = page.classes().await;
    assert_eq!(c["140700"], "worse", "Jinzhong +12.4%");
    assert_eq!(c[XINZHOU], "better");
    page.client.refresh().await.expect("reload");
    page.wait_for_colours().await;
    assert_eq!(page.search().await, &path[1..]);
    assert_eq!(page.classes().await["140700"], "worse");
    page.close().await;
}

#[tokio::test]
async fn legend_and_map_highlight_each_other() {
    let page = Page::coloured(1280, 900, "/").await;
    let entry = page.wait_for(".legend-entry[data-class=best3]").await;
    let r = entry.rectangle().await.expect("legend entry box");
    page.move_mouse_to((r.0 + r.2 / 2.0, r.1 + r.3 / 2.0)).await;
    page.wait_count("path.region.matched", 3).await;
    let dimmed = page.js("return [...document.querySelectorAll('path.region.dimmed')].every(p => p.dataset.class !== 'best3')").await;
    assert_eq!(dimmed, json!(true));
    assert_eq!(page.count("path.region.dimmed").await, json!(8));
    // And the other way round: hovering Linfen marks the "worst three" entry.
    page.hover_region(LINFEN).await;
    page.wait_js(
        "return [...document.querySelectorAll('.legend-entry.active')].map(e => e.dataset.class)",
        json!(["worst3"]),
    )
    .await;
    page.finish("legend-link").await;
}

#[tokio::test]
async fn tooltip_and_city_detail_show_value_period_scope_and_source() {
    let page = Page::coloured(1280, 900, "/").await;
    choose_indicator(&page, "pm25").await;
    page.wait_class(TAIYUAN, "1").await;
    page.hover_region(TAIYUAN).await;
    let tip = page.text_of("[role=tooltip]").await;
    for part in ["41 μg/m³", "2023", "市区", "太原晚报", "2 of 3"] {
        assert!(tip.contains(part), "tooltip lacks {part}: {tip}");
    }
    page.hover_region(DATONG).await;
    page.wait_xpath("//*[@role='tooltip'][contains(., 'No data')]")
        .await;
    // Selecting Taiyuan lists everything known about it, with links to the sources.
    page.click_region(TAIYUAN).await;
    let detail = page.text_of(".city-detail").await;
    for part in ["太原市", "PM10", "78", "1.5 mg/m³", "后三", "倒数第7"] {
        assert!(detail.contains(part), "detail lacks {part}");
    }
    let links = page.js("return [...document.querySelectorAll('.city-detail a[href]')].map(a => a.href).filter(h => h.startsWith('http')).length").await;
    assert!(
        links.as_u64().unwrap_or(0) > 10,
        "sources are links: {links}"
    );
    page.finish("city-detail").await;
}

#[tokio::test]
async fn province_strip_shows_the_headline_figures_with_year_and_source() {
    let page = Page::open(1280, 900, |_| {}).await;
    let text = page.text_of(".province-strip").await;
    for part in ["37", "93.6", "97.09", "31.37", "323", "225", "100"] {
        assert!(text.contains(part), "strip lacks {part}: {text}");
    }
    let pm = page.wait_for(".figure[data-figure=pm25]").await;
    let title = pm.attr("title").await.expect("title").unwrap_or_default();
    assert!(
        title.contains("2023") && title.contains("中新网"),
        "{title}"
    );
    page.close().await;
}

/// "2023年" and "2023" are one period: the title, the legend and the slider
/// name it once, not "2023年 · 2023".
#[tokio::test]
async fn a_period_is_named_once_where_the_english_adds_nothing() {
    let page = Page::coloured(1280, 900, "/?indicator=pm25&period=2023").await;
    assert_eq!(
        page.text_of(".map-title .map-period").await.trim(),
        "2023年"
    );
    assert_eq!(page.text_of(".legend-period").await.trim(), "2023年");
    assert_eq!(page.text_of("output.period-label").await.trim(), "2023年");
    // Where the English says more, both are there.
    page.choose(INDICATOR, "air-rank").await;
    page.wait_true(
        "return document.querySelector('.legend-period').textContent.includes('Jan–Nov 2023')",
    )
    .await;
    page.close().await;
}

/// Rank bands are labelled by the positions of the period: Jan–Nov 2023 has a
/// tie for the third-last place, so its worst band holds four cities and says
/// so, and the middle is 4th–7th; Jan–Nov 2020 has the usual bands.
#[tokio::test]
async fn rank_band_labels_follow_the_period_and_say_a_tie() {
    let page = Page::coloured(1280, 900, "/?indicator=air-rank&period=2023-jan-nov").await;
    let entry = |class: &str| format!(".legend-entry[data-class={class}]");
    let worst = page.text_of(&entry("worst3")).await;
    assert!(
        worst.contains("含并列") && worst.contains("with a tie") && worst.contains('4'),
        "{worst}"
    );
    let middle = page.text_of(&entry("middle")).await;
    assert!(
        middle.contains("第4—7名") && middle.contains("4th–7th"),
        "{middle}"
    );
    page.close().await;
    let page = Page::coloured(1280, 900, "/?indicator=air-rank&period=2020-jan-nov").await;
    let legend = page.text_of(".legend").await;
    assert!(
        legend.contains("第4—8名") && !legend.contains("并列"),
        "{legend}"
    );
    page.close().await;
}

/// PM2.5 2023 has three values: with five classes asked, each value is its
/// own class named by itself and the legend says why; Taiyuan's value covers
/// the urban districts while the others cover the whole city, so it is marked
/// on the map and the legend says what the mark means.
#[tokio::test]
async fn three_values_are_shown_one_by_one_and_another_scope_is_marked() {
    let page = Page::coloured(1280, 900, "/?indicator=pm25&period=2023").await;
    let labels = page
        .strings("return [...document.querySelectorAll('.legend-entry:not([data-class=none]) .legend-label')].map(l => l.textContent)")
        .await;
    assert_eq!(labels.len(), 3, "{labels:?}");
    assert!(
        labels.iter().all(|l| !l.contains('–')),
        "single values: {labels:?}"
    );
    let notes = page.text_of(".legend").await;
    assert!(
        notes.contains("fewer than 5 classes") && notes.contains("urban districts only"),
        "{notes}"
    );
    let marked = page
        .strings("return [...document.querySelectorAll('.map-label.odd-scope')].map(l => l.dataset.adcode)")
        .await;
    assert_eq!(marked, ["140100"]);
    page.close().await;
}
