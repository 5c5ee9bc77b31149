//! The root component: provides the store and lays out the page. Loading lives
//! in `store::load`, the URL in `store::history`, the view in `state`.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::store::Store;
use crate::ui::{
    breadcrumb::Breadcrumb, city_detail::CityDetail, classing_controls::ClassingControls,
    compare_view::CompareView, csv_import::CsvImport, data_table::DataTable,
    embed_dialog::EmbedDialog, export_tools::ExportTools, footer::Footer,
    full_map_link::FullMapLink, headline::Headline, indicator_picker::IndicatorPicker,
    lang_toggle::LangToggle, legend::Legend, loaded::Loaded, map_caption::MapCaption,
    map_note::MapNote, map_title::MapTitle, map_view::MapView, notices::Notices,
    policy_panel::PolicyPanel, province_strip::ProvinceStrip, targets_view::TargetsView,
    timeline::Timeline,
};

/// The whole app. Embedded (`?embed=1`) it shows only the map, the legend, the
/// title and the source line, and posts its height to the host page.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::provide();
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let l = store.lang.get();
            let _ = root.set_attribute("lang", l.html());
            let _ = root
                .class_list()
                .toggle_with_force("lang-en", l == Lang::En);
        }
    });
    let embed = store.embed;
    if embed {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embed");
        }
        // Whenever the page's height changes (data arriving, fonts, a narrower
        // frame), after layout: a ResizeObserver on the root element and the body.
        let on_resize = Closure::<dyn FnMut()>::new(post_height);
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            if let Some(root) = document().document_element() {
                observer.observe(&root);
            }
            if let Some(body) = document().body() {
                observer.observe(&body);
            }
        }
        // The observer calls it for as long as the page lives.
        on_resize.forget();
    }
    // The toolbar's open menu or panel closes on Escape and on a press
    // anywhere outside the toolbar (the listeners live as long as the page).
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        // A menu opened a moment ago may not have told the store yet (its
        // `toggle` event is a task, and the browser runs a key press first):
        // an open menu counts as open.
        let doc = document();
        let open_menu = doc
            .query_selector(".toolbar details.menu[open]")
            .ok()
            .flatten();
        if ev.key() == "Escape" && (store.tool.get_untracked().is_some() || open_menu.is_some()) {
            // The focus goes back to the tool's button when it was in the tool.
            let button =
                doc.active_element().and_then(|a| {
                    match a.closest(".toolbar .menu").ok().flatten() {
                        Some(menu) => menu.query_selector(":scope > summary").ok().flatten(),
                        None => a.closest(".csv-import").ok().flatten().and_then(|_| {
                            doc.query_selector("button[name=load-data]").ok().flatten()
                        }),
                    }
                });
            if let Some(m) = open_menu {
                let _ = m.remove_attribute("open");
            }
            store.tool.set(None);
            if let Some(b) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = b.focus();
            }
        }
    });
    let _ = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".toolbar").ok().flatten())
            .is_some();
        if !inside && store.tool.get_untracked().is_some() {
            store.tool.set(None);
        }
    });
    let map = store.map_file;
    let data = store.indicators_file;
    let policies = store.policies_file;
    // The prerendered first view stays until the app has coloured the map (or
    // has a file's failure to show); then the app takes its place, in one
    // frame, before the next paint.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let failed = |f: Option<bool>| f == Some(true);
        let settled = store.fills.with(Option::is_some)
            || failed(map.with(|f| f.as_ref().map(Result::is_err)))
            || failed(data.with(|f| f.as_ref().map(Result::is_err)));
        if settled {
            request_animation_frame(move || {
                take_over();
                // Live: what the first view did not need (the measures) is
                // fetched now.
                store.live.set(true);
            });
        }
        settled
    });
    // Parts that have nothing to show until the indicators are in stay
    // hidden until then (`html.no-data`; their failure is told where the
    // legend goes). They are built at once and fill in when the data comes:
    // one view each, rather than one more built when a flag turns on (which
    // cost about 8 KB of wasm).
    Effect::new(move |_| {
        let ready = data.with(|f| matches!(f, Some(Ok(_))));
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("no-data", !ready);
        }
    });
    // The page, top to bottom: the title with the secondary tools (a toolbar of
    // buttons and menus), the indicator and period, the map with its legend
    // beside it and the measures beside both on wide screens; the province's
    // figures, the table, comparison and city details below. Embedded: the
    // title, the map and the legend with its sources.
    let tools = (!embed).then(|| {
        view! {
            <nav class="toolbar" aria-label="工具 Tools">
                <EmbedDialog />
                <ExportTools />
                <ClassingControls />
                <CsvImport />
                <LangToggle />
            </nav>
        }
    });
    let controls = (!embed).then(|| {
        view! {
            <div class="view-controls">
                <IndicatorPicker />
                <Timeline />
            </div>
        }
    });
    let below_map = (!embed).then(|| view! { <DataTable /> <CompareView /> <CityDetail /> });
    let panel = (!embed).then(|| {
        view! {
            <aside class="panel" aria-label="措施 Measures">
                <Loaded file=policies what=("措施加载失败。", "The measures could not be loaded.")
                    ready=|_| view! { <PolicyPanel /> } />
            </aside>
        }
    });
    let province = (!embed).then(|| view! { <ProvinceStrip /> <TargetsView /> });
    view! {
        <header class="masthead">
            <h1><span class="zh">"山西生态环境地图"</span> <span class="en">"Shanxi Eco Map"</span></h1>
            {tools}
        </header>
        {(!embed).then(|| view! { <Notices /> })}
        <main class="layout">
            <section class="map-column">
                {controls}
                <Headline />
                <MapTitle />
                <Breadcrumb />
                <div class="map-legend">
                    <Loaded file=map what=("地图边界加载失败。", "The map's boundaries could not be loaded.")
                        ready=|m| view! { <MapView map=m /> } />
                    <Loaded file=data loading=false errors=!embed
                        what=("指标数据加载失败。", "The indicator data could not be loaded.")
                        ready=|_| view! { <Legend /> } />
                </div>
                <MapNote />
                <MapCaption />
                {below_map}
            </section>
            {panel}
        </main>
        {province}
        {embed.then(|| view! { <FullMapLink /> })}
        {move || store.map().map(|m| view! { <Footer meta=m.boundaries.meta.clone() /> })}
    }
}

/// Removes the prerendered first view and shows the app in its place; marks
/// the moment as `map-painted` (the map is the app's, coloured and answering),
/// for the bench and for anyone measuring the page in the field.
fn take_over() {
    if let Some(p) = window().performance() {
        let _ = p.mark("map-painted");
    }
    let doc = document();
    if let Some(first) = doc.get_element_by_id("first-view") {
        first.remove();
    }
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.remove_attribute("hidden");
    }
}

/// Tells the host page (if any) how tall the embedded map is:
/// `{type: "shanxi-eco-map:height", height}`.
fn post_height() {
    let Some(height) = document().document_element().map(|e| e.scroll_height()) else {
        return;
    };
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"shanxi-eco-map:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    let _ = parent.post_message(&msg, "*");
}
