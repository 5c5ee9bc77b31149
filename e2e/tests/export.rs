//! Exports: the SVG parses and carries title, legend (with no data), sources,
//! notice and address; the PNG has twice (or three times) the SVG's size.

use e2e::page::Page;
use serde_json::json;

/// JavaScript that reads the exported file out of the export link: `href` and
/// `text` (the data URL's content, decoded).
const EXPORTED: &str = "const href = document.getElementById('export-link').getAttribute('href'); const text = decodeURIComponent(href.slice(href.indexOf(',') + 1));";

/// The map's viewBox attribute.
const VIEW_BOX: &str = "return document.querySelector('svg.map-svg').getAttribute('viewBox')";

async fn open() -> Page {
    let path = "/?indicator=pm25&period=2023&cities=140100";
    let page = Page::showing(1280, 900, path, "button[name=export-svg]").await;
    // The export buttons sit in the toolbar's Export menu.
    page.click(".export-menu > summary").await;
    page
}

/// Waits until the export link holds a data URL of this media type.
async fn wait_for_export(page: &Page, media_type: &str) {
    page.wait_true(&format!(
        "return document.getElementById('export-link').getAttribute('href').startsWith('data:{media_type}')"
    ))
    .await;
}

#[tokio::test]
async fn svg_export_parses_and_contains_legend_and_sources() {
    let page = open().await;
    page.click("button[name=export-svg]").await;
    wait_for_export(&page, "image/svg+xml").await;
    let checks = page
        .js(&format!("{EXPORTED}
             const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
             const svg = doc.documentElement;
             return [doc.getElementsByTagName('parsererror').length, svg.nodeName,
                     svg.querySelectorAll('path[data-adcode]').length,
                     svg.querySelectorAll('.legend rect[data-class=none]').length,
                     svg.querySelectorAll('path.selected').length,
                     text.includes('太原晚报'), text.includes('示意图'), text.includes('indicator=pm25'),
                     text.includes('PM2.5 年均浓度'), document.getElementById('export-link').getAttribute('download')];"))
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
    // Drawn in the page, no line of text runs past the picture's right edge
    // (the boundary notice used to).
    let over = page
        .js(&format!("{EXPORTED}
             const host = document.createElement('div'); host.innerHTML = text; document.body.appendChild(host);
             const svg = host.querySelector('svg'); const w = Number(svg.getAttribute('width'));
             const over = [...svg.querySelectorAll(':scope > text, :scope > g > text')]
               .filter(t => {{ const b = t.getBBox(); const x = t.closest('g') ? t.closest('g').transform.baseVal.consolidate().matrix.e : 0; return x + b.x + b.width > w; }})
               .map(t => t.textContent);
             host.remove(); return over;"))
        .await;
    assert_eq!(over, json!([]), "text past the right edge");
    page.close().await;
}

#[tokio::test]
async fn png_export_has_the_expected_pixel_size() {
    let page = open().await;
    let svg_w = page
        .number(&format!("document.querySelector('button[name=export-svg]').click(); {EXPORTED} return Number(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement.getAttribute('width'));"))
        .await;
    assert!(svg_w > 500.0, "{svg_w}");
    for (button, scale) in [("export-png", 2.0), ("export-png3", 3.0)] {
        page.js("document.getElementById('export-link').setAttribute('href', '#'); return true")
            .await;
        page.click(&format!("button[name={button}]")).await;
        wait_for_export(&page, "image/png").await;
        let size = page.js_async("const done = arguments[arguments.length - 1]; const img = new Image(); img.onload = () => done([img.naturalWidth, img.naturalHeight]); img.onerror = () => done('bad png'); img.src = document.getElementById('export-link').getAttribute('href');").await;
        let expected = (svg_w * scale).round();
        assert_eq!(size[0].as_f64(), Some(expected), "{button}: {size}");
    }
    page.close().await;
}

#[tokio::test]
async fn zoom_frames_the_selected_city_and_the_export_follows() {
    let page = open().await;
    let full = page.js(VIEW_BOX).await;
    page.click("button[name=zoom]").await;
    page.wait_true("return document.querySelector('svg.map-svg').viewBox.baseVal.x > 0")
        .await;
    let zoomed = page
        .number("return document.querySelector('svg.map-svg').viewBox.baseVal.width")
        .await;
    assert!(zoomed < 500.0, "zoomed to Taiyuan: {zoomed}");
    let datong_hidden = page.js("return document.querySelector('.map-label[data-adcode=\"140200\"]').classList.contains('outside')").await;
    assert_eq!(
        datong_hidden,
        json!(true),
        "Datong's name is outside the frame"
    );
    // On the map too, the neighbours fade.
    let beyond = page
        .strings("return [...document.querySelectorAll('path.region.beyond')].map(p => p.dataset.adcode)")
        .await;
    assert_eq!(beyond.len(), 10, "{beyond:?}");
    assert!(!beyond.contains(&"140100".to_string()));
    // The press on the map closed the Export menu.
    page.wait_js(
        "return document.querySelector('.export-menu').open",
        json!(false),
    )
    .await;
    page.click(".export-menu > summary").await;
    page.click("button[name=export-svg]").await;
    let inner = page
        .js(&format!("{EXPORTED} return new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('svg > svg').getAttribute('viewBox');"))
        .await;
    assert_eq!(
        inner,
        page.js(VIEW_BOX).await,
        "the export frames the same part"
    );
    let faded = page
        .js(&format!("{EXPORTED} const d = new DOMParser().parseFromString(text, 'image/svg+xml'); return [d.querySelectorAll('path[data-adcode][opacity]').length, d.querySelector('path[data-adcode=\"140100\"]').hasAttribute('opacity')];"))
        .await;
    assert_eq!(
        faded,
        json!([10, false]),
        "the neighbours cut by the frame are faded, the chosen city is not"
    );
    page.click("button[name=zoom]").await;
    page.wait_js(VIEW_BOX, full).await;
    page.wait_count("path.region.beyond", 0).await;
    page.close().await;
}
