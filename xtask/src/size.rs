//! `cargo xtask size`: where the wasm's bytes are. Builds the release wasm as
//! `cargo xtask build` does but keeps the function names (`wasm-opt -g`), then
//! reads them with `twiggy` and prints the biggest crates and functions. The
//! numbers exclude the names section, so they add up to the shipped wasm.

use std::collections::BTreeMap;
use std::path::Path;

use crate::tools::{command, nightly_wasm, npm_bin, output, run, say};

const TWIGGY_VERSION: &str = "0.8.0";
/// The app's `data-wasm-opt-params` in `index.html` (the release build's
/// wasm-opt flags besides `-Oz`), so that this build optimises as Trunk's does;
/// index.html says why each flag is there.
fn wasm_opt_flags(index_html: &str) -> Result<Vec<String>, String> {
    const APP: &str = "data-bin=\"shanxi-eco-map\"";
    const PARAMS: &str = "data-wasm-opt-params=\"";
    let link = index_html
        .split('<')
        .find(|tag| tag.starts_with("link") && tag.contains(APP))
        .ok_or("index.html has no <link data-bin=\"shanxi-eco-map\">")?;
    let start = link
        .find(PARAMS)
        .map(|at| at + PARAMS.len())
        .ok_or("the app's <link> in index.html has no data-wasm-opt-params")?;
    let params = link[start..].split('"').next().unwrap_or_default();
    Ok(params.split_whitespace().map(str::to_string).collect())
}

fn ensure_twiggy() -> Result<(), String> {
    if output("twiggy", &["--version"]).is_some_and(|v| v.ends_with(TWIGGY_VERSION)) {
        return Ok(());
    }
    say(&format!(
        "installing twiggy {TWIGGY_VERSION} (about 3 minutes)"
    ));
    run(command("cargo").args(["install", "twiggy", "--version", TWIGGY_VERSION]))
}

/// The crate a function belongs to, from its demangled name ("tachys::view::…"
/// → "tachys"; "<T as tachys::…>::f" → "tachys"); data and other items by kind.
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") {
        return "(data)".into();
    }
    if name.contains("function names") {
        return "(names)".into();
    }
    let inner = name
        .trim_start_matches(['<', '&', '('])
        .trim_start_matches("mut ");
    // "<T as tachys::…>" and "<f64 as core::…>" belong to the trait's crate.
    let path = inner.find("::").unwrap_or(inner.len());
    let inner = match inner.find(" as ") {
        Some(i) if i < path => &inner[i + 4..],
        _ => inner,
    };
    match inner.split_once("::") {
        Some((krate, _)) => krate
            .split('[')
            .next()
            .unwrap_or(krate)
            .trim_start_matches("dyn ")
            .to_string(),
        None => "(other)".into(),
    }
}

/// Reads twiggy's CSV (`Name,ShallowSize,…`) into (name, bytes).
fn items(csv: &str) -> Vec<(String, u64)> {
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            // Names may hold commas and are quoted; the size is the first
            // number after the (last) closing quote or the first comma.
            let (name, rest) = if let Some(stripped) = line.strip_prefix('"') {
                let end = stripped.rfind("\",")?;
                (stripped[..end].replace("\"\"", "\""), &stripped[end + 2..])
            } else {
                let (n, r) = line.split_once(',')?;
                (n.to_string(), r)
            };
            let size = rest.split(',').next()?.parse().ok()?;
            Some((name, size))
        })
        .collect()
}

pub fn cmd_size(root: &Path) -> Result<(), String> {
    let index = std::fs::read_to_string(root.join("index.html"))
        .map_err(|e| format!("read index.html: {e}"))?;
    let flags = wasm_opt_flags(&index)?;
    crate::tools::ensure_build_tools(root)?;
    ensure_twiggy()?;
    let dir = root.join("target/wasm-size");
    say("building the release wasm with its function names kept");
    let mut cargo = nightly_wasm(command("cargo"), root, "target/wasm-size");
    run(cargo.env("CARGO_PROFILE_RELEASE_STRIP", "false").args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--bin",
        "shanxi-eco-map",
    ]))?;
    let built = dir.join("wasm32-unknown-unknown/release/shanxi-eco-map.wasm");
    let out = dir.join("bindgen");
    run(command("wasm-bindgen")
        .args(["--target", "web", "--out-dir"])
        .arg(&out)
        .arg(&built))?;
    let named = out.join("named.wasm");
    run(command(&npm_bin(root).join("wasm-opt").to_string_lossy())
        .args(["-Oz", "-g"])
        .args(flags)
        .arg(out.join("shanxi-eco-map_bg.wasm"))
        .arg("-o")
        .arg(&named))?;
    let csv = output(
        "twiggy",
        &[
            "top",
            "-n",
            "1000000",
            "--format",
            "csv",
            &named.to_string_lossy(),
        ],
    )
    .ok_or("twiggy could not read the wasm")?;
    let items: Vec<(String, u64)> = items(&csv)
        .into_iter()
        .filter(|(n, _)| !n.contains("function names"))
        .collect();
    let total: u64 = items.iter().map(|(_, s)| s).sum();
    let mut crates: BTreeMap<String, u64> = BTreeMap::new();
    for (name, size) in &items {
        *crates.entry(crate_of(name)).or_default() += size;
    }
    let mut crates: Vec<(String, u64)> = crates.into_iter().collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    println!("wasm without its names section: {total} bytes (a function counts for the crate its name starts with: a generic function instantiated for this app's closure counts as this app's)");
    println!("\n{:<40} {:>9} {:>6}", "crate", "bytes", "%");
    for (c, s) in crates.iter().take(20) {
        println!("{c:<40} {s:>9} {:>5.1}%", *s as f64 * 100.0 / total as f64);
    }
    println!("\n{:>9}  biggest functions and data", "bytes");
    let mut sorted = items.clone();
    sorted.sort_by_key(|i| std::cmp::Reverse(i.1));
    for (n, s) in sorted.iter().take(25) {
        let short: String = n.chars().take(110).collect();
        println!("{s:>9}  {short}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_their_crates() {
        assert_eq!(crate_of("tachys::view::keyed::diff::h12"), "tachys");
        assert_eq!(
            crate_of("<T as reactive_graph::traits::Read>::try_read"),
            "reactive_graph"
        );
        assert_eq!(
            crate_of("<f64 as core[c5930c85a12de822]::fmt::Display>::fmt"),
            "core"
        );
        assert_eq!(crate_of("core[c5930c85a12de822]::num::flt2dec::x"), "core");
        assert_eq!(crate_of("data segment \".rodata\""), "(data)");
    }

    #[test]
    fn the_flags_are_the_apps_in_index_html() {
        let html = r#"<link data-trunk rel="rust" data-bin="csv-worker" data-wasm-opt-params="--worker" />
            <link data-trunk rel="rust" data-bin="shanxi-eco-map" data-wasm-opt="z" data-wasm-opt-params="--enable-sign-ext  --low-memory-unused" />"#;
        assert_eq!(
            wasm_opt_flags(html),
            Ok(vec![
                "--enable-sign-ext".to_string(),
                "--low-memory-unused".to_string()
            ])
        );
        assert!(wasm_opt_flags("<link data-bin=\"shanxi-eco-map\">").is_err());
        // The project's own page has the flags the release build uses.
        let ours = wasm_opt_flags(include_str!("../../index.html")).unwrap_or_default();
        assert!(ours.iter().any(|f| f == "--low-memory-unused"), "{ours:?}");
    }

    #[test]
    fn reads_twiggy_csv() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   \"data segment \"\".rodata\"\"\",17253,1.3,,\n\
                   tachys::x::h1,120,0.1,,\n";
        assert_eq!(
            items(csv),
            vec![
                ("data segment \".rodata\"".to_string(), 17253),
                ("tachys::x::h1".to_string(), 120)
            ]
        );
    }
}
