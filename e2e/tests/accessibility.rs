//! An accessibility audit in the real browser: axe-core finds no serious or
//! critical violation in the views people meet.

use e2e::page::Page;

async fn audit(page: &Page, what: &str) {
    let found = page.axe().await;
    assert!(found.is_empty(), "{what}: {found:#?}");
}

#[tokio::test]
async fn the_default_view_english_and_a_filtered_panel_pass_axe() {
    let page = Page::coloured(1280, 800, "/").await;
    page.wait_for(".policy-panel article[data-measure]").await;
    audit(&page, "default view").await;
    page.close().await;
    let page = Page::coloured(1280, 800, "/?lang=en&cities=140100&theme=air").await;
    page.wait_for(".policy-panel article[data-measure]").await;
    audit(&page, "English, filtered panel, a city's details").await;
    page.close().await;
}

#[tokio::test]
async fn the_embed_the_open_table_and_the_embed_dialog_pass_axe() {
    let page = Page::coloured(390, 844, "/?embed=1").await;
    audit(&page, "embed").await;
    page.close().await;
    // The full page on a phone: the province strip scrolls there.
    let page = Page::coloured(390, 844, "/").await;
    page.wait_for(".province-strip li").await;
    page.js("document.querySelector('.province-strip').scrollIntoView()")
        .await;
    audit(&page, "phone").await;
    page.close().await;
    let page = Page::coloured(1440, 900, "/?indicator=pm25&period=2023").await;
    page.click("details.data-table summary").await;
    page.wait_for(".data-table tbody tr").await;
    audit(&page, "open table").await;
    page.click(".embed-tools > button").await;
    page.wait_for(".embed-box").await;
    audit(&page, "embed dialog").await;
    page.close().await;
}

#[tokio::test]
async fn a_csv_import_report_passes_axe() {
    let page = Page::coloured(1280, 800, "/").await;
    page.click(".toolbar button[name=load-data]").await;
    let path = std::env::temp_dir().join(format!("a11y-{}.csv", std::process::id()));
    std::fs::write(&path, "城市,PM2.5\n太原,41\n火星,3\n大同,abc\n").expect("write");
    page.wait_for("input[type=file][name=csv]")
        .await
        .send_keys(&path.display().to_string())
        .await
        .expect("choose the file");
    page.wait_for(".import-problems").await;
    audit(&page, "CSV import report").await;
    page.close().await;
}

/// Map names carry a solid white outline, so they read at ink-on-white
/// contrast (over 4.5:1) on every class colour of every palette.
#[tokio::test]
async fn map_names_read_on_every_class_colour() {
    let page = Page::coloured(1280, 800, "/").await;
    let style = page
        .js("const s = getComputedStyle(document.querySelector('.map-label')); return [s.webkitTextStrokeWidth, s.webkitTextStrokeColor, s.paintOrder, s.color]")
        .await;
    assert_eq!(style[0], serde_json::json!("3px"), "{style}");
    assert_eq!(style[1], serde_json::json!("rgb(255, 255, 255)"), "{style}");
    // "stroke fill", as the browser serialises it.
    assert_eq!(style[2], serde_json::json!("stroke"), "{style}");
    // Ink (#1f2a24) on white.
    let lum = |c: [f64; 3]| {
        let lin = |v: f64| {
            let v = v / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    };
    let ratio = (lum([255.0, 255.0, 255.0]) + 0.05) / (lum([31.0, 42.0, 36.0]) + 0.05);
    assert!(ratio > 4.5, "{ratio}");
    assert_eq!(style[3], serde_json::json!("rgb(31, 42, 36)"), "{style}");
    page.close().await;
}
