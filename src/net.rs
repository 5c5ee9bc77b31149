//! Fetching text over HTTP, with failures turned into [`Error`]s.

use crate::error::Error;

/// GETs `url` and returns its body, or says in words what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, Error> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| Error::Network {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
    if !response.ok() {
        return Err(Error::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    response.text().await.map_err(|e| Error::Network {
        url: url.to_string(),
        reason: e.to_string(),
    })
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
