//! A small static file server for `dist/`, on 127.0.0.1 and an ephemeral port.
//!
//! Tests can make the next requests for a path fail ([`Fault`]) to check how the
//! app reports a broken network or a broken file. One thread per connection,
//! `Connection: close`: simple and enough for one browser.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// How a request is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// Answer 404 Not Found.
    NotFound,
    /// Answer 200 with a body that is not what the app expects.
    Garbage,
    /// Answer normally, but only after this many milliseconds (a stall).
    DelayMs(u64),
    /// Answer 500 Internal Server Error.
    ServerError,
    /// Answer 200 with an empty body.
    Empty,
    /// Answer 200 with the first half of the file.
    Truncated,
    /// Answer 200 with an HTML error page (what a proxy or CDN sends).
    HtmlPage,
    /// Answer 200 with valid JSON of the wrong shape.
    WrongShape,
    /// Close the connection without answering.
    Dropped,
}

#[derive(Debug, Clone)]
struct Fault {
    path_suffix: String,
    kind: FaultKind,
    remaining: usize,
}

/// A running server; it stops accepting when dropped.
pub struct Server {
    addr: SocketAddr,
    faults: Arc<Mutex<Vec<Fault>>>,
    requests: Arc<Mutex<Vec<String>>>,
    pages: Pages,
}

/// Extra pages served from memory (e.g. a host page that embeds the app).
type Pages = Arc<Mutex<HashMap<String, String>>>;

impl Server {
    /// Serves `dir` on 127.0.0.1 and a free port.
    pub fn start(dir: &Path) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let faults: Arc<Mutex<Vec<Fault>>> = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let pages: Pages = Arc::default();
        let (dir, f, r, p) = (
            dir.to_path_buf(),
            faults.clone(),
            requests.clone(),
            pages.clone(),
        );
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dir, f, r, p) = (dir.clone(), f.clone(), r.clone(), p.clone());
                thread::spawn(move || {
                    let _ = handle(stream, &dir, &f, &r, &p);
                });
            }
        });
        Ok(Server {
            addr,
            faults,
            requests,
            pages,
        })
    }

    /// The page's URL: `http://127.0.0.1:PORT/` plus `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{}", self.addr, path.trim_start_matches('/'))
    }

    /// The next `times` requests whose path ends with `path_suffix` fail with `kind`.
    pub fn fail_next(&self, path_suffix: &str, kind: FaultKind, times: usize) {
        if let Ok(mut f) = self.faults.lock() {
            f.push(Fault {
                path_suffix: path_suffix.to_string(),
                kind,
                remaining: times,
            });
        }
    }

    /// Serves `html` at `path` (e.g. "/host.html").
    pub fn add_page(&self, path: &str, html: &str) {
        if let Ok(mut p) = self.pages.lock() {
            p.insert(path.to_string(), html.to_string());
        }
    }

    /// Paths requested so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "geojson" => "application/geo+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, status: &str, ctype: &str, body: &[u8]) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)?;
    stream.flush()
}

fn handle(
    mut stream: TcpStream,
    dir: &Path,
    faults: &Mutex<Vec<Fault>>,
    requests: &Mutex<Vec<String>>,
    pages: &Mutex<HashMap<String, String>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut content_length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                content_length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; content_length.min(1 << 20)];
    reader.read_exact(&mut body)?;
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    if let Ok(mut r) = requests.lock() {
        r.push(path.clone());
    }
    let fault = faults.lock().ok().and_then(|mut f| {
        let hit = f
            .iter_mut()
            .find(|x| x.remaining > 0 && path.ends_with(&x.path_suffix))?;
        hit.remaining -= 1;
        Some(hit.kind)
    });
    match fault {
        Some(FaultKind::NotFound) => {
            return respond(&mut stream, "404 Not Found", "text/plain", b"not found")
        }
        Some(FaultKind::Garbage) => {
            return respond(
                &mut stream,
                "200 OK",
                "application/geo+json",
                b"<html>this is not GeoJSON</html>",
            )
        }
        Some(FaultKind::DelayMs(ms)) => thread::sleep(std::time::Duration::from_millis(ms)),
        Some(FaultKind::ServerError) => {
            return respond(
                &mut stream,
                "500 Internal Server Error",
                "text/plain",
                b"internal error",
            )
        }
        Some(FaultKind::Empty) => return respond(&mut stream, "200 OK", "application/json", b""),
        Some(FaultKind::HtmlPage) => {
            return respond(
                &mut stream,
                "200 OK",
                "text/html; charset=utf-8",
                b"<!doctype html><title>Service unavailable</title><h1>Service unavailable</h1><p>Please try again later.</p>",
            )
        }
        Some(FaultKind::WrongShape) => {
            return respond(
                &mut stream,
                "200 OK",
                "application/json",
                br#"{"items": [1, 2, 3], "type": "Unexpected"}"#,
            )
        }
        Some(FaultKind::Dropped) => return Ok(()),
        Some(FaultKind::Truncated) => {
            let bytes = std::fs::read(dir.join(path.trim_start_matches('/'))).unwrap_or_default();
            return respond(
                &mut stream,
                "200 OK",
                "application/json",
                &bytes[..bytes.len() / 2],
            );
        }
        None => {}
    }
    if let Some(html) = pages.lock().ok().and_then(|p| p.get(&path).cloned()) {
        return respond(
            &mut stream,
            "200 OK",
            "text/html; charset=utf-8",
            html.as_bytes(),
        );
    }
    let rel = PathBuf::from(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) && !rel.as_os_str().is_empty() {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"bad path");
    }
    let mut file = dir.join(&rel);
    if file.is_dir() {
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => respond(&mut stream, "200 OK", content_type(&file), &bytes),
        Err(_) => respond(&mut stream, "404 Not Found", "text/plain", b"not found"),
    }
}
