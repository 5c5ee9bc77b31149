//! The Web Worker that reads a person's CSV table off the page's thread.
//!
//! It says `"ready"` once loaded, then answers each request (the file's bytes,
//! its name, the map's places, where the new ids start) with
//! [`message::write`]'s JSON text. Nothing else lives here: the reading is
//! `data::import`, tested natively.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use shanxi_eco_map::data::geo::Region;
use shanxi_eco_map::data::import::{import_bytes, message, Numbering};

/// A member of the request.
fn member(request: &JsValue, key: &str) -> JsValue {
    Reflect::get(request, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A count member of the request (0 when missing).
fn count(request: &JsValue, key: &str) -> usize {
    member(request, key).as_f64().unwrap_or(0.0) as usize
}

/// The places a table may name: `[adcode, Chinese name, English name,
/// prefecture adcode or null]` each (the prefectures, and the counties).
fn places(request: &JsValue) -> Vec<Region> {
    let list = member(request, "places");
    if !Array::is_array(&list) {
        return Vec::new();
    }
    Array::from(&list)
        .iter()
        .map(|p| {
            let text = |i: u32| {
                Reflect::get_u32(&p, i)
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            };
            Region {
                adcode: text(0),
                name_zh: text(1),
                name_en: text(2),
                parent: Reflect::get_u32(&p, 3).ok().and_then(|v| v.as_string()),
                label: [0.0, 0.0],
                polygons: Vec::new(),
            }
        })
        .collect()
}

/// The answer to one request.
fn answer(request: &JsValue) -> String {
    let bytes = Uint8Array::new(&member(request, "bytes")).to_vec();
    let name = member(request, "name").as_string().unwrap_or_default();
    let numbering = Numbering {
        layers: count(request, "layers"),
        sources: count(request, "sources"),
    };
    message::write(&import_bytes(
        &name,
        &bytes,
        &places(request),
        numbering,
        gbk,
    ))
}

/// `bytes` read as GBK (GB 18030) by the browser, or `None` where they are
/// not GBK either.
fn gbk(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gbk", &options).ok()?;
    let text = decoder.decode_with_u8_array(bytes).ok()?;
    // As UTF-8 would be: without a byte-order mark.
    Some(text.trim_start_matches('\u{feff}').to_string())
}

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let _ = reply.post_message(&JsValue::from_str(&answer(&ev.data())));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
