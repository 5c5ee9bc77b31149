//! English: the map's names, legend, tooltip and the page language follow `lang`.

use e2e::page::Page;
use serde_json::json;

#[tokio::test]
async fn english_names_legend_and_tooltip_and_back_to_chinese() {
    let page = Page::open_path(1280, 900, "/?indicator=pm25&period=2023&lang=en", |_| {}).await;
    page.wait_for_colours().await;
    page.wait_js("return document.documentElement.lang", json!("en"))
        .await;
    page.wait_js(
        "return document.querySelector('.map-label[data-adcode=\"140100\"]').textContent",
        json!("Taiyuan"),
    )
    .await;
    let legend = page.text_of(".legend").await;
    assert!(
        legend.contains("PM2.5 annual mean")
            && legend.contains("No data")
            && !legend.contains("无数据")
            && !legend.contains("年均"),
        "{legend}"
    );
    page.move_mouse_to(page.label_point("140100").await).await;
    let tip = page.text_of("[role=tooltip]").await;
    assert!(
        tip.contains("Taiyuan")
            && tip.contains("urban districts")
            && !tip.contains("市区")
            && !tip.contains("太原市"),
        "outlets keep their own names: {tip}"
    );
    let label = page.text_of("label[for=indicator]").await;
    assert_eq!(label.trim(), "Indicator", "panel labels in English only");
    let option = page.js("return document.querySelector('select[name=indicator]').selectedOptions[0].textContent").await;
    assert_eq!(
        option,
        json!("PM2.5 annual mean"),
        "option texts in English only"
    );
    let card = page
        .text_of("article[data-measure=soil-construction]")
        .await;
    assert!(
        card.contains("Construction-land soil risks") && !card.contains("建设用地土壤污染风险防控"),
        "{card}"
    );
    page.screenshot("english").await;
    page.wait_for("button[name=lang]")
        .await
        .click()
        .await
        .expect("switch to Chinese");
    page.wait_js("return document.documentElement.lang", json!("zh-CN"))
        .await;
    page.wait_js(
        "return location.search",
        json!("?indicator=pm25&period=2023"),
    )
    .await;
    page.wait_js(
        "return document.querySelector('.map-label[data-adcode=\"140100\"]').textContent",
        json!("太原"),
    )
    .await;
    page.close().await;
}
