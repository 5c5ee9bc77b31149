//! Mounts the app. Nothing else lives here.

use wasm_bindgen::JsCast;

fn main() {
    // The size-optimised build (`cargo xtask`) aborts on panic without running
    // any hook, so there the hook would only be dead bytes.
    #[cfg(not(shanxi_immediate_abort))]
    console_error_panic_hook::set_once();
    // Into `<div id="app">` (index.html), beside the prerendered first view,
    // which the app replaces once it has drawn the map; else into the body.
    let root = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => leptos::mount::mount_to(root, shanxi_eco_map::app::App).forget(),
        None => leptos::mount::mount_to_body(shanxi_eco_map::app::App),
    }
}
