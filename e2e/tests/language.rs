//! English: the map's names, legend, tooltip and the page language follow `lang`.

use e2e::page::{assert_mentions, element, Page, INDICATOR};
use serde_json::json;

/// Waits until the page's language is `lang`.
async fn wait_lang(page: &Page, lang: &str) {
    page.wait_js("return document.documentElement.lang", json!(lang))
        .await;
}

/// Waits until Taiyuan's name on the map reads `name`.
async fn wait_taiyuan(page: &Page, name: &str) {
    let label = element(".map-label[data-adcode=\"140100\"]");
    page.wait_js(&format!("return {label}.textContent"), json!(name))
        .await;
}

#[tokio::test]
async fn english_names_legend_and_tooltip_and_back_to_chinese() {
    let page = Page::coloured(1280, 900, "/?indicator=pm25&period=2023&lang=en").await;
    wait_lang(&page, "en").await;
    wait_taiyuan(&page, "Taiyuan").await;
    let legend = page.text_of(".legend").await;
    let english = ["PM2.5 annual mean", "No data"];
    assert_mentions(&legend, &english, &["无数据", "年均"], "legend");
    page.hover_region("140100").await;
    let tip = page.text_of("[role=tooltip]").await;
    let why = "outlets keep their own names";
    assert_mentions(
        &tip,
        &["Taiyuan", "urban districts"],
        &["市区", "太原市"],
        why,
    );
    assert_eq!(
        page.text_of("output.period-label").await.trim(),
        "2023",
        "the period is named in English too where the English adds nothing"
    );
    let label = page.text_of("label[for=indicator]").await;
    assert_eq!(label.trim(), "Indicator", "panel labels in English only");
    let option = page
        .js(&format!(
            "return {}.selectedOptions[0].textContent",
            element(INDICATOR)
        ))
        .await;
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
    page.click("button[name=lang]").await;
    wait_lang(&page, "zh-CN").await;
    page.wait_search("?indicator=pm25&period=2023").await;
    wait_taiyuan(&page, "太原").await;
    page.close().await;
}

/// Visible text holding Chinese outside elements marked `lang=zh` (options
/// count when their list is visible), each as "its element :: text".
const CHINESE_OUTSIDE_LANG_ZH: &str = "const out = []; \
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n; \
    while ((n = w.nextNode())) { const t = n.textContent.trim(); if (!/[\\u3400-\\u9fff]/.test(t)) continue; \
      const el = n.parentElement; if (!el || el.closest('[lang|=zh],script,style,noscript')) continue; \
      if (!(el.closest('select') || el).checkVisibility()) continue; \
      out.push(el.tagName + '.' + el.className + ' :: ' + t.slice(0, 50)); } return out;";

/// In English every visible line is English: what stays Chinese (an outlet's
/// name, a quoted place, the policy text itself) carries `lang="zh"`, so a
/// screen reader switches voice. Checked over the whole page: the legend,
/// timeline, table, city detail, comparison, province strip, cards, the
/// panel's filters and the notices.
#[tokio::test]
async fn english_mode_shows_no_chinese_outside_lang_zh() {
    // An unknown measure in the link: its notice is in English too.
    let page = Page::coloured(1280, 900, "/?lang=en&cities=140100,140800&measure=nope").await;
    page.wait_for(".notice").await;
    page.wait_for(".policy-panel article[data-measure]").await;
    page.click("details.data-table summary").await;
    page.wait_for(".data-table tbody tr").await;
    let chinese = page.strings(CHINESE_OUTSIDE_LANG_ZH).await;
    assert!(chinese.is_empty(), "{} lines: {chinese:#?}", chinese.len());
    // The tools one click away: each menu, the embed box, the data loader.
    for open in [
        "details.classing-menu summary",
        "details.export-menu summary",
        ".embed-tools > button",
        "button[name=load-data]",
    ] {
        page.click(open).await;
        let chinese = page.strings(CHINESE_OUTSIDE_LANG_ZH).await;
        assert!(chinese.is_empty(), "{open}: {chinese:#?}");
        page.click(open).await;
    }
    // Outlets keep their Chinese names, glossed in English.
    let source = page.text_of(".legend-source").await;
    assert!(source.contains("(Shanxi Daily)"), "{source}");
    page.close().await;
}
