//! Printing gives one clean page with map, legend and sources.

use e2e::page::Page;
use fantoccini::wd::PrintConfiguration;

#[tokio::test]
async fn printing_fits_on_one_page() {
    let cards = ".policy-panel article[data-measure]";
    let page = Page::showing(1280, 900, "/?indicator=pm25&period=2023", cards).await;
    let pdf = page
        .client
        .print(PrintConfiguration::default())
        .await
        .expect("print to PDF");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let _ = std::fs::write(e2e::artifacts_dir().join("print.pdf"), &pdf);
    // The page tree's /Count is the number of pages.
    let text = String::from_utf8_lossy(&pdf);
    let count = text
        .split("/Count ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<u32>().ok());
    assert_eq!(count, Some(1), "one page");
    page.close().await;
}
