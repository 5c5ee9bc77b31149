//! `cargo xtask bench`: this app against an ECharts page drawing the same
//! prefecture GeoJSON and data the usual way (`e2e/bench/echarts.html`, SVG
//! renderer, visualMap), in the same headless Chromium, each in a cold browser.
//!
//! Measured on both, the same way:
//! - **first painted map**: when the served HTML itself holds the drawn map (the
//!   app's prerendered first view: regions with their fills), the browser's
//!   first contentful paint; otherwise the `map-painted` performance mark (the
//!   app sets it in the frame after it has coloured the map, the ECharts page on
//!   `finished`);
//! - **bytes before the first painted map**: the document and the resources that
//!   block rendering (`renderBlockingStatus`), or, without a prerendered map,
//!   everything requested before the mark;
//! - **bytes until the map responds**: every resource requested before the
//!   `map-painted` mark, gzipped at level 9 from the served files (what a
//!   compressing server sends);
//! - **switch latency**: from changing the indicator `<select>` to the second
//!   animation frame after it (median of 20);
//! - **switch main-thread work**: Chrome's `TaskDuration` metric (DevTools
//!   protocol) over the 20 switches, per switch;
//! - **JS heap** after a garbage collection (`JSHeapUsedSize`).
//!
//! Each page is measured [`RUNS`] times, the two pages taking turns, each run
//! in a cold browser; the table shows the medians (a single cold first paint
//! here varies by a factor of two or more).
//!
//! A report, not a test: it prints and exits 0 unless a page cannot be measured.
//! `ECHARTS_JS` names the `echarts.min.js` to serve (xtask installs it from npm).

use std::io::Write;
use std::path::{Path, PathBuf};

use e2e::page::Page;
use serde_json::{json, Value};

const BUDGET_GZIP: usize = 130 * 1024;

/// Cold runs per page.
const RUNS: usize = 5;

/// The median of `f` over `runs`.
fn median(runs: &[Run], f: impl Fn(&Run) -> f64) -> f64 {
    let mut v: Vec<f64> = runs.iter().map(f).collect();
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// A run made of the medians of `runs` (the files of the first).
fn medians(runs: &[Run]) -> Run {
    Run {
        first_map_ms: median(runs, |r| r.first_map_ms),
        first_bytes_gzip: median(runs, |r| r.first_bytes_gzip as f64) as usize,
        painted_ms: median(runs, |r| r.painted_ms),
        bytes_gzip: median(runs, |r| r.bytes_gzip as f64) as usize,
        files: runs.first().map(|r| r.files.clone()).unwrap_or_default(),
        latency_ms: median(runs, |r| r.latency_ms),
        task_ms: median(runs, |r| r.task_ms),
        script_ms: median(runs, |r| r.script_ms),
        style_ms: median(runs, |r| r.style_ms),
        layout_ms: median(runs, |r| r.layout_ms),
        heap_bytes: median(runs, |r| r.heap_bytes),
    }
}

fn gzip(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

async fn cdp(page: &Page, cmd: &'static str, params: Value) -> Value {
    page.cdp(cmd, params).await
}

/// One Chrome performance metric (seconds for durations, bytes for the heap).
async fn metric(page: &Page, name: &str) -> f64 {
    let m = cdp(page, "Performance.getMetrics", json!({})).await;
    m["metrics"]
        .as_array()
        .and_then(|ms| ms.iter().find(|x| x["name"] == name))
        .and_then(|x| x["value"].as_f64())
        .unwrap_or(f64::NAN)
}

#[derive(Debug, Default)]
struct Run {
    /// The first paint with the map drawn.
    first_map_ms: f64,
    /// Gzip bytes needed for that paint.
    first_bytes_gzip: usize,
    /// When the map responds (the `map-painted` mark).
    painted_ms: f64,
    bytes_gzip: usize,
    files: Vec<(String, usize, usize)>,
    latency_ms: f64,
    task_ms: f64,
    /// Of `task_ms`: script, style recalculation and layout, per switch.
    script_ms: f64,
    style_ms: f64,
    layout_ms: f64,
    heap_bytes: f64,
}

/// The Chrome metrics a switch's work is split into.
const PARTS: [&str; 4] = [
    "TaskDuration",
    "ScriptDuration",
    "RecalcStyleDuration",
    "LayoutDuration",
];

async fn parts(page: &Page) -> [f64; 4] {
    let mut out = [0.0; 4];
    for (o, name) in out.iter_mut().zip(PARTS) {
        *o = metric(page, name).await;
    }
    out
}

/// Opens `dir`'s start page cold and measures it; `ids` are the indicator
/// values the switch cycles through.
async fn measure(dir: &Path, ids: &[&str]) -> Run {
    let page = Page::open_in(dir, 1280, 900, "/blank.html", |s| {
        s.add_page(
            "/blank.html",
            "<!doctype html><meta charset=utf-8><title>warm-up</title><p style=\"font-family: system-ui, sans-serif\">预热 warm-up</p>",
        )
    })
    .await;
    // The browser warmed up by one page (Chromium's first page in a new process
    // pays a start-up cost that says nothing about either page); then the page,
    // from an empty cache.
    cdp(&page, "Network.enable", json!({})).await;
    cdp(&page, "Network.clearBrowserCache", json!({})).await;
    cdp(
        &page,
        "Network.setCacheDisabled",
        json!({"cacheDisabled": true}),
    )
    .await;
    page.client
        .goto(&page.server.url("/"))
        .await
        .unwrap_or_else(|e| panic!("load the page: {e}"));
    page.wait_true("return performance.getEntriesByName('map-painted').length > 0")
        .await;
    let painted_ms = page
        .number("return performance.getEntriesByName('map-painted')[0].startTime")
        .await;
    let urls = page
        .js(
            "const t = performance.getEntriesByName('map-painted')[0].startTime; \
             return [location.pathname].concat(performance.getEntriesByType('resource') \
               .filter(e => e.startTime <= t).map(e => new URL(e.name).pathname))",
        )
        .await;
    let mut run = Run {
        painted_ms,
        ..Run::default()
    };
    let served = |rel: &str| {
        let rel = rel.trim_start_matches('/');
        let rel = if rel.is_empty() { "index.html" } else { rel };
        std::fs::read(dir.join(rel))
            .ok()
            .map(|b| (rel.to_string(), b))
    };
    let mut seen = std::collections::BTreeSet::new();
    for url in e2e::page::strings(&urls) {
        let Some((rel, bytes)) = served(&url) else {
            continue;
        };
        if !seen.insert(rel.clone()) {
            continue;
        }
        let g = gzip(&bytes);
        run.bytes_gzip += g;
        run.files.push((rel, bytes.len(), g));
    }
    // The first paint with the map in it. A map drawn in the HTML itself is in
    // the first contentful paint, and needs the document and what blocks
    // rendering; a map drawn by script is painted no earlier than its mark (and
    // the first contentful paint: ECharts marks `finished` before painting).
    page.wait_true("return performance.getEntriesByName('first-contentful-paint').length > 0")
        .await;
    let fcp = page
        .number("return performance.getEntriesByName('first-contentful-paint')[0].startTime")
        .await;
    let prerendered = served("/").is_some_and(|(_, html)| {
        let html = String::from_utf8_lossy(&html);
        html.contains("first-view") && html.contains("class=region")
    });
    if prerendered {
        run.first_map_ms = fcp;
        let blocking = page
            .js("return [location.pathname].concat(performance.getEntriesByType('resource') \
                   .filter(e => e.renderBlockingStatus === 'blocking').map(e => new URL(e.name).pathname))")
            .await;
        let mut seen = std::collections::BTreeSet::new();
        for url in e2e::page::strings(&blocking) {
            if let Some((_, bytes)) = served(&url).filter(|(rel, _)| seen.insert(rel.clone())) {
                run.first_bytes_gzip += gzip(&bytes);
            }
        }
    } else {
        run.first_map_ms = painted_ms.max(fcp);
        run.first_bytes_gzip = run.bytes_gzip;
    }
    cdp(&page, "Performance.enable", json!({})).await;
    let before = parts(&page).await;
    let script = format!(
        "const done = arguments[arguments.length - 1]; (async () => {{
            const ids = {ids};
            const frame = () => new Promise(r => requestAnimationFrame(r));
            const times = [];
            for (let i = 0; i < 20; i++) {{
                const t0 = performance.now();
                // Found anew each time: a page may redraw its select.
                const sel = document.querySelector('select[name=indicator]');
                sel.value = ids[i % ids.length];
                sel.dispatchEvent(new Event('change', {{bubbles: true}}));
                await frame(); await frame();
                times.push(performance.now() - t0);
                await new Promise(r => setTimeout(r, 30));
            }}
            times.sort((a, b) => a - b);
            return times[10];
        }})().then(done, e => done(String(e)));",
        ids = json!(ids)
    );
    run.latency_ms = page.js_async(&script).await.as_f64().unwrap_or(f64::NAN);
    let after = parts(&page).await;
    let per_switch = |i: usize| (after[i] - before[i]) * 1000.0 / 20.0;
    run.task_ms = per_switch(0);
    run.script_ms = per_switch(1);
    run.style_ms = per_switch(2);
    run.layout_ms = per_switch(3);
    cdp(&page, "HeapProfiler.collectGarbage", json!({})).await;
    run.heap_bytes = metric(&page, "JSHeapUsedSize").await;
    page.close().await;
    run
}

/// A folder with the ECharts page, echarts.min.js and the same data files.
fn echarts_site(dist: &Path) -> Option<PathBuf> {
    let js = std::env::var_os("ECHARTS_JS").map(PathBuf::from)?;
    let dir = e2e::root().join("target/bench-echarts");
    let copy = |from: &Path, to: &str| -> std::io::Result<()> {
        let to = dir.join(to);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(from, to).map(|_| ())
    };
    let page = e2e::root().join("e2e/bench/echarts.html");
    let result = copy(&page, "index.html")
        .and_then(|_| copy(&js, "echarts.min.js"))
        .and_then(|_| {
            copy(
                &dist.join("geo/shanxi-prefectures.geojson"),
                "geo/shanxi-prefectures.geojson",
            )
        })
        .and_then(|_| copy(&dist.join("data/indicators.json"), "data/indicators.json"));
    match result {
        Ok(()) => Some(dir),
        Err(e) => {
            println!("ECharts page: cannot prepare {}: {e}", dir.display());
            None
        }
    }
}

#[tokio::main]
async fn main() {
    let dist = e2e::dist_dir();
    let ids = [
        "pm25",
        "air-rank",
        "water-quality-index",
        "air-index-change",
    ];
    let peer_dir = echarts_site(&dist);
    let (mut apps, mut peers) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        apps.push(measure(&dist, &ids).await);
        if let Some(dir) = &peer_dir {
            peers.push(measure(dir, &ids).await);
        }
    }
    let first_paints = |runs: &[Run]| {
        runs.iter()
            .map(|r| format!("{:.0}", r.first_map_ms))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "first painted map, each run (ms): this app {}; ECharts {}",
        first_paints(&apps),
        first_paints(&peers)
    );
    let app = medians(&apps);
    println!(
        "{:<50} {:>9} {:>9}",
        "this app: loaded until the map is painted", "bytes", "gzip"
    );
    for (f, raw, g) in &app.files {
        println!("{f:<50} {raw:>9} {g:>9}");
    }
    let verdict = if app.bytes_gzip <= BUDGET_GZIP {
        "within"
    } else {
        "OVER"
    };
    println!(
        "{:<50} {:>9} {:>9}  {verdict} the budget of {BUDGET_GZIP} gzip\n",
        "total", "", app.bytes_gzip
    );
    let peer = if peers.is_empty() {
        println!("(no ECHARTS_JS: the ECharts page is not measured)");
        None
    } else {
        Some(medians(&peers))
    };
    let split = |r: &Run| {
        format!(
            "script {:.1}, style {:.1}, layout {:.1}, the rest (paint, tasks) {:.1}",
            r.script_ms,
            r.style_ms,
            r.layout_ms,
            r.task_ms - r.script_ms - r.style_ms - r.layout_ms
        )
    };
    println!(
        "a switch's main-thread work (ms, medians): this app {}",
        split(&app)
    );
    if let Some(p) = &peer {
        println!(
            "a switch's main-thread work (ms, medians): ECharts {}",
            split(p)
        );
    }
    println!("medians of {RUNS} cold runs per page:");
    let rows: [(&str, f64, Option<f64>, &str); 7] = [
        (
            "first painted map",
            app.first_map_ms,
            peer.as_ref().map(|p| p.first_map_ms),
            "ms",
        ),
        (
            "bytes before the first painted map (gzip)",
            app.first_bytes_gzip as f64,
            peer.as_ref().map(|p| p.first_bytes_gzip as f64),
            "B",
        ),
        (
            "map responds (coloured by the app, handlers on)",
            app.painted_ms,
            peer.as_ref().map(|p| p.painted_ms),
            "ms",
        ),
        (
            "bytes until the map responds (gzip)",
            app.bytes_gzip as f64,
            peer.as_ref().map(|p| p.bytes_gzip as f64),
            "B",
        ),
        (
            "indicator switch, to the 2nd frame (median)",
            app.latency_ms,
            peer.as_ref().map(|p| p.latency_ms),
            "ms",
        ),
        (
            "main-thread work per switch (TaskDuration)",
            app.task_ms,
            peer.as_ref().map(|p| p.task_ms),
            "ms",
        ),
        (
            "JS heap after GC",
            app.heap_bytes,
            peer.as_ref().map(|p| p.heap_bytes),
            "B",
        ),
    ];
    println!("| measure | this app | ECharts | ratio |\n| --- | --- | --- | --- |");
    for (what, a, p, unit) in rows {
        let fmt = |v: f64| {
            if unit == "B" {
                format!("{:.0} {unit}", v)
            } else {
                format!("{v:.1} {unit}")
            }
        };
        match p {
            Some(p) => println!("| {what} | {} | {} | {:.2}× |", fmt(a), fmt(p), a / p),
            None => println!("| {what} | {} | — | — |", fmt(a)),
        }
    }
}
