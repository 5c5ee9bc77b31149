//! Finding and installing the toolchain, and running commands with it.
//!
//! Everything the project needs is installed by these functions, from package
//! registries only: the wasm32 target (rustup), trunk 0.21.14 and wasm-bindgen-cli
//! at the Cargo.lock version (crates.io), wasm-opt 132 (npm's `binaryen`, into
//! `.tools/`), and for tests Chromium, chromedriver and a CJK font (Debian).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132.0.0";

/// Prints what is about to happen, in the xtask's voice.
pub fn say(msg: &str) {
    println!("xtask: {msg}");
}

/// A command as a shell would show it.
fn shown(cmd: &Command) -> String {
    let args: Vec<_> = cmd.get_args().map(|a| a.to_string_lossy()).collect();
    format!("{} {}", cmd.get_program().to_string_lossy(), args.join(" "))
}

/// Runs a command to completion, echoing it; an error if it fails.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = shown(cmd);
    say(&format!("$ {shown}"));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `cargo test …`, passing its output through, and adds up its
/// "test result:" lines. An error if it fails.
pub fn run_tests(cmd: &mut Command) -> Result<(u64, u64), String> {
    use std::io::{BufRead, BufReader};
    let shown = shown(cmd);
    say(&format!("$ {shown}"));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    let (mut passed, mut failed) = (0, 0);
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(rest) = line.strip_prefix("test result: ") {
                let count = |word: &str| {
                    rest.split(';')
                        .find_map(|part| {
                            part.trim()
                                .strip_suffix(word)
                                .and_then(|n| n.trim().rsplit(' ').next()?.parse::<u64>().ok())
                        })
                        .unwrap_or(0)
                };
                passed += count(" passed");
                failed += count(" failed");
            }
        }
    }
    let status = child.wait().map_err(|e| format!("`{shown}`: {e}"))?;
    if status.success() {
        Ok((passed, failed))
    } else {
        Err(format!(
            "`{shown}` failed ({status}): {passed} passed, {failed} failed"
        ))
    }
}

/// A command's trimmed standard output, if it ran and succeeded.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", path())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// The project's local npm tools.
pub fn npm_bin(root: &Path) -> PathBuf {
    root.join(".tools/node_modules/.bin")
}

/// PATH with cargo's bin folder and the project's npm tools in front.
pub fn path() -> OsString {
    let mut dirs = vec![npm_bin(&crate::root()), cargo_bin()];
    if let Some(p) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&p));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command with the project's PATH.
pub fn command(program: &str) -> Command {
    let mut c = Command::new(program);
    c.env("PATH", path());
    c
}

pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    say("installing the wasm32-unknown-unknown target");
    run(command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

pub fn ensure_trunk() -> Result<(), String> {
    if output("trunk", &["--version"]).is_some_and(|v| v.ends_with(TRUNK_VERSION)) {
        return Ok(());
    }
    say(&format!(
        "installing trunk {TRUNK_VERSION} (about 10 minutes on 2 cores)"
    ));
    run(command("cargo").args([
        "install",
        "trunk",
        "--version",
        TRUNK_VERSION,
        "--locked",
        "--no-default-features",
        "--features",
        "rustls",
    ]))
}

/// The wasm-bindgen version Cargo.lock resolved.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
            {
                return Ok(v.to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

pub fn ensure_wasm_bindgen(root: &Path) -> Result<(), String> {
    let version = locked_wasm_bindgen(root)?;
    if output("wasm-bindgen", &["--version"])
        .is_some_and(|v| v == format!("wasm-bindgen {version}"))
    {
        return Ok(());
    }
    say(&format!(
        "installing wasm-bindgen-cli {version} (the version in Cargo.lock)"
    ));
    // Not --locked: one of its locked dependencies is no longer on the registry.
    run(command("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))
}

pub fn ensure_wasm_opt(root: &Path) -> Result<(), String> {
    let wasm_opt = npm_bin(root).join("wasm-opt");
    let ok = Command::new(&wasm_opt)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("version 132"));
    if ok {
        return Ok(());
    }
    say(&format!(
        "installing wasm-opt from npm's binaryen {BINARYEN_VERSION} into .tools/"
    ));
    let dir = root.join(".tools");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    run(command("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&dir)
        .arg(format!("binaryen@{BINARYEN_VERSION}")))
}

/// The nightly toolchain the wasm is built with: with the standard library
/// rebuilt for size (`-Zbuild-std`, `optimize_for_size`, panics that abort at
/// once; `Debug` formatting compiled out, so the app must never show `{:?}`
/// output) the release wasm is about 12 % smaller than with stable (measured on
/// this app: 880 019 → 768 560 bytes raw, 363 869 → 323 364 gzip). Pinned, so a
/// build never changes under us. Native builds, clippy and tests stay on stable.
pub const NIGHTLY: &str = "nightly-2026-10-29";

/// Installs [`NIGHTLY`] with `rust-src` and the wasm32 target, and fetches the
/// standard library's own dependencies so that the build can run `--offline`.
pub fn ensure_nightly() -> Result<(), String> {
    let have = output("rustup", &["toolchain", "list"])
        .is_some_and(|l| l.lines().any(|t| t.starts_with(NIGHTLY)));
    let sysroot = || output("rustc", &[&format!("+{NIGHTLY}"), "--print", "sysroot"]);
    let has_src = sysroot().is_some_and(|s| {
        Path::new(&s)
            .join("lib/rustlib/src/rust/library/Cargo.toml")
            .is_file()
    });
    if !(have && has_src) {
        say(&format!(
            "installing the {NIGHTLY} toolchain (rust-src, wasm32 target) for the size-optimised wasm build"
        ));
        run(command("rustup").args([
            "toolchain",
            "install",
            NIGHTLY,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
            "--target",
            "wasm32-unknown-unknown",
        ]))?;
    }
    let sysroot = sysroot().ok_or("cannot find the nightly toolchain's sysroot")?;
    let library = Path::new(&sysroot).join("lib/rustlib/src/rust/library/Cargo.toml");
    run(command("cargo")
        .arg(format!("+{NIGHTLY}"))
        .args(["fetch", "--quiet", "--manifest-path"])
        .arg(library))
}

/// `trunk` with the environment of the size-optimised nightly wasm build.
pub fn trunk(root: &Path) -> Command {
    nightly_wasm(command("trunk"), root, "target/wasm-nightly")
}

/// `program` with the environment of the size-optimised nightly wasm build,
/// its cargo output in `target_dir` (relative to `root`).
pub fn nightly_wasm(mut c: Command, root: &Path, target_dir: &str) -> Command {
    c.current_dir(root)
        .env("RUSTUP_TOOLCHAIN", NIGHTLY)
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "RUSTFLAGS",
            // `-inline-threshold=-5`: LLVM inlines less than opt-level "z"
            // alone makes it (the flag overrides the inliner's threshold).
            // Measured 2026-12-07 (wasm-opt -Oz, gzip -9): default 615 560 B
            // raw / 247 813 B gzip; -5: 611 666 / 244 947; 0: 611 433 /
            // 245 532; 25: 256 948 gzip; -50: 282 945 gzip.
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --cfg shanxi_immediate_abort -Cllvm-args=-inline-threshold=-5",
        )
        // Apart from the stable builds, so neither invalidates the other.
        .env("CARGO_TARGET_DIR", root.join(target_dir));
    c
}

/// The ECharts version the bench compares with.
pub const ECHARTS_VERSION: &str = "6.1.0";

/// ECharts from npm (into `.tools/`), for the bench's peer page; its
/// `echarts.min.js`.
pub fn ensure_echarts(root: &Path) -> Result<PathBuf, String> {
    ensure_npm(root, "echarts", ECHARTS_VERSION, "dist/echarts.min.js")
}

/// The axe-core version the accessibility tests run.
pub const AXE_VERSION: &str = "4.11.0";

/// axe-core from npm (into `.tools/`), for the browser tests' accessibility
/// audit; its `axe.min.js`.
pub fn ensure_axe(root: &Path) -> Result<PathBuf, String> {
    ensure_npm(root, "axe-core", AXE_VERSION, "axe.min.js")
}

/// npm's `package` at `version` in `.tools/` (installed if missing or
/// another version); the path of its `file`.
fn ensure_npm(root: &Path, package: &str, version: &str, file: &str) -> Result<PathBuf, String> {
    let dir = root.join(".tools");
    let module = dir.join("node_modules").join(package);
    let path = module.join(file);
    let installed = std::fs::read_to_string(module.join("package.json"))
        .is_ok_and(|p| p.contains(&format!("\"version\": \"{version}\"")));
    if !(installed && path.is_file()) {
        say(&format!(
            "installing {package} {version} from npm into .tools/"
        ));
        run(command("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .arg(format!("{package}@{version}")))?;
    }
    Ok(path)
}

/// Everything `trunk build` needs.
pub fn ensure_build_tools(root: &Path) -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_nightly()?;
    ensure_wasm_opt(root)?;
    ensure_wasm_bindgen(root)?;
    ensure_trunk()
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|u| u == "0")
}

fn have(program: &str) -> bool {
    output(program, &["--version"]).is_some()
}

/// Chromium, chromedriver and a font with Chinese glyphs, from Debian's packages.
pub fn ensure_browser() -> Result<(), String> {
    let font = output("fc-list", &[":lang=zh"]).is_some_and(|f| !f.is_empty());
    if have("chromium") && have("chromedriver") && font {
        return Ok(());
    }
    say("installing chromium, chromium-driver and fonts-wqy-microhei from Debian's packages");
    apt_install(&["chromium", "chromium-driver", "fonts-wqy-microhei"])
}

/// The brotli module `deploy/nginx.conf` loads.
const NGINX_BROTLI: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// nginx and its brotli_static module from Debian, for the production-server
/// tests (e2e/tests/nginx.rs, deploy/nginx.conf).
pub fn ensure_nginx() -> Result<(), String> {
    if Path::new("/usr/sbin/nginx").is_file() && Path::new(NGINX_BROTLI).is_file() {
        return Ok(());
    }
    say("installing nginx and libnginx-mod-http-brotli-static from Debian's packages");
    apt_install(&["nginx", "libnginx-mod-http-brotli-static"])
}

/// `apt-get update` and `apt-get install` of `packages` (through sudo unless root).
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let sudo = if is_root() { None } else { Some("sudo") };
    let apt = |args: &[&str]| -> Result<(), String> {
        let mut c = match sudo {
            Some(s) => {
                let mut c = command(s);
                c.arg("apt-get");
                c
            }
            None => command("apt-get"),
        };
        run(c.args(args).env("DEBIAN_FRONTEND", "noninteractive"))
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// `trunk build --release --offline` into dist/.
pub fn trunk_build(root: &Path) -> Result<(), String> {
    ensure_build_tools(root)?;
    run(trunk(root).args(["build", "--release", "--offline"]))?;
    crate::csp::write_headers(&root.join("dist"))?;
    say(&format!(
        "wrote dist/{}: the Content-Security-Policy with the hashes of index.html's inline scripts and styles",
        crate::csp::HEADERS_FILE
    ));
    let s = crate::compress::compress_dir(&root.join("dist"))?;
    say(&format!(
        "precompressed {} files in dist/: {} bytes, {} gzip, {} brotli",
        s.files, s.raw, s.gzip, s.brotli
    ));
    Ok(())
}
