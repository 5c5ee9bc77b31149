//! Headless Chromium through chromedriver.
//!
//! Each [`Browser`] runs its own chromedriver on a free port, so tests can run in
//! parallel; dropping it ends the driver (and with it the browsers it started).

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// A chromedriver process.
pub struct Browser {
    driver: Child,
    port: u16,
    /// The Chromium profiles of its sessions, removed with it: left behind,
    /// every test run added its profiles to the temporary folder until the
    /// disk was full.
    profiles: std::sync::Mutex<Vec<std::path::PathBuf>>,
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn driver_binary() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_string())
}

fn chromium_binary() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string())
}

impl Browser {
    /// Starts chromedriver and waits until it accepts connections.
    pub fn start() -> Result<Browser, String> {
        let port = free_port().map_err(|e| format!("no free port: {e}"))?;
        // Its own process group, so that dropping the Browser also ends the
        // Chromium processes a failed test left open.
        let driver = Command::new(driver_binary())
            .process_group(0)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start chromedriver ({}): {e}; `cargo xtask test` installs it",
                    driver_binary()
                )
            })?;
        let mut browser = Browser {
            driver,
            port,
            profiles: std::sync::Mutex::default(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // Someone answered on the port: make sure it is our driver (one that lost
        // the port to another process has exited).
        if let Ok(Some(status)) = browser.driver.try_wait() {
            return Err(format!(
                "chromedriver exited ({status}); its port {port} was taken"
            ));
        }
        // Accepting connections is not yet ready for sessions: ask /status.
        while !ready(port) {
            if Instant::now() > deadline {
                return Err("chromedriver did not say it was ready within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(browser)
    }

    /// A chromedriver and a session on it, trying again with a new driver on a
    /// new port when the first cannot be reached. A driver that loses a race
    /// for its port, or a Chromium that starts slowly the first time on a
    /// machine, otherwise fails a test that has nothing wrong with it.
    pub async fn open(
        width: u32,
        height: u32,
        extra_args: &[&str],
    ) -> Result<(Browser, Client), String> {
        let mut last = String::new();
        // Backoff 1, 2, 4 s: a first Chromium start on a fresh machine (fonts,
        // profile, shader caches) can take several seconds.
        for attempt in 1..=4u32 {
            match Browser::start() {
                Ok(browser) => match browser.session(width, height, extra_args).await {
                    Ok(client) => return Ok((browser, client)),
                    Err(e) => last = e,
                },
                Err(e) => last = e,
            }
            if attempt < 4 {
                eprintln!("browser: attempt {attempt} failed ({last}); trying again");
                tokio::time::sleep(Duration::from_secs(1 << (attempt - 1))).await;
            }
        }
        Err(last)
    }

    /// A new headless Chromium session with a window of `width` × `height` CSS px.
    /// `extra_args` are added to Chromium's command line.
    pub async fn session(
        &self,
        width: u32,
        height: u32,
        extra_args: &[&str],
    ) -> Result<Client, String> {
        static SESSIONS: AtomicU64 = AtomicU64::new(0);
        let n = SESSIONS.fetch_add(1, Ordering::Relaxed);
        let profile = std::env::temp_dir().join(format!(
            "e2e-chromium-{}-{}-{n}",
            std::process::id(),
            self.port
        ));
        if let Ok(mut profiles) = self.profiles.lock() {
            profiles.push(profile.clone());
        }
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".to_string(),
            "--disable-gpu".to_string(),
            "--disable-background-networking".to_string(),
            "--disable-component-update".to_string(),
            "--disable-sync".to_string(),
            "--disable-quic".to_string(),
            "--no-first-run".to_string(),
            "--disable-dev-shm-usage".to_string(),
            "--hide-scrollbars".to_string(),
            format!("--user-data-dir={}", profile.display()),
            format!("--window-size={width},{height}"),
        ];
        args.extend(extra_args.iter().map(|s| s.to_string()));
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chromium_binary(), "args": args }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("cannot open a Chromium session: {e}"))?;
        // --window-size sets the outer window; make the viewport exactly as asked.
        let inner: Vec<u32> = client
            .execute("return [window.innerWidth, window.innerHeight]", vec![])
            .await
            .ok()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        if let [w, h] = inner[..] {
            if w != width || h != height {
                let _ = client
                    .set_window_size(
                        width + (width.saturating_sub(w)),
                        height + height.saturating_sub(h),
                    )
                    .await;
            }
        }
        Ok(client)
    }
}

/// Whether the chromedriver on `port` answers `GET /status` with
/// `"ready": true`.
fn ready(port: u16) -> bool {
    use std::io::{Read, Write};

    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    // Read until the answer says ready or not (the driver may keep the
    // connection open after it).
    let (mut response, mut chunk) = (Vec::new(), [0u8; 1024]);
    loop {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return false,
            Ok(n) => response.extend_from_slice(&chunk[..n]),
        }
        let text = String::from_utf8_lossy(&response).replace(' ', "");
        if text.contains("\"ready\":true") {
            return true;
        }
        if text.contains("\"ready\":false") {
            return false;
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Ok(profiles) = self.profiles.lock() {
            for p in profiles.iter() {
                let _ = std::fs::remove_dir_all(p);
            }
        }
    }
}
