//! Section G on the map: the surface-water improvement ranking (a remediation
//! layer) with the city named last without a value, the quality ranking's
//! 2018 and 2024 periods with the kind of sections in their label, and the
//! national 2019 ranking. Values come from `public/data/indicators.json`,
//! which `tests/section_g.rs` checks against the facts file.

use e2e::page::{Page, INDICATOR};
use serde_json::json;

const JINZHONG: &str = "140700";
const XINZHOU: &str = "140900";
const JINCHENG: &str = "140500";
const SHUOZHOU: &str = "140600";
const TAIYUAN: &str = "140100";
const LVLIANG: &str = "141100";
const YUNCHENG: &str = "140800";

const LEGEND: &str = "return [...document.querySelectorAll('.legend-entry')].map(e => \
    e.dataset.class + ':' + e.querySelector('.legend-count').textContent)";

#[tokio::test]
async fn the_last_city_without_a_value_is_neither_coloured_nor_no_data() {
    let page = Page::coloured(1280, 800, "/?indicator=water-improvement&period=2017-q2").await;
    let c = page.classes().await;
    assert_eq!(c[JINZHONG], "unpublished", "{c:?}");
    // One period in this run: no one-stop slider, only the switch to the other run.
    assert_eq!(
        page.js("return [getComputedStyle(document.querySelector('input[name=period]')).display, \
                 document.querySelector('button[name=series][value=cumulative]').getBoundingClientRect().height > 0]")
            .await,
        json!(["none", true])
    );
    assert_eq!(c.values().filter(|v| v.as_str() == "none").count(), 0);
    assert_eq!(
        c.values().filter(|v| v.parse::<u32>().is_ok()).count(),
        10,
        "ten values classed"
    );
    let fill = page
        .js(&format!(
            "return getComputedStyle({}).fill",
            e2e::page::region(JINZHONG)
        ))
        .await;
    assert!(
        fill.as_str()
            .is_some_and(|f| f.contains("unpublished-dots")),
        "{fill}"
    );
    let legend = page.strings(LEGEND).await;
    assert!(legend.contains(&"unpublished:1".to_string()), "{legend:?}");
    assert_eq!(legend.last().map(String::as_str), Some("none:0"));
    let label = page
        .text_of(".legend-entry[data-class=unpublished] .legend-label")
        .await;
    assert!(label.contains("有排名，数值未公布"), "{label}");
    assert!(
        page.has(".legend-entry[data-class=unpublished] .swatch.dots")
            .await
    );

    // The tooltip says the place and that the value was not published.
    page.hover_region(JINZHONG).await;
    page.wait_true(
        "return !!document.querySelector('.tooltip')?.textContent.includes('数值未公布')",
    )
    .await;
    let tip = page.text_of(".tooltip").await;
    e2e::page::assert_mentions(
        &tip,
        &["末位（第11名，共11个），数值未公布", "无改善断面"],
        &["无数据"],
        "Jinzhong's tooltip",
    );
    page.screenshot("water-improvement-2017-1280").await;

    // The picker puts the layer with remediation.
    let group = page
        .js("return document.querySelector('select[name=indicator] option[value=water-improvement]').parentElement.label")
        .await;
    assert!(
        group
            .as_str()
            .is_some_and(|g| g.starts_with("治理 Remediation")),
        "{group}"
    );
    page.close().await;
}

#[tokio::test]
async fn a_ranking_naming_only_some_cities_says_which_places_are_known() {
    let page = Page::coloured(1280, 800, "/?indicator=water-improvement&period=2018-q1").await;
    let c = page.classes().await;
    assert_eq!(c[XINZHOU], "unpublished", "least improved, no value");
    assert_eq!(c.values().filter(|v| v.as_str() == "none").count(), 7);
    let notes = page.text_of(".legend").await;
    assert!(notes.contains("来源只公布第1—3、11名（共11个）"), "{notes}");
    // The table: Xinzhou's row gives its place and says the value was not published.
    page.click("details.data-table summary").await;
    page.wait_count(".data-table tbody tr", 11).await;
    let row = page
        .text_of(&format!(".data-table tr[data-adcode='{XINZHOU}']"))
        .await;
    assert!(
        row.contains("末位（第11名，共11个），数值未公布") && row.contains("有排名，数值未公布"),
        "{row}"
    );
    page.close().await;
}

#[tokio::test]
async fn the_quality_ranking_has_2017_2018_and_the_first_half_of_2024() {
    let page = Page::coloured(1280, 800, "/?indicator=water-rank&period=2024-jan-jun").await;
    let c = page.classes().await;
    assert_eq!(c[JINCHENG], "best3");
    assert_eq!(c[SHUOZHOU], "worst3");
    assert_eq!(c[TAIYUAN], "middle", "not named: middle by exclusion");
    let legend = page.strings(LEGEND).await;
    assert_eq!(legend, vec!["best3:3", "middle:5", "worst3:3", "none:0"]);
    // Named without an order: not "tied".
    let best = page
        .text_of(".legend-entry[data-class=best3] .legend-label")
        .await;
    assert!(
        best.starts_with("前三（最好）") && !best.contains("并列"),
        "{best}"
    );
    // The period says which sections were assessed, and its long label
    // stays inside the period control (it ran into the measures at 1280).
    let period = page.text_of(".legend .legend-period").await;
    assert!(period.contains("省控断面"), "{period}");
    let overflow = page.timeline_overflow().await;
    assert!(
        overflow <= 1.0,
        "the timeline's ends overflow by {overflow} px"
    );
    page.screenshot("water-rank-2024-1280").await;
    // The other periods: Q1 2018 (all eleven ranked) and Q2 2017 (its own run).
    page.choose(INDICATOR, "water-quality-index").await;
    page.wait_value(INDICATOR, "water-quality-index").await;
    page.wait_search("?indicator=water-quality-index&period=2018-q1")
        .await;
    let c = page.classes().await;
    assert_eq!(
        c.values().filter(|v| v.as_str() == "unpublished").count(),
        7,
        "ranked, index not given: {c:?}"
    );
    assert_eq!(c.values().filter(|v| v.as_str() == "none").count(), 0);
    page.close().await;
    let page = Page::coloured(1280, 800, "/?indicator=water-rank&period=2017-q2").await;
    assert_eq!(page.classes().await[XINZHOU], "best3");
    page.close().await;
}

#[tokio::test]
async fn the_national_2019_ranking_marks_lvliang_and_yuncheng_on_a_phone() {
    let page = Page::coloured(390, 844, "/?indicator=water-national&period=2019&lang=en").await;
    let c = page.classes().await;
    assert_eq!(c[LVLIANG], "quality-last");
    assert_eq!(c[YUNCHENG], "improvement-2nd");
    assert_eq!(c.values().filter(|v| v.as_str() == "none").count(), 9);
    let period = page.text_of(".legend .legend-period").await;
    assert!(period.contains("national sections"), "{period}");
    assert_eq!(page.value_of(INDICATOR).await, json!("water-national"));
    page.finish("water-national-390-en").await;
}
