//! Embedding: `?embed=1` shows only map, legend, title and source, fits 320 px,
//! and posts its height to the host page; the Embed dialog gives the snippet.

use e2e::page::Page;
use fantoccini::Locator;
use serde_json::json;

const HOST: &str = r#"<!doctype html><meta charset="utf-8"><title>host</title>
<body style="margin:0">
<iframe id="map" src="/?indicator=pm25&period=2023&embed=1" title="map" style="border:0;width:320px;height:200px"></iframe>
<script>
window.heights = [];
window.addEventListener('message', e => {
  if (e.data && e.data.type === 'shanxi-eco-map:height') {
    window.heights.push(e.data.height);
    document.getElementById('map').style.height = e.data.height + 'px';
  }
});
</script>"#;

/// The code in the open Embed dialog.
async fn embed_code(page: &Page) -> String {
    page.wait_for("textarea[name=embed-code]")
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default()
}

#[tokio::test]
async fn embedded_at_320_px_posts_its_height_and_shows_only_map_legend_and_source() {
    let page = Page::open_path(1024, 900, "/host.html", |s| s.add_page("/host.html", HOST)).await;
    page.wait_true(
        "return window.heights.length > 0 && window.heights[window.heights.length - 1] > 300",
    )
    .await;
    let last = page
        .number("return window.heights[window.heights.length - 1]")
        .await;
    let iframe = page.wait_for("#map").await;
    iframe.enter_frame().await.expect("enter the iframe");
    page.wait_for_colours().await;
    let inside = page
        .js("return [document.documentElement.classList.contains('embed'), !!document.querySelector('.legend'), !!document.querySelector('footer.sources'), !!document.querySelector('.policy-panel'), !!document.querySelector('select[name=indicator]'), document.documentElement.scrollWidth <= document.documentElement.clientWidth, window.innerWidth, document.documentElement.scrollHeight]")
        .await;
    let flags: Vec<serde_json::Value> = inside
        .as_array()
        .map(|a| a[..6].to_vec())
        .unwrap_or_default();
    assert_eq!(
        flags,
        vec![
            json!(true),
            json!(true),
            json!(true),
            json!(false),
            json!(false),
            json!(true)
        ],
        "{inside}"
    );
    assert_eq!(inside[6], json!(320));
    let height = inside[7].as_f64().unwrap_or(0.0);
    assert!(last > 300.0, "a first height was posted: {last}");
    let legend = page.text_of(".legend").await;
    assert!(
        legend.contains("No data") && legend.contains("太原晚报"),
        "legend with no-data entry and source: {legend}"
    );
    page.client
        .enter_parent_frame()
        .await
        .expect("back to the host");
    // The page posts its height whenever it changes; the last one is the page's.
    page.wait_true(&format!(
        "return Math.abs(window.heights[window.heights.length - 1] - {height}) <= 2"
    ))
    .await;
    page.finish("embed-320").await;
}

#[tokio::test]
async fn the_embed_dialog_gives_an_iframe_for_the_current_view() {
    let page = Page::coloured(1280, 900, "/?indicator=pm25&period=2023").await;
    let button = page
        .client
        .find(Locator::XPath("//button[contains(., 'Embed')]"));
    button
        .await
        .expect("Embed button")
        .click()
        .await
        .expect("open");
    let code = embed_code(&page).await;
    assert!(
        code.starts_with("<iframe src=\"http://127.0.0.1:"),
        "{code}"
    );
    assert!(
        code.contains("indicator=pm25&amp;period=2023&amp;embed=1"),
        "{code}"
    );
    assert!(
        code.contains("loading=\"lazy\"") && code.contains("title=\"山西生态环境地图：PM2.5"),
        "{code}"
    );
    page.close().await;
}

/// The snippet the dialog gives, pasted into a page of another origin, sizes
/// its frame to the map: at 390 px the whole legend and the source line are
/// inside the frame, nothing cut off.
#[tokio::test]
async fn the_copied_snippet_sizes_itself_in_a_host_page_of_another_origin() {
    let app = Page::coloured(1280, 900, "/?indicator=pm25&period=2023").await;
    app.click(".embed-tools > button").await;
    let code = embed_code(&app).await;
    assert!(
        code.contains("<script>") && code.contains("shanxi-eco-map:height"),
        "{code}"
    );
    app.click("button[name=copy-embed]").await;
    let status = app.text_of(".copy-status").await;
    assert!(
        status.contains("Copied") || status.contains("Ctrl+C"),
        "the Copy button says what happened: {status}"
    );
    let host_page = format!(
        "<!doctype html><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\">\
         <title>story</title><body style=\"margin:0 8px\"><p>A story about Shanxi's air.</p>{code}<p>The story goes on.</p>"
    );
    // Another server: another origin than the map's.
    let host = Page::open_in(&e2e::dist_dir(), 390, 844, "/story.html", |s| {
        s.add_page("/story.html", &host_page)
    })
    .await;
    assert_ne!(
        host.server.url("/"),
        app.server.url("/"),
        "the host is another origin"
    );
    host.wait_true(
        "const f = document.querySelector('iframe[data-shanxi-eco-map]'); return !!f && parseFloat(f.style.height) > 640",
    )
    .await;
    let frame = host.wait_for("iframe[data-shanxi-eco-map]").await;
    frame.enter_frame().await.expect("enter the iframe");
    host.wait_for_colours().await;
    // Posted again once everything is drawn: wait until the frame holds it all.
    host.wait_true(
        "const h = document.documentElement.scrollHeight; \
         const bottom = s => document.querySelector(s).getBoundingClientRect().bottom; \
         return h <= innerHeight + 1 && bottom('.legend') <= innerHeight && bottom('footer.sources') <= innerHeight",
    )
    .await;
    let legend = host.text_of(".legend").await;
    assert!(
        legend.contains("No data") || legend.contains("无数据"),
        "{legend}"
    );
    host.client
        .enter_parent_frame()
        .await
        .expect("back to the host");
    host.finish("embed-snippet-390").await;
    app.close().await;
}

/// In an embed a number leads to its source: the legend links each article,
/// its title shown; the tooltip names the article; a link opens the same view
/// as the full map in a new tab.
#[tokio::test]
async fn an_embed_links_its_sources_and_the_full_map() {
    let page = Page::coloured(390, 844, "/?indicator=pm25&period=2023&embed=1").await;
    let links = page
        .js("return [...document.querySelectorAll('.legend-source a.source-link')].map(a => [a.protocol, a.target, a.textContent])")
        .await;
    let links = links.as_array().cloned().unwrap_or_default();
    assert!(!links.is_empty(), "the legend links its sources");
    for l in &links {
        assert!(
            l[0].as_str().is_some_and(|p| p.starts_with("http"))
                && l[1] == json!("_blank")
                && l[2].as_str().is_some_and(|t| t.contains('《')),
            "{l}"
        );
    }
    let full = page
        .js("const a = document.querySelector('.full-map a'); return [a.getAttribute('href'), a.target]")
        .await;
    let href = full[0].as_str().unwrap_or_default();
    assert!(
        href.starts_with("?indicator=pm25&period=2023") && !href.contains("embed"),
        "{full}"
    );
    assert_eq!(full[1], json!("_blank"));
    page.hover_region("140100").await;
    let tip = page.text_of("[role=tooltip]").await;
    assert!(tip.contains("《"), "the tooltip names the article: {tip}");
    page.finish("embed-sources-390").await;
}

/// Messages from other windows change nothing: the embed listens to none
/// (it only posts its height), whatever their shape.
#[tokio::test]
async fn messages_from_other_windows_change_nothing() {
    let page = Page::coloured(390, 844, "/?embed=1&indicator=pm25&period=2023").await;
    let before = page.classes().await;
    let search = page.search().await;
    page.js(
        "window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));
         for (const m of [
           {type: 'shanxi-eco-map:height', height: 5},
           {type: 'shanxi-eco-map:view', indicator: 'air-rank'},
           {indicator: 'air-rank', cities: '140100'},
           '<img src=x onerror=alert(1)>', 'indicator=air-rank', null, 42, [1, 2, 3],
         ]) { window.postMessage(m, '*'); }",
    )
    .await;
    // Give them time to arrive and be (not) acted on.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(page.search().await, search);
    assert_eq!(page.classes().await, before);
    assert_eq!(page.js("return window.__errors").await, json!([]));
    page.close().await;
}

/// The embed dialog by keyboard: Enter on the Embed button opens it with the
/// code focused; Tab and Shift-Tab stay inside; Escape closes it and gives the
/// focus back to the button.
#[tokio::test]
async fn the_embed_dialog_keeps_and_returns_the_keyboard_focus() {
    use fantoccini::key::Key;
    let page = Page::coloured(1280, 800, "/").await;
    page.js("document.querySelector('.embed-tools > button').focus()")
        .await;
    page.press(Key::Enter).await;
    page.wait_true("return document.activeElement && document.activeElement.name === 'embed-code'")
        .await;
    const INSIDE: &str = "return !!document.activeElement.closest('.embed-box')";
    for _ in 0..5 {
        page.press(Key::Tab).await;
        assert_eq!(
            page.js(INSIDE).await,
            json!(true),
            "Tab stays in the dialog"
        );
    }
    for _ in 0..4 {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let shift_tab = KeyActions::new("keys".into())
            .then(KeyAction::Down {
                value: Key::Shift.into(),
            })
            .then(KeyAction::Down {
                value: Key::Tab.into(),
            })
            .then(KeyAction::Up {
                value: Key::Tab.into(),
            })
            .then(KeyAction::Up {
                value: Key::Shift.into(),
            });
        page.client
            .perform_actions(shift_tab)
            .await
            .expect("shift-tab");
        assert_eq!(
            page.js(INSIDE).await,
            json!(true),
            "Shift-Tab stays in the dialog"
        );
    }
    page.press(Key::Escape).await;
    page.wait_count(".embed-box", 0).await;
    page.wait_true(
        "return document.activeElement === document.querySelector('.embed-tools > button')",
    )
    .await;
    page.close().await;
}
