//! The root component: loads the boundaries and the indicator data, owns the
//! view state and mirrors it in the URL.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data::geo::parse_boundaries;
use crate::data::indicators::IndicatorSet;
use crate::data::policies::{Policies, PROVINCE};
use crate::error::Error;
use crate::i18n::Lang;
use crate::map::choropleth::{choropleth, Choropleth};
use crate::map::layout::Shape;
use crate::map::loaded::LoadedMap;
use crate::net::fetch_text;
use crate::state::{parse_query, Known, Notice, ViewState};
use crate::ui::{
    city_detail::CityDetail, classing_controls::ClassingControls, compare_view::CompareView,
    csv_import::CsvImport, data_table::DataTable, embed_dialog::EmbedDialog,
    export_tools::ExportTools, footer::Footer, indicator_picker::IndicatorPicker,
    lang_toggle::LangToggle, legend::Legend, load_error::LoadError, loading::Loading,
    map_view::MapView, notices::Notices, policy_panel::PolicyPanel, province_strip::ProvinceStrip,
    timeline::Timeline,
};

/// Where the prefecture boundaries are served, relative to the page.
pub const PREFECTURES_URL: &str = "geo/shanxi-prefectures.geojson";
/// Where the indicator data is served, relative to the page.
pub const INDICATORS_URL: &str = "data/indicators.json";
/// Where the measures are served, relative to the page.
pub const POLICIES_URL: &str = "data/policies.json";
/// Where the county boundaries are served (loaded when a measure targets counties).
pub const COUNTIES_URL: &str = "geo/shanxi-counties.geojson";
/// The indicator data's source id of the policy text itself.
const POLICY_SOURCE: &str = "S14";

/// A file's loading state.
#[derive(Debug, Clone)]
pub enum Load<T> {
    Loading,
    Failed(Error),
    Ready(T),
}

impl<T: Clone> Load<T> {
    pub fn ready(&self) -> Option<T> {
        match self {
            Load::Ready(t) => Some(t.clone()),
            _ => None,
        }
    }
}

async fn load_map() -> Result<LoadedMap, Error> {
    let text = fetch_text(PREFECTURES_URL).await?;
    let boundaries = parse_boundaries(PREFECTURES_URL, &text)?;
    LoadedMap::new(boundaries).ok_or_else(|| Error::Invalid {
        what: PREFECTURES_URL.to_string(),
        reason: "nothing to draw".to_string(),
    })
}

/// The indicators and the measures, with the computed "measures per city" layer.
#[derive(Debug, Clone)]
pub struct LoadedData {
    pub indicators: IndicatorSet,
    pub policies: Arc<Policies>,
}

async fn load_data() -> Result<LoadedData, Error> {
    let text = fetch_text(INDICATORS_URL).await?;
    let mut indicators = IndicatorSet::parse(INDICATORS_URL, &text)?;
    let text = fetch_text(POLICIES_URL).await?;
    let policies = Policies::parse(POLICIES_URL, &text)?;
    let cities = policies
        .region(PROVINCE)
        .map(|r| r.prefectures.clone())
        .unwrap_or_default();
    indicators.merge(
        policies.count_indicator(&cities, POLICY_SOURCE),
        POLICIES_URL,
    )?;
    Ok(LoadedData {
        indicators,
        policies: Arc::new(policies),
    })
}

async fn load_counties(map: Arc<LoadedMap>) -> Result<Vec<Shape>, Error> {
    let text = fetch_text(COUNTIES_URL).await?;
    Ok(map
        .layout
        .shapes_for(&parse_boundaries(COUNTIES_URL, &text)?.regions))
}

/// Loads into `state` with `load`, starting over on each call.
fn loader<T, F, Fut>(state: RwSignal<Load<Arc<T>>>, load: F) -> Callback<()>
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Send + Sync + Copy + 'static,
    Fut: std::future::Future<Output = Result<T, Error>> + 'static,
{
    Callback::new(move |()| {
        state.set(Load::Loading);
        spawn_local(async move {
            state.set(match load().await {
                Ok(v) => Load::Ready(Arc::new(v)),
                Err(e) => Load::Failed(e),
            });
        });
    })
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Writes the query into the address: a new history entry (`push`) or in place.
fn write_query(query: &str, push: bool) {
    if let Ok(history) = window().history() {
        let url = format!("?{query}");
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// The cities, measures and themes the URL may name.
fn known_ids(p: &Policies) -> Known {
    Known {
        cities: p
            .region(PROVINCE)
            .map(|r| r.prefectures.clone())
            .unwrap_or_default(),
        measures: p.measures.iter().map(|m| m.id.clone()).collect(),
        themes: p.themes.iter().map(|t| t.id.clone()).collect(),
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let map_state = RwSignal::new(Load::<Arc<LoadedMap>>::Loading);
    let data_state = RwSignal::new(Load::<Arc<IndicatorSet>>::Loading);
    let load_map_cb = loader(map_state, load_map);
    let policy_state = RwSignal::new(None::<Arc<Policies>>);
    let load_data_cb = Callback::new(move |()| {
        data_state.set(Load::Loading);
        spawn_local(async move {
            match load_data().await {
                Ok(d) => {
                    policy_state.set(Some(d.policies));
                    data_state.set(Load::Ready(Arc::new(d.indicators)));
                }
                Err(e) => data_state.set(Load::Failed(e)),
            }
        });
    });
    load_map_cb.run(());
    load_data_cb.run(());

    let view = RwSignal::new(None::<ViewState>);
    let notices = RwSignal::new(Vec::<Notice>::new());
    let selected = RwSignal::new(Vec::<String>::new());
    let hover_measure = RwSignal::new(None::<String>);
    let chosen_measure = RwSignal::new(None::<String>);
    let counties_state = RwSignal::new(None::<Arc<Vec<Shape>>>);
    let counties_requested = RwSignal::new(false);
    let zoomed = RwSignal::new(false);
    // The map's language, from the view (Chinese until the view is read).
    let url_lang = if parse_query(&current_query())
        .iter()
        .any(|(k, v)| k == "lang" && v == "en")
    {
        Lang::En
    } else {
        Lang::Zh
    };
    let lang = Memo::new(move |_| {
        view.with(|v| v.as_ref().map(|v| v.lang))
            .unwrap_or(url_lang)
    });
    // Components that show option texts read the language from the context.
    provide_context(lang);
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let l = lang.get();
            let _ = root.set_attribute("lang", l.html());
            let _ = root
                .class_list()
                .toggle_with_force("lang-en", l == Lang::En);
        }
    });
    let hovered = RwSignal::new(None::<String>);
    let legend_hover = RwSignal::new(None::<String>);

    // The view comes from the URL once the data is there. Every change after that
    // is a new history entry; back and forward restore the entries' views.
    let panel_theme = RwSignal::new(String::new());
    let read_url = move || -> Option<(ViewState, Vec<Notice>)> {
        let set = data_state.with_untracked(Load::ready)?;
        let known = policy_state
            .with_untracked(|p| p.as_ref().map(|p| known_ids(p)))
            .unwrap_or_default();
        Some(ViewState::from_pairs(
            &parse_query(&current_query()),
            &set,
            &known,
        ))
    };
    // The URL that the last history step wrote or restored, so that a restored
    // view is not pushed again.
    let last_query = StoredValue::new(String::new());
    let apply = move |v: ViewState| {
        selected.set(v.cities.clone());
        chosen_measure.set(v.measure.clone());
        panel_theme.set(v.theme.clone().unwrap_or_default());
        last_query.set_value(v.to_query());
        view.set(Some(v));
    };
    Effect::new(move |_| {
        if data_state.with(|d| matches!(d, Load::Ready(_))) && view.with_untracked(Option::is_none)
        {
            if let Some((v, n)) = read_url() {
                write_query(&v.to_query(), false);
                apply(v);
                notices.set(n);
            }
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        if let Some((v, n)) = read_url() {
            apply(v);
            notices.set(n);
        }
    });
    // Cities, measure and theme live in their own signals for the components;
    // fold them into the view.
    Effect::new(move |_| {
        let (cities, measure, theme) = (selected.get(), chosen_measure.get(), panel_theme.get());
        view.update(|v| {
            if let Some(v) = v {
                let theme = Some(theme).filter(|t| !t.is_empty());
                if v.cities != cities || v.measure != measure || v.theme != theme {
                    v.cities = cities;
                    v.measure = measure;
                    v.theme = theme;
                }
            }
        });
    });
    Effect::new(move |_| {
        if let Some(v) = view.get() {
            let q = v.to_query();
            if last_query.with_value(|l| l != &q) {
                last_query.set_value(q.clone());
                write_query(&q, true);
            }
        }
    });

    let data = Signal::derive(move || data_state.with(Load::ready));
    let map = Signal::derive(move || map_state.with(Load::ready));
    let fills = Memo::new(move |_| -> Option<Choropleth> {
        let (map, set) = (map.get()?, data.get()?);
        view.with(|v| {
            v.as_ref()
                .map(|v| choropleth(&set, &v.indicator, &v.period, &v.classing(), &map.adcodes()))
        })
    });

    // The measure in focus (pointer first, then the chosen one) and its places.
    let footprint = Memo::new(move |_| {
        let id = hover_measure.get().or_else(|| chosen_measure.get())?;
        policy_state.with(|p| {
            p.as_ref()
                .and_then(|p| p.measure(&id).map(|m| p.footprint(m)))
        })
    });
    let highlighted = Memo::new(move |_| {
        footprint.with(|f| {
            f.as_ref()
                .map(|f| f.prefectures.iter().cloned().collect::<Vec<_>>())
        })
    });
    Effect::new(move |_| {
        let wants = footprint.with(|f| f.as_ref().is_some_and(|f| !f.counties.is_empty()));
        if wants && !counties_requested.get_untracked() {
            if let Some(m) = map.get_untracked() {
                counties_requested.set(true);
                spawn_local(async move {
                    match load_counties(m).await {
                        Ok(shapes) => counties_state.set(Some(Arc::new(shapes))),
                        Err(e) => notices.update(|n| {
                            n.push(Notice {
                                zh: format!("县界未能载入：{e}"),
                                en: format!("County boundaries could not be loaded: {e}"),
                            })
                        }),
                    }
                });
            }
        }
    });
    let counties = Memo::new(move |_| {
        let wanted = footprint
            .with(|f| f.as_ref().map(|f| f.counties.clone()))
            .unwrap_or_default();
        counties_state.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.iter()
                        .filter(|s| wanted.contains(&s.adcode))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        })
    });

    // Embedded in another page: map, legend, title and source only, and the
    // page's height posted to the host after every change.
    let embed = parse_query(&current_query())
        .iter()
        .any(|(k, v)| k == "embed" && v == "1");
    if embed {
        if let Some(body) = document().body() {
            let _ = body.class_list().add_1("embed");
        }
        let post = move || request_animation_frame(post_height);
        Effect::new(move |_| {
            fills.track();
            map_state.track();
            post();
        });
        let _ = window_event_listener(leptos::ev::resize, move |_| post());
    }
    if embed {
        return view! {
            <header class="masthead">
                <h1><span class="zh">"山西生态环境地图"</span> <span class="en">"Shanxi Eco Map"</span></h1>
            </header>
            <main class="layout">
                <section class="map-column">
                    {move || match map_state.get() {
                        Load::Loading => view! { <Loading /> }.into_any(),
                        Load::Failed(error) => view! { <LoadError error on_retry=load_map_cb /> }.into_any(),
                        Load::Ready(map) => view! { <MapView map fills data view selected hovered legend_hover highlighted counties zoomed lang /> }.into_any(),
                    }}
                </section>
                <aside class="panel">
                    {move || match data_state.get() {
                        Load::Ready(set) => view! { <Legend set view fills hovered legend_hover lang /> }.into_any(),
                        Load::Failed(error) => view! { <LoadError error on_retry=load_data_cb /> }.into_any(),
                        Load::Loading => ().into_any(),
                    }}
                </aside>
            </main>
            {move || map_state.get().ready().map(|m| view! { <Footer meta=m.boundaries.meta.clone() /> })}
        }
        .into_any();
    }

    view! {
        <header class="masthead">
            <h1><span class="zh">"山西生态环境地图"</span> <span class="en">"Shanxi Eco Map"</span></h1>
        </header>
        <Notices notices />
        {move || match data_state.get() {
            Load::Ready(set) => view! { <ProvinceStrip set /> }.into_any(),
            _ => ().into_any(),
        }}
        <main class="layout">
            <section class="map-column">
                {move || match map_state.get() {
                    Load::Loading => view! { <Loading /> }.into_any(),
                    Load::Failed(error) => view! { <LoadError error on_retry=load_map_cb /> }.into_any(),
                    Load::Ready(map) => {
                        view! { <MapView map fills data view selected hovered legend_hover highlighted counties zoomed lang /> }.into_any()
                    }
                }}
            </section>
            <aside class="panel">
                {move || match data_state.get() {
                    Load::Loading => view! { <Loading /> }.into_any(),
                    Load::Failed(error) => view! { <LoadError error on_retry=load_data_cb /> }.into_any(),
                    Load::Ready(set) => {
                        view! {
                            <div class="tools-row">
                                <EmbedDialog set=set.clone() view />
                                <ExportTools set=set.clone() map view fills selected zoomed lang />
                                <LangToggle view lang />
                            </div>
                            <IndicatorPicker set=set.clone() view />
                            <Timeline set=set.clone() view />
                            <ClassingControls set=set.clone() view />
                            <Legend set=set.clone() view fills hovered legend_hover lang />
                            <DataTable set=set.clone() map view fills />
                            <CompareView set=set.clone() map selected />
                            <CityDetail set=set.clone() map selected />
                            {move || policy_state.get().map(|policies| view! {
                                <PolicyPanel policies set=set.clone() map selected view hover_measure chosen_measure theme=panel_theme />
                            })}
                        }
                            .into_any()
                    }
                }}
                <CsvImport map data_state view />
            </aside>
        </main>
        {move || map_state.get().ready().map(|m| view! { <Footer meta=m.boundaries.meta.clone() /> })}
    }
    .into_any()
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
