//! Exports: the SVG parses and carries title, legend (with no data), sources,
//! notice and address; the PNG has twice (or three times) the SVG's size.

use e2e::page::Page;
use serde_json::json;

async fn open() -> Page {
    let page = Page::open_path(
        1280,
        900,
        "/?indicator=pm25&period=2023&cities=140100",
        |_| {},
    )
    .await;
    page.wait_for_colours().await;
    page.wait_for("button[name=export-svg]").await;
    page
}

#[tokio::test]
async fn svg_export_parses_and_contains_legend_and_sources() {
    let page = open().await;
    page.wait_for("button[name=export-svg]")
        .await
        .click()
        .await
        .expect("export SVG");
    page.wait_js("return document.getElementById('export-link').getAttribute('href').startsWith('data:image/svg+xml')", json!(true)).await;
    let checks = page
        .js("const href = document.getElementById('export-link').getAttribute('href');
             const text = decodeURIComponent(href.slice(href.indexOf(',') + 1));
             const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
             const svg = doc.documentElement;
             return [doc.getElementsByTagName('parsererror').length, svg.nodeName,
                     svg.querySelectorAll('path[data-adcode]').length,
                     svg.querySelectorAll('.legend rect[data-class=none]').length,
                     svg.querySelectorAll('path.selected').length,
                     text.includes('太原晚报'), text.includes('示意图'), text.includes('indicator=pm25'),
                     text.includes('PM2.5 年均浓度'), document.getElementById('export-link').getAttribute('download')];")
        .await;
    assert_eq!(
        checks,
        json!([
            0,
            "svg",
            11,
            1,
            1,
            true,
            true,
            true,
            true,
            "shanxi-pm25-2023.svg"
        ])
    );
    page.close().await;
}

#[tokio::test]
async fn png_export_has_the_expected_pixel_size() {
    let page = open().await;
    let svg_w = page
        .js("document.querySelector('button[name=export-svg]').click(); const href = document.getElementById('export-link').getAttribute('href'); const text = decodeURIComponent(href.slice(href.indexOf(',') + 1)); return Number(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement.getAttribute('width'));")
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(svg_w > 500.0, "{svg_w}");
    for (button, scale) in [("export-png", 2.0), ("export-png3", 3.0)] {
        page.js("document.getElementById('export-link').setAttribute('href', '#'); return true")
            .await;
        page.wait_for(&format!("button[name={button}]"))
            .await
            .click()
            .await
            .expect("export PNG");
        page.wait_js("return document.getElementById('export-link').getAttribute('href').startsWith('data:image/png')", json!(true)).await;
        let script = "const done = arguments[arguments.length - 1]; const img = new Image(); img.onload = () => done([img.naturalWidth, img.naturalHeight]); img.onerror = () => done('bad png'); img.src = document.getElementById('export-link').getAttribute('href');";
        let size = page
            .client
            .execute_async(script, vec![])
            .await
            .expect("decode the PNG");
        assert_eq!(
            size[0].as_f64(),
            Some((svg_w * scale).round()),
            "{button}: {size}"
        );
    }
    page.close().await;
}

#[tokio::test]
async fn zoom_frames_the_selected_city_and_the_export_follows() {
    let page = open().await;
    let full = page
        .js("return document.querySelector('svg.map-svg').getAttribute('viewBox')")
        .await;
    page.wait_for("button[name=zoom]")
        .await
        .click()
        .await
        .expect("zoom in");
    page.wait_js(
        "return document.querySelector('svg.map-svg').viewBox.baseVal.x > 0",
        json!(true),
    )
    .await;
    let zoomed = page
        .js("return document.querySelector('svg.map-svg').viewBox.baseVal.width")
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(zoomed < 500.0, "zoomed to Taiyuan: {zoomed}");
    let datong_hidden = page.js("return document.querySelector('.map-label[data-adcode=\"140200\"]').classList.contains('outside')").await;
    assert_eq!(
        datong_hidden,
        json!(true),
        "Datong's name is outside the frame"
    );
    page.wait_for("button[name=export-svg]")
        .await
        .click()
        .await
        .expect("export");
    let inner = page
        .js("const href = document.getElementById('export-link').getAttribute('href'); const text = decodeURIComponent(href.slice(href.indexOf(',') + 1)); return new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('svg > svg').getAttribute('viewBox');")
        .await;
    assert_eq!(
        inner,
        page.js("return document.querySelector('svg.map-svg').getAttribute('viewBox')")
            .await,
        "the export frames the same part"
    );
    page.wait_for("button[name=zoom]")
        .await
        .click()
        .await
        .expect("zoom out");
    page.wait_js(
        "return document.querySelector('svg.map-svg').getAttribute('viewBox')",
        full,
    )
    .await;
    page.close().await;
}
