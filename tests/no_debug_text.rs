//! The wasm is built with `-Zfmt-debug=none` (xtask: smaller code), which
//! turns every `{:?}` into an empty string. So outside tests the app's code
//! never formats with `Debug`: a `{…:?}` there would show the person nothing.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn app_code_formats_nothing_with_debug() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "found the sources");
    let mut found = Vec::new();
    for f in files {
        if f.ends_with("fixtures.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        // Unit tests sit at the end of a file, after `#[cfg(test)]`.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            if line.contains(":?}") || line.contains(":#?}") || line.contains("dbg!(") {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Debug formatting in app code:\n{}",
        found.join("\n")
    );
}
