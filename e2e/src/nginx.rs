//! The production server setup under test: `deploy/nginx.conf`, as shipped,
//! with only its port, paths and the foreground switch changed, run from a
//! temporary folder on 127.0.0.1 and stopped when dropped.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The dist path and port `deploy/nginx.conf` is written for.
const SHIPPED_DIST: &str = "/srv/shanxi-eco-map/dist";
const SHIPPED_LISTEN: &str = "listen 8080;";
const SHIPPED_ERROR_LOG: &str = "error_log /var/log/nginx/shanxi-eco-map.error.log warn;";
const SHIPPED_PID: &str = "pid /run/shanxi-eco-map-nginx.pid;";

pub struct Nginx {
    child: Child,
    dir: PathBuf,
    pub port: u16,
}

/// The nginx binary: `NGINX`, else Debian's place, else the PATH.
fn binary() -> String {
    if let Ok(b) = std::env::var("NGINX") {
        return b;
    }
    if Path::new("/usr/sbin/nginx").is_file() {
        return "/usr/sbin/nginx".into();
    }
    "nginx".into()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// `deploy/nginx.conf` for `dist` on `port`, logging into `dir`.
pub fn config(shipped: &str, dist: &Path, port: u16, dir: &Path) -> String {
    let mut conf = shipped.to_string();
    for (from, to) in [
        (SHIPPED_DIST, dist.display().to_string()),
        (SHIPPED_LISTEN, format!("listen 127.0.0.1:{port};")),
        (
            SHIPPED_ERROR_LOG,
            format!("error_log {}/error.log warn;", dir.display()),
        ),
        (SHIPPED_PID, format!("pid {}/nginx.pid;", dir.display())),
        (
            "http {",
            format!("http {{\n    client_body_temp_path {}/body;", dir.display()),
        ),
    ] {
        assert!(
            conf.contains(from),
            "deploy/nginx.conf no longer has `{from}`, which the test replaces"
        );
        conf = conf.replace(from, &to);
    }
    // In the foreground, so that the test owns the process. As root, the
    // workers stay root so that they can read a checkout in a private folder.
    let user = if running_as_root() {
        "user root;\n"
    } else {
        ""
    };
    format!("daemon off;\n{user}{conf}")
}

impl Nginx {
    /// Starts nginx with the shipped config on a free port, serving `dist`.
    pub fn start(dist: &Path) -> Nginx {
        let shipped = std::fs::read_to_string(crate::root().join("deploy/nginx.conf"))
            .expect("read deploy/nginx.conf");
        assert!(
            dist.join("headers.conf").is_file(),
            "{} has no headers.conf: `cargo xtask build` writes it",
            dist.display()
        );
        let dir =
            std::env::temp_dir().join(format!("e2e-nginx-{}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&dir).expect("a folder for nginx");
        let dist = dist.canonicalize().expect("the dist folder");
        let port = free_port();
        let conf_path = dir.join("nginx.conf");
        std::fs::write(&conf_path, config(&shipped, &dist, port, &dir)).expect("write nginx.conf");
        let child = Command::new(binary())
            .arg("-p")
            .arg(&dir)
            .arg("-c")
            .arg(&conf_path)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "start nginx ({}): {e}; `cargo xtask test` installs it",
                    binary()
                )
            });
        let mut nginx = Nginx { child, dir, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = nginx.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = nginx.child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                let log = std::fs::read_to_string(nginx.dir.join("error.log")).unwrap_or_default();
                panic!("nginx exited ({status}): {err}{log}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "nginx did not listen on {port} within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        nginx
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // TERM, not KILL: the master then stops its workers (killed outright,
        // it would leave them running, orphaned, on the port).
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while !matches!(self.child.try_wait(), Ok(Some(_))) {
            if started.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                let _ = self.child.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A response: status, headers (names lower-cased) and body.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The value of header `name` (lower case), if sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A plain HTTP/1.1 GET to 127.0.0.1:`port` with extra request headers.
pub fn get(port: u16, path: &str, headers: &[(&str, &str)]) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to nginx");
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    stream
        .write_all(request.as_bytes())
        .expect("send the request");
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}
