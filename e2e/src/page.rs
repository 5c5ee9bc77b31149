//! A loaded page of the app in headless Chromium, with the helpers tests share.

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::browser::Browser;
use crate::server::Server;

/// How long a test waits for something to appear.
pub const WAIT: Duration = Duration::from_secs(20);

/// The indicator picker.
pub const INDICATOR: &str = "select[name=indicator]";

/// A CSS selector as a JavaScript string literal.
fn quoted(css: &str) -> String {
    Value::from(css).to_string()
}

/// JavaScript for the first element matching `css`.
pub fn element(css: &str) -> String {
    format!("document.querySelector({})", quoted(css))
}

/// JavaScript for the map region (city) with this adcode.
pub fn region(adcode: &str) -> String {
    element(&format!("path.region[data-adcode=\"{adcode}\"]"))
}

/// A server for dist/, a driver and a session with the given viewport.
/// Serves the app's start page without the boundaries its first view carries
/// (`<script id=map-data>`), so that the app fetches
/// `geo/shanxi-prefectures.json`: for tests of that file's loading.
pub fn map_from_the_file(server: &Server) {
    let html = std::fs::read_to_string(crate::dist_dir().join("index.html")).unwrap_or_default();
    let cut = html.find("map-data").and_then(|at| {
        let start = html[..at].rfind("<script")?;
        let end = at + html[at..].find("</script>")? + "</script>".len();
        Some(format!("{}{}", &html[..start], &html[end..]))
    });
    let page = cut.expect("the first view carries the drawn map (<script id=map-data>)");
    server.add_page("/", &page);
}

/// A Chrome DevTools Protocol command through chromedriver.
#[derive(Debug)]
struct Cdp(&'static str, serde_json::Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({"cmd": self.0, "params": self.1});
        (http::Method::POST, Some(body.to_string()))
    }
}

pub struct Page {
    pub server: Server,
    pub client: Client,
    _browser: Browser,
}

impl Page {
    /// Opens `path` (e.g. "/" or "/?indicator=pm25"); `setup` may inject faults first.
    pub async fn open_path(
        width: u32,
        height: u32,
        path: &str,
        setup: impl FnOnce(&Server),
    ) -> Page {
        Self::open_in(&crate::dist_dir(), width, height, path, setup).await
    }

    /// Opens `path` of a server for `dir` (the app's `dist/`, or another site)
    /// and waits until the app has taken the page over from the prerendered
    /// first view (or there is none): what a test then finds is the app's.
    pub async fn open_in(
        dir: &std::path::Path,
        width: u32,
        height: u32,
        path: &str,
        setup: impl FnOnce(&Server),
    ) -> Page {
        let page = Self::open_with(dir, width, height, path, &[], setup).await;
        page.wait_true("return !document.getElementById('first-view')")
            .await;
        page
    }

    /// Opens `path` as it loads, the prerendered first view still there, with
    /// extra Chromium arguments (e.g. scripts off).
    pub async fn open_with(
        dir: &std::path::Path,
        width: u32,
        height: u32,
        path: &str,
        chromium_args: &[&str],
        setup: impl FnOnce(&Server),
    ) -> Page {
        assert!(
            dir.join("index.html").is_file(),
            "{} has no index.html: run `cargo xtask test`, which builds it first",
            dir.display()
        );
        let server = Server::start(dir).expect("start the static server");
        setup(&server);
        let (browser, client) = Browser::open(width, height, chromium_args)
            .await
            .unwrap_or_else(|e| panic!("open a Chromium session: {e}"));
        client.goto(&server.url(path)).await.expect("load the page");
        Page {
            server,
            client,
            _browser: browser,
        }
    }

    /// Runs a Chrome DevTools Protocol command and returns its result.
    pub async fn cdp(&self, cmd: &'static str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(Cdp(cmd, params))
            .await
            .unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// Opens the app's start page.
    pub async fn open(width: u32, height: u32, setup: impl FnOnce(&Server)) -> Page {
        Self::open_path(width, height, "/", setup).await
    }

    /// Opens `path` and waits until the map is coloured.
    pub async fn coloured(width: u32, height: u32, path: &str) -> Page {
        let page = Self::open_path(width, height, path, |_| {}).await;
        page.wait_for_colours().await;
        page
    }

    /// Opens `path`, waits until the map is coloured and an element matching
    /// `css` is there.
    pub async fn showing(width: u32, height: u32, path: &str, css: &str) -> Page {
        let page = Self::coloured(width, height, path).await;
        page.wait_for(css).await;
        page
    }

    /// Waits for an element `locator` finds; `what` names it if none comes.
    async fn wait_locator(&self, locator: Locator<'_>, what: &str) -> Element {
        let wait = self.client.wait().at_most(WAIT);
        match wait.for_element(locator).await {
            Ok(element) => element,
            Err(e) => panic!("no {what} within {WAIT:?}: {e}"),
        }
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_locator(Locator::Css(css), css).await
    }

    /// Waits until the app has drawn the map and taken the page over from the
    /// prerendered first view.
    pub async fn wait_for_map(&self) {
        self.wait_for("svg.map-svg path.region[data-adcode]").await;
        self.wait_true("return !document.getElementById('first-view')")
            .await;
    }

    /// Waits until the map is coloured (regions carry `data-class`).
    pub async fn wait_for_colours(&self) {
        self.wait_for_map().await;
        self.wait_for("svg.map-svg path.region[data-class]").await;
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The serious and critical accessibility violations axe-core finds on the
    /// page as it is now, each as "rule: help :: first elements". axe-core
    /// comes from `AXE_JS` (`cargo xtask test` installs it from npm into
    /// `.tools/`).
    pub async fn axe(&self) -> Vec<String> {
        let path = std::env::var_os("AXE_JS")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| crate::root().join(".tools/node_modules/axe-core/axe.min.js"));
        let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "axe-core at {}: {e}; `cargo xtask test` installs it",
                path.display()
            )
        });
        self.client
            .execute(
                "if (!window.axe) { const s = document.createElement('script'); s.textContent = arguments[0]; document.head.appendChild(s); }",
                vec![Value::String(axe)],
            )
            .await
            .unwrap_or_else(|e| panic!("load axe-core: {e}"));
        let found = self
            .js_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                   .filter(v => v.impact === 'serious' || v.impact === 'critical')
                   .map(v => v.id + ': ' + v.help + ' :: ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | '))),
                   e => done(['axe failed: ' + e]));",
            )
            .await;
        strings(&found)
    }

    /// What an asynchronous `script` passes to its callback (the last argument).
    pub async fn js_async(&self, script: &str) -> Value {
        self.client
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("async script failed: {e}\n{script}"))
    }

    /// The number `script` returns, 0 if it is not a number.
    pub async fn number(&self, script: &str) -> f64 {
        self.js(script).await.as_f64().unwrap_or(0.0)
    }

    /// The strings of the array `script` returns.
    pub async fn strings(&self, script: &str) -> Vec<String> {
        strings(&self.js(script).await)
    }

    /// `value` of the first element matching `css`.
    pub async fn value_of(&self, css: &str) -> Value {
        self.js(&format!("return {}.value", element(css))).await
    }

    /// `data-class` of the region with this adcode.
    pub async fn class_of(&self, adcode: &str) -> Value {
        self.js(&format!("return {}.dataset.class", region(adcode)))
            .await
    }

    /// How many elements match `css`.
    pub async fn count(&self, css: &str) -> Value {
        self.js(&format!(
            "return document.querySelectorAll({}).length",
            quoted(css)
        ))
        .await
    }

    /// Whether an element matches `css` now (no waiting).
    pub async fn has(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Waits until `script` returns `expected` (polling), or panics with the last value.
    pub async fn wait_js(&self, script: &str, expected: Value) {
        self.wait_js_within(script, expected, WAIT).await;
    }

    /// [`Page::wait_js`] with a deadline of its own, for work whose time
    /// grows with a loaded machine (a 100 000-row table read by the worker
    /// took over 20 s once with another Chromium busy beside the tests).
    pub async fn wait_js_within(&self, script: &str, expected: Value, wait: Duration) {
        let deadline = std::time::Instant::now() + wait;
        loop {
            let got = self.js(script).await;
            if got == expected {
                return;
            }
            if std::time::Instant::now() > deadline {
                panic!("{script}\nreturned {got}, expected {expected}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// How far (px) the period timeline's end labels reach past the timeline's
    /// right edge (≤ 0 when they stay inside).
    pub async fn timeline_overflow(&self) -> f64 {
        self.number(
            "const t = document.querySelector('.timeline').getBoundingClientRect(); \
             return Math.max(...[...document.querySelectorAll('.range-ends > span')] \
             .map(s => s.getBoundingClientRect().right - t.right))",
        )
        .await
    }

    /// Waits until `script` returns true.
    pub async fn wait_true(&self, script: &str) {
        self.wait_js(script, Value::Bool(true)).await;
    }

    /// Waits until the address's query string (with its `?`) is `expected`.
    pub async fn wait_search(&self, expected: &str) {
        self.wait_js("return location.search", Value::from(expected))
            .await;
    }

    /// Waits until the first element matching `css` has the value `expected`.
    pub async fn wait_value(&self, css: &str, expected: &str) {
        self.wait_js(&format!("return {}.value", element(css)), expected.into())
            .await;
    }

    /// Waits until the region with this adcode has `data-class` `expected`.
    pub async fn wait_class(&self, adcode: &str, expected: &str) {
        self.wait_js(
            &format!("return {}.dataset.class", region(adcode)),
            expected.into(),
        )
        .await;
    }

    /// Waits until `n` elements match `css`.
    pub async fn wait_count(&self, css: &str, n: u64) {
        self.wait_js(
            &format!("return document.querySelectorAll({}).length", quoted(css)),
            n.into(),
        )
        .await;
    }

    /// Waits for an element matching `xpath`.
    pub async fn wait_xpath(&self, xpath: &str) -> Element {
        self.wait_locator(Locator::XPath(xpath), xpath).await
    }

    /// Waits for the first element matching `css` and clicks it.
    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Waits for the `<select>` matching `css` and chooses the option with `value`.
    pub async fn choose(&self, css: &str, value: &str) {
        self.wait_for(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value} in {css}: {e}"));
    }

    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(crate::artifacts_dir().join(format!("{name}.png")), png);
        }
    }

    /// Chooses the file at `path` in the CSV file picker ("Load data" sits
    /// with the map tools and opens it, unless it is open already).
    pub async fn pick_csv(&self, path: &str) {
        let open = "return document.querySelector('.csv-import').checkVisibility()";
        if self.js(open).await != serde_json::json!(true) {
            self.click(".toolbar button[name=load-data]").await;
        }
        self.wait_js(open, serde_json::json!(true)).await;
        self.wait_for("input[type=file][name=csv]")
            .await
            .send_keys(path)
            .await
            .expect("choose the file");
    }

    /// Viewport coordinates of a region's label point (a point inside the region),
    /// scrolled into view first.
    pub async fn label_point(&self, adcode: &str) -> (f64, f64) {
        let v = self
            .js(&format!(
                "const l = document.querySelector('.map-label[data-adcode=\"{adcode}\"]'); l.scrollIntoView({{block: 'center', inline: 'center'}}); const r = l.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];"
            ))
            .await;
        (
            v[0].as_f64().unwrap_or_default(),
            v[1].as_f64().unwrap_or_default(),
        )
    }

    pub async fn move_mouse_to(&self, (x, y): (f64, f64)) {
        let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(50)),
            x,
            y,
        });
        self.client
            .perform_actions(mouse)
            .await
            .expect("move the mouse");
    }

    /// Moves the mouse over the region with this adcode (its label point).
    pub async fn hover_region(&self, adcode: &str) {
        self.move_mouse_to(self.label_point(adcode).await).await;
    }

    /// Clicks the region with this adcode (at its label point).
    pub async fn click_region(&self, adcode: &str) {
        self.click_at(self.label_point(adcode).await).await;
    }

    pub async fn click_at(&self, point: (f64, f64)) {
        self.move_mouse_to(point).await;
        let click = MouseActions::new("mouse".into())
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 });
        self.client.perform_actions(click).await.expect("click");
    }

    pub async fn press(&self, key: Key) {
        let k: char = key.into();
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k });
        self.client
            .perform_actions(keys)
            .await
            .expect("press a key");
    }

    /// The address's query string, with its `?`.
    pub async fn search(&self) -> String {
        self.js("return location.search")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The visible text of the first element matching `css`, once it appears.
    pub async fn text_of(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    /// `data-class` of every region, by adcode.
    pub async fn classes(&self) -> std::collections::BTreeMap<String, String> {
        let v = self.js("return Object.fromEntries([...document.querySelectorAll('svg path.region')].map(p => [p.dataset.adcode, p.dataset.class || '']))").await;
        serde_json::from_value(v).unwrap_or_default()
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }

    /// Saves a screenshot named `shot`, then closes the page.
    pub async fn finish(self, shot: &str) {
        self.screenshot(shot).await;
        self.close().await;
    }
}

/// Asserts that `text` contains every one of `has` and none of `lacks`; the
/// message is `why` and the text.
pub fn assert_mentions(text: &str, has: &[&str], lacks: &[&str], why: &str) {
    let missing: Vec<&&str> = has.iter().filter(|s| !text.contains(**s)).collect();
    let present: Vec<&&str> = lacks.iter().filter(|s| text.contains(**s)).collect();
    assert!(
        missing.is_empty() && present.is_empty(),
        "{why}: {text}\n(lacks {missing:?}, has {present:?})"
    );
}

/// The strings of a JSON array.
pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
