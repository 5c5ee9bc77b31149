//! Every file the app loads, broken every way a server or network breaks it:
//! 404, 500, an empty body, a truncated body, an HTML error page sent as 200,
//! valid JSON of the wrong shape, a response that stalls for 15 s, and a dropped
//! connection. Each time the page says in words which file failed and why, what
//! does not depend on that file keeps working, and "retry" recovers once the
//! file is back.

use e2e::page::{map_from_the_file, Page, INDICATOR};
use e2e::server::FaultKind;
use serde_json::json;

/// The faults, and words of the English message each must give.
const FAULTS: [(FaultKind, &str); 8] = [
    (FaultKind::NotFound, "answered HTTP 404"),
    (FaultKind::ServerError, "answered HTTP 500"),
    (FaultKind::Empty, "is empty"),
    (FaultKind::Truncated, "is not valid JSON"),
    (FaultKind::HtmlPage, "a web page"),
    (FaultKind::WrongShape, "does not have the expected shape"),
    (FaultKind::DelayMs(15_000), "did not arrive within"),
    (FaultKind::Dropped, "could not fetch"),
];

/// The English text of the alert (or notice) matching `css` that names `file`.
const MESSAGE: &str = "const [css, file] = arguments; \
    const el = [...document.querySelectorAll(css)].find(e => e.textContent.includes(file)); \
    return el ? [...el.querySelectorAll('.en')].map(e => e.textContent).join(' ') || el.textContent : null;";

async fn message(page: &Page, css: &str, file: &str) -> String {
    let script = format!(
        "return (function () {{ {} }}).apply(null, {})",
        MESSAGE,
        json!([css, file])
    );
    page.wait_true(&format!(
        "return (function () {{ {} }}).apply(null, {}) !== null",
        MESSAGE,
        json!([css, file])
    ))
    .await;
    page.js(&script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Loads `path` with the next request for `file` broken by `kind`, then checks
/// the message (in `css`), runs `still_works` while the file is missing, clicks
/// the message's retry button and runs `recovered`.
async fn case<'a, W, R>(
    page: &'a Page,
    path: &str,
    file: &str,
    css: &str,
    (kind, words): (FaultKind, &str),
    still_works: impl Fn(&'a Page) -> W,
    recovered: impl Fn(&'a Page) -> R,
) where
    W: std::future::Future<Output = ()>,
    R: std::future::Future<Output = ()>,
{
    page.server.fail_next(file, kind, 1);
    page.client
        .goto(&page.server.url(path))
        .await
        .expect("load the page");
    let text = message(page, css, file).await;
    assert!(
        text.contains(words),
        "{file}, {kind:?}: the message says \"{words}\": {text}"
    );
    if kind == FaultKind::NotFound {
        let name = file.rsplit('/').next().unwrap_or(file).replace('.', "-");
        page.screenshot(&format!("fault-{name}")).await;
    }
    still_works(page).await;
    page.click(&format!("{css} button.retry")).await;
    recovered(page).await;
    println!("{file} {kind:?}: \"{text}\", recovered");
}

/// A browser on a blank page of a server for `dist/`, set up by `setup`; each
/// case then loads the app itself.
async fn blank(setup: impl FnOnce(&e2e::server::Server)) -> Page {
    Page::open_path(1280, 900, "/blank.html", |s| {
        s.add_page("/blank.html", "<!doctype html><title>blank</title>");
        setup(s);
    })
    .await
}

async fn map_is_coloured(page: &Page) {
    page.wait_for_colours().await;
}

async fn legend_has_entries(page: &Page) {
    page.wait_for(".legend .legend-entry").await;
}

async fn measures_listed(page: &Page) {
    page.wait_for(".policy-panel article[data-measure]").await;
}

async fn no_alert(page: &Page) {
    page.wait_count("[role=alert]", 0).await;
}

#[tokio::test]
async fn broken_indicators_leave_the_map_and_the_measures() {
    let page = blank(|_| {}).await;
    for fault in FAULTS {
        case(
            &page,
            "/",
            "data/indicators.json",
            "[role=alert]",
            fault,
            |p| async move {
                p.wait_count("svg.map-svg path.region", 11).await;
                measures_listed(p).await;
            },
            |p| async move {
                map_is_coloured(p).await;
                legend_has_entries(p).await;
                no_alert(p).await;
            },
        )
        .await;
    }
    page.close().await;
}

#[tokio::test]
async fn broken_measures_leave_the_map_legend_and_switches() {
    let page = blank(|_| {}).await;
    for fault in FAULTS {
        case(
            &page,
            "/",
            "data/policies.json",
            ".policy-panel [role=alert], aside [role=alert]",
            fault,
            |p| async move {
                map_is_coloured(p).await;
                legend_has_entries(p).await;
                let before = p.class_of("140100").await;
                p.choose(INDICATOR, "pm25").await;
                p.wait_true("return location.search.includes('indicator=pm25')")
                    .await;
                assert!(p.class_of("140100").await != json!(null), "{before}");
            },
            |p| async move {
                measures_listed(p).await;
                no_alert(p).await;
            },
        )
        .await;
    }
    page.close().await;
}

#[tokio::test]
async fn broken_boundaries_leave_the_province_figures() {
    // A page without the boundaries inside it, so that it fetches them.
    let page = blank(map_from_the_file).await;
    for fault in FAULTS {
        case(
            &page,
            "/",
            "geo/shanxi-prefectures.json",
            "[role=alert]",
            fault,
            |p| async move {
                // The alert is written while the app is still hidden, and
                // the prerendered first view (with its map) goes in the frame
                // after: wait for that frame rather than racing it.
                p.wait_count("svg.map-svg path.region", 0).await;
                // The province's figures come from the indicators alone.
                p.wait_for(".province-strip li.figure").await;
            },
            |p| async move {
                p.wait_count("svg.map-svg path.region", 11).await;
                map_is_coloured(p).await;
                no_alert(p).await;
            },
        )
        .await;
    }
    page.close().await;
}

#[tokio::test]
async fn broken_county_boundaries_leave_the_prefectures_footprint() {
    let page = blank(|_| {}).await;
    for fault in FAULTS {
        case(
            &page,
            "/?measure=campaign-yellow-river-counties",
            "geo/shanxi-counties.json",
            ".notice[role=status]",
            fault,
            |p| async move {
                map_is_coloured(p).await;
                p.wait_count("path.region[data-highlighted=true]", 4).await;
                assert_eq!(p.count(".county-layer path.county").await, json!(0));
            },
            |p| async move {
                p.wait_count(".county-layer path.county[data-highlighted=true]", 19)
                    .await;
                p.wait_count(".notice[role=status]", 0).await;
            },
        )
        .await;
    }
    page.close().await;
}
