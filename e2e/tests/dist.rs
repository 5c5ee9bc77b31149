//! The built `dist/` is ready for a static server: every file has a `.gz` and a
//! `.br` beside it (written by `cargo xtask build`), and the gzip copy holds the
//! same bytes.

use std::io::Read;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dist/").flatten() {
        let p = entry.path();
        if p.is_dir() {
            files(&p, out);
        } else if !p.extension().is_some_and(|e| e == "gz" || e == "br") {
            out.push(p);
        }
    }
}

#[test]
fn every_asset_is_precompressed() {
    let mut all = Vec::new();
    files(&e2e::dist_dir(), &mut all);
    assert!(
        all.iter()
            .any(|p| p.extension().is_some_and(|e| e == "wasm")),
        "a built dist/"
    );
    for file in all {
        let with = |ext: &str| {
            let mut name = file.clone().into_os_string();
            name.push(ext);
            PathBuf::from(name)
        };
        let raw = std::fs::read(&file).expect("read");
        let gz =
            std::fs::read(with(".gz")).unwrap_or_else(|e| panic!("{}.gz: {e}", file.display()));
        let br =
            std::fs::read(with(".br")).unwrap_or_else(|e| panic!("{}.br: {e}", file.display()));
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .expect("gunzip");
        assert_eq!(back, raw, "{}.gz holds the file", file.display());
        assert!(!br.is_empty(), "{}.br", file.display());
        if raw.len() > 10_000 {
            assert!(
                br.len() < gz.len(),
                "{}: brotli is the smaller copy",
                file.display()
            );
        }
    }
}
