//! Export the current map as SVG or PNG (2× or 3×), framed with title, legend,
//! sources, the boundary notice and the view's address.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::{EXPORT_BODY, EXPORT_LINK_ID};
use crate::i18n::Lang;
use crate::map::export::{export_svg, Frame};
use crate::present::caption::{caption, overlay_caption};
use crate::present::describe::citations_of;
use crate::store::use_store;
use crate::ui::menu::menu;

fn click_link(href: &str, filename: &str) {
    if let Some(a) = document()
        .get_element_by_id(EXPORT_LINK_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = a.set_attribute("href", href);
        let _ = a.set_attribute("download", filename);
        a.click();
    }
}

/// Buttons for SVG and PNG downloads of what the map shows now.
#[component]
pub fn ExportTools() -> impl IntoView {
    let store = use_store();
    let svg = move || -> Option<(String, String)> {
        let (m, f, v, set, overlay) = untrack(|| {
            (
                store.drawn_map(),
                store.fills.get(),
                store.view_untracked(),
                store.data(),
                store.overlay.get(),
            )
        });
        let (m, f, v, set) = (m?, f?, v?, set?);
        let lang = store.lang.get_untracked();
        let ind = set.indicator(&v.indicator)?;
        let per = set.period(&v.period);
        let meta = &m.boundaries.meta;
        let en = lang == Lang::En;
        let unit = ind.unit_in_parens();
        let partial = match (per.is_some_and(|p| p.partial), en) {
            (false, _) => "",
            (true, false) => "（非全年 partial year）",
            (true, true) => " (partial year)",
        };
        let (title_zh, title_en, period) = if en {
            (
                format!("Shanxi: {}{unit}", ind.name_en),
                String::new(),
                per.map(|p| format!("{}{partial}", p.full().en))
                    .unwrap_or_default(),
            )
        } else {
            (
                format!("山西 {}", ind.name_zh),
                format!("Shanxi: {}{unit}", ind.name_en),
                per.map(|p| format!("{}{partial}", p.full_both()))
                    .unwrap_or_default(),
            )
        };
        // The circles' layer and period on the period line.
        let period = match &overlay {
            Some(o) if en => format!("{period} + circles: {} {}", o.name.en, o.period_label.en),
            Some(o) => format!("{period} + 圆点：{} {}", o.name.zh, o.period_label.zh),
            None => period,
        };
        // The address's own title leads, its subtitle (or what is shown)
        // under it; its note opens the foot.
        let (title_zh, title_en) = match (&v.words.title, &v.words.subtitle) {
            (Some(t), Some(s)) => (t.clone(), s.clone()),
            (Some(t), None) => (
                t.clone(),
                if en {
                    title_zh
                } else {
                    format!("{title_zh} · {title_en}")
                },
            ),
            (None, Some(s)) => (title_zh, s.clone()),
            (None, None) => (title_zh, title_en),
        };
        let frame = Frame {
            title_zh,
            title_en,
            period,
            caption: {
                // The overlay's own sentence follows the map's.
                let words = |l| {
                    let main = caption(&set, &v.indicator, &v.period, &m.boundaries.regions, l);
                    let over = overlay.as_ref().and_then(|o| {
                        overlay_caption(&set, &o.indicator, &o.period, &m.boundaries.regions, l)
                    });
                    main.into_iter().chain(over)
                };
                let said = match lang {
                    Lang::En => words(Lang::En).collect::<Vec<_>>(),
                    Lang::Zh => words(Lang::Zh).chain(words(Lang::En)).collect(),
                };
                v.words.note.clone().into_iter().chain(said).collect()
            },
            sources: {
                let mut all = citations_of(&set, &v.indicator, &v.period, lang);
                for c in overlay
                    .iter()
                    .flat_map(|o| citations_of(&set, &o.indicator, &o.period, lang))
                {
                    if !all.contains(&c) {
                        all.push(c);
                    }
                }
                all
            },
            boundary_note: format!(
                "{} {} {}",
                meta.source_zh,
                meta.notice_zh,
                meta.approval_number
                    .clone()
                    .map(|n| format!("审图号 {n}"))
                    .unwrap_or_default()
            ),
            url: window().location().href().unwrap_or_default(),
            lang,
        };
        // The picture frames what the map frames: a drilled-into prefecture
        // (at the drawing's aspect), or the zoomed selection; the counties of
        // a chosen prefecture count as chosen.
        let (chosen, zoom) = match &v.within {
            Some(p) => {
                let inside = m.members(std::slice::from_ref(p));
                let zoom = m.layout.zoom_box(&inside);
                (inside, zoom.map(|z| (z, format!("in-{p}"))))
            }
            None => {
                let chosen = m.members(&v.cities);
                let zoom = if store.zoomed.get_untracked() {
                    m.layout.zoom_box(&chosen)
                } else {
                    None
                };
                (chosen, zoom.map(|z| (z, v.cities.join("-"))))
            }
        };
        let view_box = zoom.as_ref().map_or(m.layout.full_box(), |(z, _)| *z);
        // A zoomed picture is named after its cities, so that it does not
        // replace the whole map's file.
        let name = match &zoom {
            Some((_, part)) => format!("shanxi-{}-{}-{part}", v.indicator, v.period),
            None => format!("shanxi-{}-{}", v.indicator, v.period),
        };
        let text = export_svg(
            &m.layout,
            view_box,
            &m.boundaries.regions,
            &f,
            &chosen,
            &frame,
            overlay.as_ref(),
        );
        Some((text, name))
    };
    let on = move |ev: &web_sys::Event| {
        if ev.type_() != "click" {
            return;
        }
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[name]").ok().flatten())
        else {
            return;
        };
        let Some((text, name)) = svg() else { return };
        if button.get_attribute("name").as_deref() == Some("export-svg") {
            let href = format!(
                "data:image/svg+xml;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&text))
            );
            click_link(&href, &format!("{name}.svg"));
            return;
        }
        // Whole scales only: an integer parse and print keep Rust's float
        // parsing and printing (several KB of wasm) out of the app.
        let scale: u32 = button
            .get_attribute("data-scale")
            .and_then(|s| s.parse().ok())
            .unwrap_or(2);
        let f = js_sys::Reflect::get(&window(), &"shanxiExportPng".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(f) = f {
            let args = js_sys::Array::of4(
                &text.into(),
                &f64::from(scale).into(),
                &format!("{name}@{scale}x.png").into(),
                &EXPORT_LINK_ID.into(),
            );
            let _ = f.apply(&wasm_bindgen::JsValue::NULL, &args);
        }
    };
    menu(
        "menu export-menu",
        "menu-body export-tools",
        "export",
        ("导出 ", "Export"),
        Signal::derive(|| EXPORT_BODY.to_string()),
        Rc::new(on),
    )
}
