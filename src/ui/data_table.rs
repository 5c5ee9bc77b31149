//! The current indicator as a sortable table, and a CSV download of exactly what
//! it shows.

use std::rc::Rc;

use leptos::prelude::*;

use crate::html::{aria_sort, data_table, table_rows};
use crate::i18n::Lang;
use crate::present::caption::caption;
use crate::present::table::{csv_data_url, csv_file_name, rows, sort, to_csv, SortBy};
use crate::store::use_store;
use crate::ui::dom::{closest_attr, each_item, set_attr};
use crate::ui::markup_host::markup_host_then;

/// A collapsible table under the legend.
#[component]
pub fn DataTable() -> impl IntoView {
    let store = use_store();
    let by = RwSignal::new(SortBy::City);
    // Built only while the table is open: a closed table costs nothing on a switch.
    let open = RwSignal::new(false);
    let descending = RwSignal::new(false);
    let table = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let (m, f, set) = (store.drawn_map()?, store.fills.get()?, store.data()?);
        let v = store.shown.get()?;
        let (indicator, period) = (&v.0, &v.1);
        let mut r = rows(&set, indicator, period, &m.boundaries.regions, &f);
        sort(&mut r, by.get(), descending.get());
        // The CSV in the page's language, one language per file.
        let lang = store.lang.get();
        let ind = set.indicator(indicator);
        let name = ind
            .map(|i| {
                let n = if lang == Lang::En {
                    &i.name_en
                } else {
                    &i.name_zh
                };
                format!("{n}{}", i.unit_in_parens())
            })
            .unwrap_or_default();
        let words = caption(&set, indicator, period, &m.boundaries.regions, lang);
        let csv = to_csv(&r, &name, lang, words.as_deref());
        let own = ind
            .filter(|i| i.user)
            .zip(set.period(period))
            .map(|(i, p)| {
                if lang == Lang::En {
                    (i.name_en.as_str(), p.label_en.as_str())
                } else {
                    (i.name_zh.as_str(), p.label_zh.as_str())
                }
            });
        Some((
            table_rows(&r),
            csv_data_url(&csv),
            csv_file_name(indicator, period, own),
        ))
    });
    // The frame, drawn when the table opens; what it shows is written into
    // it in place, so that a table scrolled sideways stays where it is.
    let body = Signal::derive(move || {
        if table.with(Option::is_some) {
            data_table()
        } else {
            String::new()
        }
    });
    let after = move |el: &web_sys::Element| {
        let (by, descending) = (by.get(), descending.get());
        table.with(|t| {
            let Some((rows, href, file)) = t else { return };
            if let Ok(Some(a)) = el.query_selector("a[download]") {
                set_attr(&a, "href", Some(href));
                set_attr(&a, "download", Some(file));
            }
            if let Ok(Some(body)) = el.query_selector("tbody") {
                if body.inner_html() != *rows {
                    body.set_inner_html(rows);
                }
            }
        });
        each_item(el, "sort", "data-sort", |button, id| {
            if let (Some(th), Some(key)) = (button.parent_element(), SortBy::from_id(id)) {
                set_attr(&th, "aria-sort", Some(aria_sort(key, by, descending)));
            }
        });
    };
    let on = move |ev: &web_sys::Event| {
        if ev.type_() != "click" {
            return;
        }
        let key =
            closest_attr(ev, "button[data-sort]", "data-sort").and_then(|k| SortBy::from_id(&k));
        if let Some(key) = key {
            if by.get_untracked() == key {
                descending.update(|d| *d = !*d);
            } else {
                by.set(key);
                descending.set(false);
            }
        }
    };
    view! {
        <details class="data-table" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let is_open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
            open.set(is_open);
        }>
            <summary><span class="zh">"表格 "</span> <span class="en">"Table"</span></summary>
            {markup_host_then(NodeRef::new(), "table-body", body, Rc::new(on), Some(Rc::new(after)))}
        </details>
    }
}
