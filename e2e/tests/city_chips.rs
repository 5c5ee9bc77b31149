//! Cities chosen for the panel show as removable chips, not in a list box: a
//! city is added from the "add a city" menu (or on the map), and its chip's ×
//! removes it again; the map and the address follow.

use e2e::page::Page;

#[tokio::test]
async fn cities_are_added_from_the_menu_and_removed_by_their_chip() {
    let page = Page::showing(1440, 900, "/", ".policy-panel article[data-measure]").await;
    assert!(
        !page.has("select[name=cities][multiple]").await,
        "no list box"
    );
    page.choose("select[name=add-city]", "140800").await;
    page.wait_for(".city-chip[data-adcode='140800']").await;
    page.wait_true("return location.search.endsWith('&cities=140800')")
        .await;
    page.wait_value("select[name=add-city]", "").await;
    page.choose("select[name=add-city]", "140100").await;
    page.wait_true("return location.search.endsWith('&cities=140800,140100')")
        .await;
    let pressed = page
        .strings("return [...document.querySelectorAll('path.region[aria-pressed=true]')].map(p => p.dataset.adcode).sort()")
        .await;
    assert_eq!(pressed, vec!["140100", "140800"]);
    let chip = page.text_of(".city-chip[data-adcode='140800']").await;
    assert!(chip.contains("运城"), "{chip}");
    page.click(".city-chip[data-adcode='140800']").await;
    page.wait_true("return location.search.endsWith('&cities=140100')")
        .await;
    assert!(!page.has(".city-chip[data-adcode='140800']").await);
    page.finish("city-chips").await;
}
