//! Browser test harness: a static server for the release `dist/` (with faults
//! that a test can inject) and headless Chromium driven through chromedriver.
//!
//! Everything listens on 127.0.0.1 only.

pub mod browser;
pub mod nginx;
pub mod page;
pub mod server;

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// The built app: `$E2E_DIST` or `dist/` at the repository root.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("dist"))
}

/// Where tests save screenshots: `target/e2e-artifacts/`.
pub fn artifacts_dir() -> PathBuf {
    let dir = root().join("target/e2e-artifacts");
    let _ = std::fs::create_dir_all(&dir);
    dir
}
