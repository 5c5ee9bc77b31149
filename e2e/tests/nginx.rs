//! The map behind the production server setup, `deploy/nginx.conf` (nginx from
//! Debian, started on 127.0.0.1 by `e2e::nginx`): the headers it sends
//! (precompressed files, types, caching, the Content-Security-Policy the build
//! computes), and the map used through it at the site's root, under a sub-path
//! and embedded in a page of another origin, with no policy violation, no
//! script error and no request leaving 127.0.0.1.

use e2e::nginx::{get, Nginx};
use e2e::page::{Page, INDICATOR};
use serde_json::{json, Value};

/// Installed before any page script runs, in every frame: collects policy
/// violations, script errors, failed element loads, unhandled rejections and
/// console errors.
const WATCH: &str = "window.__problems = [];
  const note = s => window.__problems.push(String(s));
  window.addEventListener('securitypolicyviolation', e => note('CSP ' + e.effectiveDirective + ' blocked ' + e.blockedURI + ' ' + (e.sample || '')), true);
  window.addEventListener('error', e => note(e.message ? 'error: ' + e.message : 'failed to load ' + ((e.target && (e.target.src || e.target.href)) || e.target)), true);
  window.addEventListener('unhandledrejection', e => note('unhandled rejection: ' + e.reason));
  const error = console.error;
  console.error = function (...a) { note('console.error: ' + a.join(' ')); return error.apply(this, a); };";

/// The problems [`WATCH`] collected, plus every resource that left 127.0.0.1 or
/// failed (status 400 or more), in the current frame.
const PROBLEMS: &str = "return (window.__problems || ['the watcher was not installed']).concat(
    performance.getEntriesByType('resource')
      .filter(e => new URL(e.name).hostname !== '127.0.0.1' || e.responseStatus >= 400)
      .map(e => 'request ' + e.name + ' (' + e.responseStatus + ')'))";

/// A browser with [`WATCH`] installed, on a blank page.
async fn watched(width: u32, height: u32, setup: impl FnOnce(&e2e::server::Server)) -> Page {
    let page = Page::open_with(&e2e::dist_dir(), width, height, "/blank.html", &[], |s| {
        s.add_page(
            "/blank.html",
            "<!doctype html><meta charset=utf-8><title>blank</title>",
        );
        setup(s);
    })
    .await;
    page.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": WATCH }),
    )
    .await;
    page
}

async fn assert_no_problems(page: &Page, what: &str) {
    let problems = page.js(PROBLEMS).await;
    assert_eq!(problems, json!([]), "{what}");
}

fn write_temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("e2e-nginx-csv-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the CSV");
    path.display().to_string()
}

/// The map at `base` (e.g. "/" or "/maps/shanxi/") of `nginx`: it draws and
/// colours, switches indicator, lists the measures, exports a PNG and reads a
/// CSV in its worker, with no problem.
async fn walk(page: &Page, nginx: &Nginx, base: &str) {
    page.client
        .goto(&nginx.url(base))
        .await
        .expect("load the map through nginx");
    page.wait_true("return !document.getElementById('first-view')")
        .await;
    page.wait_for_colours().await;
    page.choose(INDICATOR, "pm25").await;
    page.wait_true("return location.search.includes('indicator=pm25')")
        .await;
    page.wait_for(".policy-panel article[data-measure]").await;
    // PNG export: the SVG drawn on a canvas through a data: image.
    page.click(".export-menu > summary").await;
    page.click("button[name=export-png]").await;
    page.wait_true("return document.getElementById('export-link').getAttribute('href').startsWith('data:image/png')")
        .await;
    // A CSV, read by the worker (its own script and wasm, under the policy too).
    page.click(".toolbar button[name=load-data]").await;
    let csv = write_temp(
        "nginx.csv",
        "城市,PM2.5(μg/m³)\n太原,41\n大同,28\n阳泉,38\n长治,35\n晋城,40\n朔州,30\n晋中,39\n运城,49\n忻州,33\n临汾,52\n吕梁,36\n",
    );
    page.wait_for("input[type=file][name=csv]")
        .await
        .send_keys(&csv)
        .await
        .expect("choose the file");
    page.wait_true("return (document.querySelector('.import-status') || {textContent: ''}).textContent.includes('11 rows read')")
        .await;
    page.wait_true("return location.search.includes('indicator=user-')")
        .await;
    assert_no_problems(page, &format!("the map at {base}")).await;
}

#[test]
fn nginx_sends_precompressed_files_with_types_caching_and_the_policy() {
    let dist = e2e::dist_dir();
    let nginx = Nginx::start(&dist);
    let policy = std::fs::read_to_string(dist.join("headers.conf"))
        .ok()
        .and_then(|c| {
            let line = c.lines().find(|l| l.contains("Content-Security-Policy"))?;
            Some(line.split('"').nth(1)?.to_string())
        })
        .expect("dist/headers.conf names the policy");
    assert!(
        policy.contains("'sha256-") && !policy.contains("unsafe-inline"),
        "{policy}"
    );
    let wasm = std::fs::read_dir(&dist)
        .expect("dist")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with("shanxi-eco-map-") && n.ends_with("_bg.wasm"))
        .expect("the app's hashed wasm");
    for base in ["/", "/maps/shanxi/"] {
        let page = get(
            nginx.port,
            base,
            &[("Accept-Encoding", "gzip, deflate, br")],
        );
        assert_eq!(page.status, 200, "{base}");
        assert_eq!(page.header("content-encoding"), Some("br"), "{base}");
        assert_eq!(page.header("vary"), Some("Accept-Encoding"), "{base}");
        assert_eq!(
            page.header("content-security-policy"),
            Some(policy.as_str()),
            "{base}"
        );
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(
            page.header("referrer-policy"),
            Some("strict-origin-when-cross-origin")
        );
        assert_eq!(page.header("cache-control"), Some("no-cache"), "{base}");
        assert!(page.header("etag").is_some(), "{base}: revalidated by ETag");
        assert!(
            page.header("content-type")
                .is_some_and(|t| t.starts_with("text/html")),
            "{page:?}"
        );
        let gz = get(nginx.port, base, &[("Accept-Encoding", "gzip")]);
        assert_eq!(gz.header("content-encoding"), Some("gzip"), "{base}");
        assert_eq!(gz.header("vary"), Some("Accept-Encoding"), "{base}");
        let plain = get(nginx.port, base, &[]);
        assert_eq!(plain.header("content-encoding"), None, "{base}");
        assert!(String::from_utf8_lossy(&plain.body).contains("first-view"));

        let w = get(
            nginx.port,
            &format!("{base}{wasm}"),
            &[("Accept-Encoding", "br")],
        );
        assert_eq!(w.status, 200);
        assert_eq!(w.header("content-type"), Some("application/wasm"));
        assert_eq!(w.header("content-encoding"), Some("br"));
        assert_eq!(
            w.header("cache-control"),
            Some("public, max-age=31536000, immutable"),
            "{base}{wasm}"
        );
        assert_eq!(w.header("content-security-policy"), Some(policy.as_str()));

        for (file, media_type) in [
            ("geo/shanxi-prefectures.geojson", "application/geo+json"),
            ("data/indicators.json", "application/json"),
            ("csv-worker-loader.js", "application/javascript"),
        ] {
            let r = get(
                nginx.port,
                &format!("{base}{file}"),
                &[("Accept-Encoding", "gzip")],
            );
            assert_eq!(r.status, 200, "{file}");
            assert!(
                r.header("content-type")
                    .is_some_and(|t| t.starts_with(media_type)),
                "{file}: {:?}",
                r.header("content-type")
            );
            assert_eq!(r.header("cache-control"), Some("no-cache"), "{file}");
            assert_eq!(r.header("content-encoding"), Some("gzip"), "{file}");
        }
        assert_eq!(
            get(nginx.port, &format!("{base}headers.conf"), &[]).status,
            404
        );
    }
}

#[tokio::test]
async fn the_map_works_through_nginx_under_its_policy() {
    let nginx = Nginx::start(&e2e::dist_dir());
    let page = watched(1280, 900, |_| {}).await;
    walk(&page, &nginx, "/").await;
    page.screenshot("nginx-root-1280").await;
    page.close().await;
}

#[tokio::test]
async fn the_map_works_under_a_sub_path() {
    let nginx = Nginx::start(&e2e::dist_dir());
    let page = watched(1280, 900, |_| {}).await;
    walk(&page, &nginx, "/maps/shanxi/").await;
    // Back and forward stay under the sub-path.
    assert!(
        page.js("return location.pathname").await == json!("/maps/shanxi/"),
        "still under the sub-path"
    );
    let requests: Value = page
        .js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => !p.startsWith('/maps/shanxi/'))")
        .await;
    assert_eq!(requests, json!([]), "every request under the sub-path");
    page.close().await;
}

#[tokio::test]
async fn the_map_embeds_in_a_page_of_another_origin() {
    let nginx = Nginx::start(&e2e::dist_dir());
    let src = nginx.url("/maps/shanxi/?indicator=pm25&period=2023&embed=1");
    let host = format!(
        "<!doctype html><meta charset=utf-8><title>host</title>\
         <p>A story on another site.</p>\
         <iframe id=map src=\"{src}\" title=map width=360 height=640></iframe>"
    );
    let page = watched(1024, 900, |s| s.add_page("/host.html", &host)).await;
    page.client
        .goto(&page.server.url("/host.html"))
        .await
        .expect("load the host page");
    let iframe = page.wait_for("#map").await;
    iframe.enter_frame().await.expect("enter the iframe");
    page.wait_true("return !document.getElementById('first-view')")
        .await;
    page.wait_for_colours().await;
    assert_eq!(
        page.js("return document.documentElement.classList.contains('embed')")
            .await,
        json!(true)
    );
    assert_no_problems(&page, "inside the embed").await;
    page.client
        .enter_parent_frame()
        .await
        .expect("back to the host");
    assert_no_problems(&page, "the host page").await;
    page.close().await;
}
