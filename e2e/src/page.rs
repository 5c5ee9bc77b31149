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

/// A server for dist/, a driver and a session with the given viewport.
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
        let dist = crate::dist_dir();
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: run `cargo xtask test`, which builds it first",
            dist.display()
        );
        let server = Server::start(&dist).expect("start the static server");
        setup(&server);
        let browser = Browser::start().expect("start chromedriver");
        let client = browser
            .session(width, height, &[])
            .await
            .expect("open a session");
        client.goto(&server.url(path)).await.expect("load the page");
        Page {
            server,
            client,
            _browser: browser,
        }
    }

    /// Opens the app's start page.
    pub async fn open(width: u32, height: u32, setup: impl FnOnce(&Server)) -> Page {
        Self::open_path(width, height, "/", setup).await
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css} within {WAIT:?}: {e}"))
    }

    pub async fn wait_for_map(&self) {
        self.wait_for("svg.map-svg path.region[data-adcode]").await;
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

    /// Waits until `script` returns `expected` (polling), or panics with the last value.
    pub async fn wait_js(&self, script: &str, expected: Value) {
        let deadline = std::time::Instant::now() + WAIT;
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

    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(crate::artifacts_dir().join(format!("{name}.png")), png);
        }
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
