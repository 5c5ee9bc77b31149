//! Writes what the build derives from the data files, for Trunk to put into
//! `dist/`: the prerendered first view (see `shanxi_eco_map::html::first_view`),
//! which index.html inlines, and the boundaries as drawn (see
//! `shanxi_eco_map::map::drawn`), which the page loads instead of the GeoJSON.
//! Trunk runs it as a `pre_build` hook (Trunk.toml), so every build, `trunk
//! build` as well as `cargo xtask`, has them.
//!
//! Usage: `prerender [DIR]` from the crate's root; DIR defaults to
//! `target/prerender`. It writes `DIR/first-view.html`,
//! `DIR/geo/shanxi-prefectures.json` and `DIR/geo/shanxi-counties.json`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use shanxi_eco_map::data::dataset::{Dataset, INDICATORS_FILE, POLICIES_FILE};
use shanxi_eco_map::data::geo::parse_boundaries;
use shanxi_eco_map::html::first_view;
use shanxi_eco_map::map::drawn;
use shanxi_eco_map::map::layout::MapLayout;
use shanxi_eco_map::map::loaded::LoadedMap;

const PREFECTURES: &str = "geo/shanxi-prefectures.geojson";
const COUNTIES: &str = "geo/shanxi-counties.geojson";

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// Writes `text` to `path` only when it changed, so that `trunk serve` does not
/// rebuild for nothing.
fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn run(out: &Path) -> Result<(), String> {
    let words = |e: shanxi_eco_map::error::Error| e.text().en;
    let prefectures = parse_boundaries(PREFECTURES, &read(PREFECTURES)?).map_err(words)?;
    let counties = parse_boundaries(COUNTIES, &read(COUNTIES)?).map_err(words)?;
    let (layout, frame) =
        MapLayout::fit(&prefectures.regions).ok_or(format!("{PREFECTURES}: nothing to draw"))?;
    let (width, height) = (layout.width, layout.height);
    let map = LoadedMap {
        boundaries: prefectures,
        layout,
    };
    let data = Dataset::parse(
        &read(&format!("public/{INDICATORS_FILE}"))?,
        &read(&format!("public/{POLICIES_FILE}"))?,
    )
    .map_err(words)?;
    write(&out.join("first-view.html"), &first_view(&map, &data))?;
    write(
        &out.join("geo/shanxi-prefectures.json"),
        &drawn::write(&map),
    )?;
    write(
        &out.join("geo/shanxi-counties.json"),
        &drawn::write_shapes(&frame, &counties.regions, width, height),
    )
}

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/prerender"));
    match run(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
