//! Loading a person's own table: a button among the map tools opens a file
//! picker and a drop zone. The table's indicators join the picker at once,
//! marked as user data, and every row that could not be used is listed with its
//! number and the reason.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::data::import::Numbering;
use crate::html::{csv_tool, import_report, ImportReport as Outcome};
use crate::net::read_table;
use crate::store::use_store;
use crate::ui::markup_host::markup_host;

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
    let shown = move || store.tool_open("load");
    // One click away among the map tools: the button opens the drop zone and
    // picker (where the report of a file then shows) and closes it again.
    let markup = Signal::derive(move || {
        let report = outcome.with(|o| o.as_ref().map(import_report).unwrap_or_default());
        csv_tool(shown(), false, &report)
    });
    // A file dragged over the zone marks it, in place: redrawing the zone
    // under the pointer would make the browser leave and enter it again.
    Effect::new(move |_| {
        let on = dragging.get();
        if let Ok(Some(zone)) = document().query_selector(".csv-import") {
            let _ = zone.class_list().toggle_with_force("dragging", on);
        }
    });
    let on = move |ev: &web_sys::Event| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let in_zone = || {
            target
                .as_ref()
                .and_then(|t| t.closest(".csv-import").ok().flatten())
                .is_some()
        };
        match ev.type_().as_str() {
            "click" => {
                let on_button = target
                    .as_ref()
                    .and_then(|t| t.closest("button[name=load-data]").ok().flatten())
                    .is_some();
                if on_button {
                    store.set_tool("load", !shown());
                }
            }
            "change" => {
                let input = target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
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
            }
            "dragover" if in_zone() => {
                ev.prevent_default();
                if !dragging.get_untracked() {
                    dragging.set(true);
                }
            }
            "dragleave" => dragging.set(false),
            "drop" if in_zone() => {
                ev.prevent_default();
                dragging.set(false);
                let file = ev
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|d| d.files())
                    .and_then(|f| f.get(0));
                if let Some(file) = file {
                    handle(file);
                }
            }
            _ => {}
        }
    };
    markup_host("csv-tool", markup, Rc::new(on))
}
