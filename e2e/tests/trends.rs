//! Values over time: under the province strip, a small chart of each province
//! figure across its years, with its sources; in the tooltip and the city
//! detail, the city's strip of every period of the current run, the period
//! on the map marked. Expected values come from the shipped data file, read
//! here, not from fixed text.

use e2e::page::Page;
use serde_json::{json, Value};

fn data() -> Value {
    let text = std::fs::read_to_string(e2e::root().join("public/data/indicators.json"))
        .expect("the shipped data file");
    serde_json::from_str(&text).expect("JSON")
}

/// The periods of `indicator` in the run of spans from January (or of single
/// months), oldest first, as the data file has them.
fn run_of(d: &Value, indicator: &str, months: bool) -> Vec<String> {
    let mut used: Vec<&str> = d["observations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|o| o["indicator"] == indicator)
        .filter_map(|o| o["period"].as_str())
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut out: Vec<(String, String, String)> = d["periods"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| used.contains(&p["id"].as_str().unwrap_or_default()))
        .filter(|p| {
            let (s, e) = (
                p["start"].as_str().unwrap_or_default(),
                p["end"].as_str().unwrap_or_default(),
            );
            if months {
                s == e
            } else {
                s != e && s.ends_with("-01")
            }
        })
        .map(|p| {
            let f = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            (f("end"), f("start"), f("id"))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, _, id)| id).collect()
}

#[tokio::test]
async fn the_province_figures_are_charted_across_their_years_with_sources() {
    let d = data();
    let page = Page::coloured(1280, 800, "/").await;
    page.wait_for(".province-trends figure.trend").await;
    for id in [
        "pm25",
        "good-day-ratio",
        "composite-index",
        "water-good-share",
    ] {
        let mut want: Vec<(String, String)> = d["province"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["id"] == id && f["kind"].is_null())
            .filter_map(|f| {
                let year = f["period"].as_str()?;
                (year.len() == 4).then(|| (year.to_string(), f["value"].to_string()))
            })
            .collect();
        want.sort();
        want.dedup_by(|a, b| a.0 == b.0);
        let got = page
            .js(&format!(
                "return [...document.querySelectorAll('figure[data-trend=\"{id}\"] .trend-point')].map(g => \
                 [g.dataset.period, g.dataset.value, +g.querySelector('circle').getAttribute('cy')])"
            ))
            .await;
        let got = got.as_array().cloned().unwrap_or_default();
        let pairs: Vec<(String, String)> = got
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap_or_default().to_string(),
                    p[1].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = want
            .into_iter()
            .map(|(y, v)| (y, v.trim_end_matches(".0").to_string()))
            .collect();
        assert_eq!(pairs, want, "{id}: every year of the data, in order");
        assert!(pairs.len() >= 3, "{id}: {pairs:?}");
        // Higher values are drawn higher (a smaller y).
        for a in &got {
            for b in &got {
                let (va, vb) = (
                    a[1].as_str()
                        .unwrap_or_default()
                        .parse::<f64>()
                        .unwrap_or_default(),
                    b[1].as_str()
                        .unwrap_or_default()
                        .parse::<f64>()
                        .unwrap_or_default(),
                );
                if va > vb {
                    assert!(a[2].as_f64() < b[2].as_f64(), "{id}: {got:?}");
                }
            }
        }
        let sources = page
            .text_of(&format!("figure[data-trend=\"{id}\"] .trend-sources"))
            .await;
        assert!(sources.contains("山西"), "{id}: {sources}");
    }
    let label = page
        .js("return document.querySelector('figure[data-trend=pm25] svg').getAttribute('aria-label')")
        .await;
    assert!(
        label
            .as_str()
            .is_some_and(|l| l.contains("2022年 38") && l.contains("2024 36")),
        "{label}"
    );
    page.js("document.querySelector('.province-trends').scrollIntoView(); return true")
        .await;
    page.screenshot("trends-1280").await;
    page.close().await;

    // English, on a phone: the charts wrap inside the screen.
    let page = Page::coloured(390, 844, "/?lang=en").await;
    page.wait_for(".province-trends figure.trend").await;
    let caption = page.text_of("figure[data-trend=pm25] figcaption").await;
    assert!(caption.contains("PM2.5 annual mean"), "{caption}");
    let wider = page
        .js("return [...document.querySelectorAll('.trend')].filter(f => f.getBoundingClientRect().right > innerWidth + 0.5).length")
        .await;
    assert_eq!(wider, json!(0), "no chart wider than the screen");
    page.js("document.querySelector('.province-trends').scrollIntoView(); return true")
        .await;
    page.screenshot("trends-390-en").await;
    page.close().await;
}

/// JavaScript: the strip's cells in `root`, as [period, fill, current].
fn cells_in(root: &str) -> String {
    format!(
        "return [...document.querySelectorAll('{root} .strip-cell')].map(r => \
         [r.dataset.period, r.getAttribute('fill'), r.classList.contains('current')])"
    )
}

#[tokio::test]
async fn the_tooltip_and_the_city_detail_show_the_citys_strip_of_periods() {
    let d = data();
    let cumulative = run_of(&d, "air-rank", false);
    let months = run_of(&d, "air-rank", true);
    assert!(cumulative.len() > 5 && months.len() > 5);
    let page = Page::coloured(1280, 800, "/?indicator=air-rank&period=2023-jan-nov").await;
    page.hover_region("140100").await;
    page.wait_for(".tooltip-strip .strip-cell").await;
    let cells = page.js(&cells_in(".tooltip-strip")).await;
    let cells = cells.as_array().cloned().unwrap_or_default();
    let periods: Vec<&str> = cells.iter().filter_map(|c| c[0].as_str()).collect();
    assert_eq!(
        periods, cumulative,
        "every span from January, in time order"
    );
    let current: Vec<&str> = cells
        .iter()
        .filter(|c| c[2] == json!(true))
        .filter_map(|c| c[0].as_str())
        .collect();
    assert_eq!(current, ["2023-jan-nov"], "the period on the map marked");
    // The marked cell has the colour Taiyuan has on the map now.
    let on_map = page
        .js("return getComputedStyle(document.querySelector('path.region[data-adcode=\"140100\"]')).fill")
        .await;
    let marked = page
        .js("const r = document.querySelector('.tooltip-strip .strip-cell.current'); return getComputedStyle(r).fill")
        .await;
    assert_eq!(marked, on_map);
    let label = page
        .js("return document.querySelector('.tooltip-strip svg').getAttribute('aria-label')")
        .await;
    assert!(
        label
            .as_str()
            .is_some_and(|l| l.starts_with("太原市历次") && l.contains("（当前）")),
        "{label}"
    );
    page.screenshot("strip-tooltip-1280").await;

    // Choosing the city: its detail has the same strip under its name.
    page.click_region("140100").await;
    page.wait_for(".city-detail .city-strip .strip-cell").await;
    assert_eq!(
        page.js(&cells_in(".city-detail")).await,
        json!(cells),
        "the city detail's strip is the tooltip's"
    );
    // The monthly run: only single months, the newest marked.
    page.click(".timeline button[name=series][value=month]")
        .await;
    page.wait_true("return location.search.includes('period=2023-11')")
        .await;
    page.wait_js(
        "return document.querySelectorAll('.city-detail .strip-cell').length",
        json!(months.len()),
    )
    .await;
    let cells = page.js(&cells_in(".city-detail")).await;
    let periods: Vec<&str> = cells
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c[0].as_str())
        .collect();
    assert_eq!(periods, months, "single months only, never a span");
    page.js("document.querySelector('.city-detail').scrollIntoView(); return true")
        .await;
    page.screenshot("strip-city-detail-1280").await;
    // A layer with one period: no strip.
    page.choose("select[name=indicator]", "pm25").await;
    page.wait_true("return location.search.includes('indicator=pm25')")
        .await;
    page.wait_js(
        "return document.querySelectorAll('.city-detail .strip-cell').length",
        json!(0),
    )
    .await;
    page.close().await;
}
