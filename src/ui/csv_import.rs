//! Loading a person's own table: a button among the map tools opens a file
//! picker and a drop zone. The table's indicators join the picker at once,
//! marked as user data, and every row that could not be used is listed with its
//! number and the reason.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::data::import::Numbering;
use crate::html::{import_report, ImportReport as Outcome};
use crate::net::read_table;
use crate::store::use_store;

/// A file picker and drop zone for CSV tables.
#[component]
pub fn CsvImport() -> impl IntoView {
    let store = use_store();
    let outcome = RwSignal::new(None::<Outcome>);
    let dragging = RwSignal::new(false);
    let handle = move |file: web_sys::File| {
        let name = file.name();
        outcome.set(Some(Outcome::Reading(name.clone())));
        spawn_local(async move {
            let fail = |zh: String, en: String| {
                outcome.set(Some(Outcome::Failed {
                    file: name.clone(),
                    zh,
                    en,
                }))
            };
            let (Some(map), Some(set)) = untrack(|| (store.map(), store.data())) else {
                fail(
                    "地图或数据尚未载入。".into(),
                    "The map or its data is not loaded yet.".into(),
                );
                return;
            };
            let numbering = Numbering::after(&set);
            // The counties too, so that a county table is read as one: loaded
            // here if no measure or layer has loaded them yet (the browser's
            // cache answers the map's own later request).
            let counties = match untrack(|| store.county_map()) {
                Some(c) => Some(c),
                None => crate::store::load::counties().await.ok().map(Arc::new),
            };
            let mut places = map.boundaries.regions.clone();
            if let Some(c) = counties {
                places.extend(c.boundaries.regions.iter().cloned());
            }
            match read_table(&file, &name, &places, numbering).await {
                Err(t) => fail(t.zh, t.en),
                Ok(imp) => {
                    let count = imp.set.indicators.len();
                    if let Err(e) = store.add_user_data(imp.set, &name) {
                        let t = e.text();
                        return fail(format!("数据无法合并：{}", t.zh), t.en);
                    }
                    outcome.set(Some(Outcome::Loaded {
                        file: name.clone(),
                        rows: imp.rows,
                        indicators: count,
                        problems: imp.problems,
                        more: imp.more,
                        read_as_gbk: imp.read_as_gbk,
                    }));
                }
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            handle(file);
        }
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            handle(file);
        }
    };
    let report = move || outcome.with(|o| o.as_ref().map(import_report).unwrap_or_default());
    // One click away among the map tools: the button opens the drop zone and
    // picker (where the report of a file then shows) and closes it again.
    let shown = move || store.tool_open("load");
    view! {
        <div class="csv-tool" class:open=shown>
        <button type="button" class="tool" name="load-data" aria-expanded=move || shown().to_string()
            on:click=move |_| store.set_tool("load", !shown())>
            <span class="zh">"载入数据 "</span> <span class="en">"Load data"</span>
        </button>
        <section
            class="csv-import"
            hidden=move || !shown()
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2><span class="zh">"载入我的数据 "</span> <span class="en">"Load your own table"</span></h2>
            <p class="hint">
                <span class="zh">"CSV：一列城市（名称或代码），其余为数值列；可含单位、时段、来源列。拖放文件到此处，或："</span>
                <span class="en">" CSV with a city column (name or adcode) and value columns; optional unit, period and source columns. Drop a file here, or:"</span>
            </p>
            <input type="file" name="csv" accept=".csv,.tsv,.txt,text/csv" aria-label="选择 CSV 文件 Choose a CSV file" on:change=on_pick />
            <div class="import-report" inner_html=report></div>
        </section>
        </div>
    }
}
