//! A journalist's own title, subtitle and note (URL `title`, `subtitle`,
//! `note`): shown as text (markup in them stays text) in the embed and the
//! page, cut to their limits, and carried into the exported picture.

use e2e::page::Page;
use serde_json::json;

const WORDS: &str = "title=%3Cb%3E%E5%B1%B1%E8%A5%BF%E7%9A%84%E7%A9%BA%E6%B0%94%3C%2Fb%3E+%26+more&subtitle=2023%E5%B9%B41%E2%80%9411%E6%9C%88%E6%8E%92%E5%90%8D&note=Figures+from+the+provincial+notice.";

#[tokio::test]
async fn own_words_show_as_text_in_the_embed_and_go_into_the_export() {
    let page = Page::coloured(390, 760, &format!("/?embed=1&{WORDS}")).await;
    let shown = page
        .js(
            "return [document.querySelector('.headline-title').textContent, \
                     document.querySelector('.headline-subtitle').textContent, \
                     document.querySelector('.map-note').textContent, \
                     !!document.querySelector('.headline-title b'), \
                     document.documentElement.scrollWidth <= document.documentElement.clientWidth]",
        )
        .await;
    assert_eq!(
        shown,
        json!([
            "<b>山西的空气</b> & more",
            "2023年1—11月排名",
            "Figures from the provincial notice.",
            false,
            true
        ])
    );
    page.screenshot("words-embed-390").await;
    page.close().await;

    // The page: the same words, and the exported picture leads with them.
    let page = Page::showing(1280, 900, &format!("/?{WORDS}"), "button[name=export-svg]").await;
    page.click(".export-menu > summary").await;
    page.click("button[name=export-svg]").await;
    page.wait_true("return document.getElementById('export-link').getAttribute('href').startsWith('data:image/svg+xml')")
        .await;
    let texts = page
        .js("const href = document.getElementById('export-link').getAttribute('href'); \
             const doc = new DOMParser().parseFromString(decodeURIComponent(href.slice(href.indexOf(',') + 1)), 'image/svg+xml'); \
             return [doc.getElementsByTagName('parsererror').length, \
                     ...[...doc.documentElement.querySelectorAll(':scope > text')].map(t => t.textContent)]")
        .await;
    let texts = texts.as_array().cloned().unwrap_or_default();
    assert_eq!(texts.first(), Some(&json!(0)), "the SVG parses: {texts:?}");
    assert_eq!(
        texts.get(1),
        Some(&json!("<b>山西的空气</b> & more")),
        "{texts:?}"
    );
    assert!(
        texts
            .get(2)
            .and_then(|t| t.as_str())
            .is_some_and(|t| t.starts_with("2023年1—11月排名")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t == "Figures from the provincial notice."),
        "the note in the foot: {texts:?}"
    );
    page.close().await;
}
