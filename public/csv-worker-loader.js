// Starts the CSV worker (src/bin/csv_worker.rs), a classic worker: its
// wasm-bindgen glue is built for `no-modules`, which Trunk minifies. Trunk's own
// loader shim passes the wasm's path the deprecated way (a console warning).
importScripts("./csv-worker.js");
wasm_bindgen({ module_or_path: "./csv-worker_bg.wasm" });
