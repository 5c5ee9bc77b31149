//! `cargo xtask bench`: what the first view costs, measured in headless Chromium
//! against the release `dist/`.
//!
//! - Size: every resource the page loads until the map is coloured, as the
//!   browser saw it (Resource Timing), gzipped at level 9 from `dist/`.
//! - Indicator switch: main-thread time from changing the indicator to the end
//!   of the task that re-colours the map (median and worst of 20), and a check
//!   that no region path changed (no re-projection).
//!
//! A report, not a test: it prints and exits 0 unless the page cannot be measured.

use std::io::Write;

use e2e::page::Page;
use serde_json::Value;

const BUDGET_GZIP: usize = 130 * 1024;
const SWITCH_BUDGET_MS: f64 = 2.0;

fn gzip(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let page = Page::open(1280, 900, |_| {}).await;
    page.wait_for_colours().await;
    let dist = e2e::dist_dir();
    let urls = page.js("return [location.pathname].concat(performance.getEntriesByType('resource').map(e => new URL(e.name).pathname))").await;
    let mut seen = std::collections::BTreeSet::new();
    let (mut raw, mut gz) = (0, 0);
    println!(
        "{:<50} {:>9} {:>9}",
        "first view (loaded by the browser)", "bytes", "gzip"
    );
    for url in e2e::page::strings(&urls) {
        let rel = url.trim_start_matches('/');
        let rel = if rel.is_empty() { "index.html" } else { rel };
        if !seen.insert(rel.to_string()) {
            continue;
        }
        let Ok(bytes) = std::fs::read(dist.join(rel)) else {
            println!("{rel:<50} (not in dist/)");
            continue;
        };
        let g = gzip(&bytes);
        raw += bytes.len();
        gz += g;
        println!("{rel:<50} {:>9} {:>9}", bytes.len(), g);
    }
    let verdict = if gz <= BUDGET_GZIP { "within" } else { "OVER" };
    println!(
        "{:<50} {raw:>9} {gz:>9}  {verdict} the budget of {BUDGET_GZIP} gzip",
        "total"
    );

    let script = r#"
        const sel = document.querySelector('select[name=indicator]');
        const paths = () => [...document.querySelectorAll('svg path.region')].map(p => p.getAttribute('d')).join('|');
        const before = paths();
        const ids = ['pm25', 'air-rank', 'water-quality-index', 'air-index-change'];
        const times = [];
        for (let i = 0; i < 20; i++) {
            const id = ids[i % ids.length];
            const t0 = performance.now();
            sel.value = id;
            sel.dispatchEvent(new Event('change', {bubbles: true}));
            await Promise.resolve();
            const t1 = performance.now();
            if (!document.querySelector('path.region[data-class]')) throw new Error('not coloured');
            times.push(t1 - t0);
            await new Promise(r => setTimeout(r, 20));
        }
        times.sort((a, b) => a - b);
        return [times[Math.floor(times.length / 2)], times[times.length - 1], paths() === before];
    "#;
    let wrapped = format!("const done = arguments[arguments.length - 1]; (async () => {{ {script} }})().then(done, e => done(String(e)));");
    match page.client.execute_async(&wrapped, vec![]).await {
        Ok(Value::Array(v)) => {
            let (median, worst) = (
                v[0].as_f64().unwrap_or(f64::NAN),
                v[1].as_f64().unwrap_or(f64::NAN),
            );
            let verdict = if median <= SWITCH_BUDGET_MS {
                "within"
            } else {
                "OVER"
            };
            println!("indicator switch: median {median:.2} ms, worst {worst:.2} ms ({verdict} the {SWITCH_BUDGET_MS} ms budget); paths unchanged: {}", v[2]);
        }
        other => println!("indicator switch: could not measure ({other:?})"),
    }
    // The same for the palette alone (only fills change): what the map itself costs.
    let palette_script = script
        .replace("select[name=indicator]", "select[name=palette]")
        .replace(
            "['pm25', 'air-rank', 'water-quality-index', 'air-index-change']",
            "['viridis', 'orrd', 'blues', 'purples']",
        );
    let palette = format!("const done = arguments[arguments.length - 1]; (async () => {{ {palette_script} }})().then(done, e => done(String(e)));");
    if let Ok(Value::Array(v)) = page.client.execute_async(&palette, vec![]).await {
        println!(
            "palette switch (re-colour only): median {:.2} ms, worst {:.2} ms",
            v[0].as_f64().unwrap_or(f64::NAN),
            v[1].as_f64().unwrap_or(f64::NAN)
        );
    }
    page.close().await;
}
