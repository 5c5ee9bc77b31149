//! Fetching text over HTTP, with failures turned into [`Error`]s.

use crate::error::Error;

/// How long a file may take, headers and body, before the page gives up and
/// says so (with a retry button). The app's largest data file is 80 KB.
pub const TIMEOUT_S: u32 = 10;

/// GETs `url` and returns its body, or says in words what went wrong. The
/// browser's own `AbortSignal.timeout` ends a request that stalls.
pub async fn fetch_text(url: &str) -> Result<String, Error> {
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_S * 1000);
    let failed = |e: gloo_net::Error| {
        if signal.aborted() {
            Error::Timeout {
                url: url.to_string(),
                seconds: TIMEOUT_S,
            }
        } else {
            Error::Network {
                url: url.to_string(),
                reason: e.to_string(),
            }
        }
    };
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(failed)?;
    if !response.ok() {
        return Err(Error::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    response.text().await.map_err(failed)
}

/// A value of the browser's `JSON.parse`, read by `data::json`.
pub struct JsJson(wasm_bindgen::JsValue);

impl crate::data::json::Node for JsJson {
    fn field(&self, key: &str) -> Option<Self> {
        if !self.0.is_object() || js_sys::Array::is_array(&self.0) {
            return None;
        }
        let v = js_sys::Reflect::get(&self.0, &key.into()).ok()?;
        (!v.is_null() && !v.is_undefined()).then_some(JsJson(v))
    }
    fn text(&self) -> Option<String> {
        self.0.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(&self.0)
            .then(|| js_sys::Array::from(&self.0).iter().map(JsJson).collect())
    }
}

/// Parses `text` with the browser's `JSON.parse` (no JSON parser in the wasm);
/// what is not JSON is an [`Error::Json`] of `file`.
pub fn parse_json(file: &str, text: &str) -> Result<JsJson, Error> {
    crate::data::json::not_json(file, text)?;
    js_sys::JSON::parse(text)
        .map(JsJson)
        .map_err(|e| Error::Json {
            file: file.to_string(),
            reason: js_sys::Error::from(e).message().into(),
        })
}

/// The text of the page's element `id` (e.g. data the prerender inlined),
/// if there is one.
pub fn inline_text(id: &str) -> Option<String> {
    leptos::prelude::document()
        .get_element_by_id(id)?
        .text_content()
}

/// The worker that reads a person's table (`src/bin/csv_worker.rs`), built by
/// Trunk beside the app (`public/csv-worker-loader.js` loads its glue), relative
/// to the page.
pub const CSV_WORKER_URL: &str = "csv-worker-loader.js";

/// What the worker says: ready for the table, its answer, or that it failed.
enum FromWorker {
    Message(wasm_bindgen::JsValue),
    Failed(String),
}

/// The worker's next message, or why there is none.
async fn next(
    rx: &mut futures::channel::mpsc::UnboundedReceiver<FromWorker>,
) -> Result<wasm_bindgen::JsValue, String> {
    use futures::StreamExt;
    match rx.next().await {
        Some(FromWorker::Message(v)) => Ok(v),
        Some(FromWorker::Failed(e)) => Err(e),
        None => Err("the reader stopped".into()),
    }
}

/// Reads `file` (named `name`) as a CSV table against `regions` in a worker,
/// off the page's thread, numbering its ids after `numbering`; the worker's
/// answer ([`crate::data::import::message`]), or why it could not be read, in
/// words.
pub async fn read_table(
    file: &web_sys::File,
    name: &str,
    regions: &[crate::data::geo::Region],
    numbering: crate::data::import::Numbering,
) -> Result<crate::data::import::message::Answer, crate::i18n::Text> {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    let fail = |en: String| {
        crate::i18n::Text::new(
            format!("无法读取文件：{en}"),
            format!("the file could not be read: {en}"),
        )
    };
    let reason = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "unknown error".into())
    };
    // A huge file is refused before a byte of it is read.
    let size = file.size();
    if size > crate::data::import::MAX_BYTES as f64 {
        return Err(crate::data::import::ImportError::TooBig(size as u64).text());
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| fail(reason(e)))?;
    // A classic worker: its glue is built for `no-modules` (index.html), which
    // Trunk can minify (the `web` target's it cannot).
    let worker = web_sys::Worker::new(CSV_WORKER_URL).map_err(|e| fail(reason(e)))?;
    let (tx, mut rx) = futures::channel::mpsc::unbounded::<FromWorker>();
    let on_message = {
        let tx = tx.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let _ = tx.unbounded_send(FromWorker::Message(ev.data()));
        })
    };
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let message = ev
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| format!("{CSV_WORKER_URL} did not start"));
        let _ = tx.unbounded_send(FromWorker::Failed(message));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let result = async {
        // The worker says when it is ready (its wasm loaded), then gets the
        // table and the places, and answers once.
        next(&mut rx).await.map_err(fail)?;
        let request = Object::new();
        let places: Array = regions
            .iter()
            .map(|r| {
                // A county's fourth member is its prefecture's adcode.
                Array::of4(
                    &r.adcode.as_str().into(),
                    &r.name_zh.as_str().into(),
                    &r.name_en.as_str().into(),
                    &r.parent.as_deref().map_or(JsValue::NULL, JsValue::from_str),
                )
            })
            .collect();
        for (key, value) in [
            ("name", JsValue::from_str(name)),
            ("bytes", buffer.clone()),
            ("places", places.into()),
            ("layers", JsValue::from_f64(numbering.layers as f64)),
            ("sources", JsValue::from_f64(numbering.sources as f64)),
        ] {
            let _ = Reflect::set(&request, &key.into(), &value);
        }
        worker
            .post_message_with_transfer(&request, &Array::of1(&buffer))
            .map_err(|e| fail(reason(e)))?;
        let answer = next(&mut rx).await.map_err(fail)?;
        let text = answer.as_string().unwrap_or_default();
        let root = parse_json(CSV_WORKER_URL, &text).map_err(|e| e.text())?;
        crate::data::import::message::read(root)
    }
    .await;
    worker.terminate();
    drop((on_message, on_error));
    result
}
