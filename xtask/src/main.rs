//! `cargo xtask <command>`: the project's tasks. See the README.

mod geo;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("geo") => cmd_geo(&args[1..]),
        _ => Err("usage: cargo xtask <serve|test|geo|bench>".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
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
    println!(
        "geo: {} units, {} arcs, {} -> {} points, max error {:.3} px at {} px tall, {} arcs refined, {} rings dropped, {} crossing arcs",
        r.units, r.arcs, r.points_in, r.points_out, r.max_error_px, geo::REFERENCE_HEIGHT, r.refined_arcs, r.dropped_rings, r.crossing_arcs
    );
    for (name, text) in [("shanxi-prefectures.geojson", &out.prefectures), ("shanxi-counties.geojson", &out.counties)] {
        let path = root.join("geo").join(name);
        println!("geo: {name}: {} bytes, {} gzip", text.len(), gzip_len(text.as_bytes()));
        if check {
            let current = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if &current != text {
                return Err(format!("{} is not what `cargo xtask geo` generates: regenerate it", path.display()));
            }
        } else {
            std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}
