//! Writes the prerendered first view (see `shanxi_eco_map::html::first_view`)
//! for Trunk to inline into `dist/index.html`. Trunk runs it as a `pre_build`
//! hook (Trunk.toml), so every build, `trunk build` as well as `cargo xtask`,
//! has it.
//!
//! Usage: `prerender [OUT]` from the crate's root; OUT defaults to
//! `target/prerender/first-view.html`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use shanxi_eco_map::data::dataset::{Dataset, INDICATORS_FILE, POLICIES_FILE};
use shanxi_eco_map::html::first_view;
use shanxi_eco_map::map::loaded::LoadedMap;

const PREFECTURES: &str = "geo/shanxi-prefectures.geojson";

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(out: &Path) -> Result<(), String> {
    let public = Path::new("public");
    let map =
        LoadedMap::parse(PREFECTURES, &read(Path::new(PREFECTURES))?).map_err(|e| e.text().en)?;
    let data = Dataset::parse(
        &read(&public.join(INDICATORS_FILE))?,
        &read(&public.join(POLICIES_FILE))?,
    )
    .map_err(|e| e.text().en)?;
    let html = first_view(&map, &data);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    // Written only when it changed, so that `trunk serve` does not rebuild for
    // nothing.
    if std::fs::read_to_string(out).ok().as_deref() != Some(html.as_str()) {
        std::fs::write(out, html).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/prerender/first-view.html"));
    match run(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
