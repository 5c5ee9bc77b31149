//! `cargo xtask <command>`: the project's tasks. See the README.
//!
//! - `serve [--port N]`: installs what is missing, builds the release app and
//!   serves it on 127.0.0.1 (port 8080 by default), rebuilding on change.
//! - `test`: installs what is missing (browser included), then runs formatting,
//!   clippy (native and wasm32), the boundary check, the native tests, the release
//!   build and the browser tests.
//! - `build`: the release build into dist/.
//! - `geo [--check] [--source DIR] [--metadata FILE] [--names-en FILE]`:
//!   regenerates geo/*.geojson (or checks they are up to date).
//! - `bench`: what the first view loads (raw and gzip) and what an indicator
//!   switch costs, measured in headless Chromium.
//! - `fuzz [--minutes N]`: the parsers' property tests (`tests/parsers_never_panic.rs`)
//!   with fresh random cases, round after round, for N minutes (10 by default).

mod compress;
mod csp;
mod geo;
mod size;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use tools::{command, run, say};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("serve") => cmd_serve(rest),
        Some("test") => cmd_test(),
        Some("build") => tools::trunk_build(&root()),
        Some("size") => size::cmd_size(&root()),
        Some("geo") => cmd_geo(rest),
        Some("bench") => cmd_bench(),
        Some("fuzz") => cmd_fuzz(rest),
        _ => Err(
            "usage: cargo xtask <serve [--port N] | test | build | size | geo [--check] | bench | fuzz [--minutes N]>"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn cmd_serve(args: &[String]) -> Result<(), String> {
    let mut port = "8080".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => port = it.next().ok_or("--port needs a number")?.clone(),
            other => return Err(format!("serve: unknown argument {other}")),
        }
    }
    port.parse::<u16>()
        .map_err(|_| format!("serve: {port} is not a port number"))?;
    let root = root();
    tools::ensure_build_tools(&root)?;
    say(&format!(
        "building and serving on http://127.0.0.1:{port}/ (Ctrl-C stops)"
    ));
    run(tools::trunk(&root).args([
        "serve",
        "--release",
        "--offline",
        "--address",
        "127.0.0.1",
        "--port",
        &port,
    ]))
}

fn cmd_test() -> Result<(), String> {
    let root = root();
    let started = Instant::now();
    tools::ensure_build_tools(&root)?;
    tools::ensure_browser()?;
    tools::ensure_nginx()?;
    let cargo = || {
        let mut c = command("cargo");
        c.current_dir(&root);
        c
    };
    say("formatting");
    run(cargo().args(["fmt", "--all", "--check"]))?;
    say("clippy, native");
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    say("clippy, wasm32");
    run(cargo().args([
        "clippy",
        "--package",
        "shanxi-eco-map",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    say("boundary files are what `cargo xtask geo` generates");
    cmd_geo(&["--check".to_string()])?;
    say("native tests");
    let native = tools::run_tests(cargo().args(["test", "--workspace", "--exclude", "e2e"]))?;
    say("release build");
    tools::trunk_build(&root)?;
    say("browser tests (headless Chromium)");
    let axe = tools::ensure_axe(&root)?;
    let browser = tools::run_tests(cargo().env("AXE_JS", axe).args([
        "test",
        "--package",
        "e2e",
        "--",
        "--test-threads=2",
    ]))?;
    say(&format!(
        "all checks passed in {:.0} s; {} native and {} browser tests; screenshots in target/e2e-artifacts/",
        started.elapsed().as_secs_f64(),
        native.0,
        browser.0
    ));
    println!(
        "tests: {} passed, {} failed",
        native.0 + browser.0,
        native.1 + browser.1
    );
    Ok(())
}

fn cmd_geo(args: &[String]) -> Result<(), String> {
    let root = root();
    let mut opts = geo::Options::project(&root);
    let mut check = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => check = true,
            "--source" => opts.source = it.next().ok_or("--source needs a folder")?.into(),
            "--metadata" => opts.metadata = it.next().ok_or("--metadata needs a file")?.into(),
            "--names-en" => opts.english_names = it.next().ok_or("--names-en needs a file")?.into(),
            other => return Err(format!("geo: unknown argument {other}")),
        }
    }
    let out = geo::generate(&opts).map_err(|e| e.to_string())?;
    let r = &out.report;
    say(&format!(
        "geo: {} units, {} arcs, {} -> {} points, max error {:.3} px at {} px tall, {} arcs refined, {} rings dropped, {} crossing arcs",
        r.units, r.arcs, r.points_in, r.points_out, r.max_error_px, geo::REFERENCE_HEIGHT, r.refined_arcs, r.dropped_rings, r.crossing_arcs
    ));
    for (name, text) in [
        ("shanxi-prefectures.geojson", &out.prefectures),
        ("shanxi-counties.geojson", &out.counties),
    ] {
        let path = root.join("geo").join(name);
        say(&format!(
            "geo: {name}: {} bytes, {} gzip",
            text.len(),
            gzip_len(text.as_bytes())
        ));
        if check {
            let current = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if &current != text {
                return Err(format!(
                    "{} is not what `cargo xtask geo` generates: regenerate it",
                    path.display()
                ));
            }
        } else {
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn cmd_bench() -> Result<(), String> {
    let root = root();
    tools::trunk_build(&root)?;
    tools::ensure_browser()?;
    let echarts = tools::ensure_echarts(&root)?;
    say("measuring this app and the ECharts page in headless Chromium");
    run(command("cargo")
        .current_dir(&root)
        .env("ECHARTS_JS", echarts)
        .args(["run", "--quiet", "--package", "e2e", "--bin", "bench"]))
}

/// Runs the parsers' property tests (release build, 100 000 cases a round,
/// fresh random seeds each round) until `--minutes` have passed.
fn cmd_fuzz(args: &[String]) -> Result<(), String> {
    let minutes: f64 = match args {
        [] => 10.0,
        [flag, n] if flag == "--minutes" => n
            .parse()
            .map_err(|_| format!("fuzz: {n} is not a number of minutes"))?,
        _ => return Err("usage: cargo xtask fuzz [--minutes N]".into()),
    };
    let started = Instant::now();
    let mut rounds = 0;
    while started.elapsed().as_secs_f64() < minutes * 60.0 {
        rounds += 1;
        say(&format!("fuzz: round {rounds}, 100 000 cases per parser"));
        run(command("cargo")
            .current_dir(root())
            .env("PROPTEST_CASES", "100000")
            .args([
                "test",
                "--release",
                "--quiet",
                "--test",
                "parsers_never_panic",
            ]))?;
    }
    say(&format!(
        "fuzz: {rounds} rounds in {:.1} minutes, {} cases per parser, no failure",
        started.elapsed().as_secs_f64() / 60.0,
        rounds * 100_000
    ));
    Ok(())
}

/// Size of `bytes` gzipped at the best level, as a server would send them.
pub fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}
