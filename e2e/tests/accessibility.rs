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
