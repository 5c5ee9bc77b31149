//! The map's caption: for three kinds of view (a ranking with a tie, a numeric
//! layer with missing cities, categories with one city equal to the regional
//! average), in Chinese and in English, its words are checked against the data
//! file the page loaded (read again here, in the page), not against fixed text;
//! it describes the map for screen readers and one click copies it.

use e2e::page::Page;
use serde_json::{json, Value};

/// JavaScript: the shipped data's observations of (indicator, period), as
/// {adcode: {value, rank}}.
const OBSERVED: &str = "const [ind, per] = arguments; const done = arguments[arguments.length - 1]; \
    fetch('data/indicators.json').then(r => r.json()).then(d => { const out = {}; \
      for (const o of d.observations) if (o.indicator === ind && o.period === per) out[o.adcode] = o; \
      done(out); });";

/// JavaScript: each city's short name, {adcode: [zh, en]}, from the regions'
/// accessible names ("太原市 Taiyuan" → 太原, Taiyuan).
const NAMES: &str =
    "return Object.fromEntries([...document.querySelectorAll('svg path.region')].map(p => { \
    const [zh, ...en] = p.getAttribute('aria-label').split(' '); \
    return [p.dataset.adcode, [zh.replace(/市$/, ''), en.join(' ')]]; }))";

async fn observed(page: &Page, indicator: &str, period: &str) -> serde_json::Map<String, Value> {
    let script = format!(
        "return (function () {{ {OBSERVED} }}).apply(null, [{}, {}, arguments[arguments.length - 1]])",
        json!(indicator),
        json!(period)
    );
    let v = page
        .js_async(&script.replace("return (function", "(function"))
        .await;
    v.as_object().cloned().unwrap_or_default()
}

async fn caption(page: &Page, lang: &str) -> String {
    page.js(&format!(
        "return document.querySelector('.map-caption p .{lang}').textContent"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// The names of `codes` in language column `i` (0 Chinese, 1 English).
fn named(names: &Value, codes: &[&String], i: usize) -> Vec<String> {
    codes
        .iter()
        .map(|c| {
            names[c.as_str()][i]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[tokio::test]
async fn the_caption_says_what_the_data_says_in_both_languages() {
    let page = Page::coloured(1280, 800, "/").await;
    let names = page.js(NAMES).await;
    // 1. The default ranking: best and worst named, the tie said, the source.
    let obs = observed(&page, "air-rank", "2023-jan-nov").await;
    let band = |b: &str| -> Vec<&String> {
        obs.iter()
            .filter(|(_, o)| o["value"] == json!(b))
            .map(|(c, _)| c)
            .collect()
    };
    let (best, worst) = (band("best3"), band("worst3"));
    assert_eq!((best.len(), worst.len()), (3, 4), "a tie among the worst");
    let zh = caption(&page, "zh").await;
    let en = caption(&page, "en").await;
    println!("{zh}\n{en}");
    let (zh_best, zh_worst) = zh.split_once("最差").unwrap_or_default();
    for n in named(&names, &best, 0) {
        assert!(zh_best.contains(&n), "{n} among the best: {zh}");
    }
    for n in named(&names, &worst, 0) {
        assert!(zh_worst.contains(&n), "{n} among the worst: {zh}");
    }
    assert!(
        zh.contains("并列倒数第三") && zh.contains("来源：山西日报"),
        "{zh}"
    );
    let (en_best, en_worst) = en.split_once("worst").unwrap_or_default();
    for n in named(&names, &best, 1) {
        assert!(en_best.contains(&n), "{n} among the best: {en}");
    }
    for n in named(&names, &worst, 1) {
        assert!(en_worst.contains(&n), "{n} among the worst: {en}");
    }
    assert!(
        en.contains("tied third from last") && en.contains("Source: Shanxi Daily"),
        "{en}"
    );
    assert_eq!(
        page.js("return document.querySelector('svg.map-svg').getAttribute('aria-describedby')")
            .await,
        json!("map-caption")
    );
    page.close().await;

    // 2. A numeric layer: lowest and highest with their values, the rest counted.
    let page = Page::coloured(1280, 800, "/?indicator=pm25&period=2023&lang=en").await;
    let obs = observed(&page, "pm25", "2023").await;
    let mut values: Vec<(String, f64)> = obs
        .iter()
        .filter_map(|(c, o)| Some((c.clone(), o["value"].as_f64()?)))
        .collect();
    values.sort_by(|a, b| a.1.total_cmp(&b.1));
    let (low, high) = (values[0].clone(), values[values.len() - 1].clone());
    let en = caption(&page, "en").await;
    println!("{en}");
    let name = |c: &str| names[c][1].as_str().unwrap_or_default().to_string();
    assert!(
        en.contains(&format!("lowest {} ({} μg/m³)", name(&low.0), low.1)),
        "{en}"
    );
    assert!(
        en.contains(&format!("highest {} ({} μg/m³)", name(&high.0), high.1)),
        "{en}"
    );
    assert!(
        en.contains(&format!("{} cities have no data", 11 - values.len())),
        "{en}"
    );
    assert_eq!(
        page.js("return getComputedStyle(document.querySelector('.map-caption p .zh')).display")
            .await,
        json!("none"),
        "English only in English"
    );
    page.close().await;

    // 3. Categories: the one city equal to the regional average is named.
    let page = Page::coloured(1280, 800, "/?indicator=air-vs-region&period=2023-06").await;
    let obs = observed(&page, "air-vs-region", "2023-06").await;
    let equal: Vec<&String> = obs
        .iter()
        .filter(|(_, o)| o["value"] == json!("equal"))
        .map(|(c, _)| c)
        .collect();
    let zh = caption(&page, "zh").await;
    println!("{zh}");
    assert_eq!(equal.len(), 1);
    assert!(
        zh.contains(&format!("与区域平均持平：{}", named(&names, &equal, 0)[0])),
        "{zh}"
    );
    // One click copies the caption in the page's language.
    page.cdp(
        "Browser.grantPermissions",
        json!({"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
    )
    .await;
    page.click("button[name=copy-caption]").await;
    page.wait_true("return document.querySelector('.copy-status').textContent.includes('Copied')")
        .await;
    let copied = page
        .js_async("const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done(String(e)))")
        .await;
    assert_eq!(copied, json!(zh));
    page.screenshot("caption-1280").await;
    page.close().await;
}
