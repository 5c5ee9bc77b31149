//! The map: one SVG shape per region, names over it, a tooltip, and an outline
//! on top of the hovered or focused region.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::data::indicators::Level;
use crate::format::fixed;
use crate::html::{map_tools, outline_paths};
use crate::map::loaded::LoadedMap;
use crate::map::palette::NO_DATA_DEFS;
use crate::state::Action;
use crate::store::{use_store, Store};
use crate::ui::dom::closest_attr;
use crate::ui::markup_host::markup_host;
use crate::ui::{
    county_layer::CountyLayer, county_tag::CountyTag, map_labels::MapLabels, regions::Regions,
    tooltip::Tooltip,
};

/// The map of the prefectures, or of the counties when the indicator shown is
/// for counties (drawn once they are loaded; the prefectures, uncoloured,
/// until then), with the prefectures' outlines over them.
#[component]
pub fn MapView(
    /// The prefectures' boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
) -> impl IntoView {
    let store = use_store();
    // Rebuilt only when the level changes (and once when the counties
    // arrive), not on a switch between layers of one level.
    move || match store.level.get() {
        Level::County => match store.county_map() {
            Some(counties) => {
                view! { <MapDrawing map=counties outlines=Some(map.clone()) /> }.into_any()
            }
            None => view! { <MapDrawing map=map.clone() outlines=None /> }.into_any(),
        },
        Level::Prefecture => view! { <MapDrawing map=map.clone() outlines=None /> }.into_any(),
    }
}

/// Draws the loaded regions, filling the available width at the data's aspect
/// ratio (never taller than the window allows). Paths are computed once; only
/// fills and classes follow the view.
#[component]
fn MapDrawing(
    /// The boundaries and their precomputed drawing.
    map: Arc<LoadedMap>,
    /// Boundaries outlined over the regions (the prefectures over counties).
    outlines: Option<Arc<LoadedMap>>,
) -> impl IntoView {
    let store = use_store();
    let Store {
        zoomed,
        cities,
        lang,
        hovered,
        within,
        ..
    } = store;
    let county_over = RwSignal::new(None::<String>);
    let full = map.layout.full_box();
    let zoom_map = map.clone();
    let view_box = Memo::new(move |_| {
        if let Some(p) = within.get() {
            zoom_map
                .layout
                .fit_box(&zoom_map.members(&[p]))
                .unwrap_or(full)
        } else if zoomed.get() {
            cities
                .with(|s| zoom_map.layout.zoom_box(&zoom_map.members(s)))
                .unwrap_or(full)
        } else {
            full
        }
    });

    let outline_map = map.clone();
    let outline = move || {
        let (shape, _) = hovered.with(|h| outline_map.find(h.as_deref()?))?;
        Some(view! { <path class="outline" d=shape.d.clone() aria-hidden="true" /> })
    };
    let counties = outlines.is_some();
    // Drilled into a prefecture on the prefectures' map: its counties,
    // outlined and named, once they are loaded.
    let drill = move || {
        if counties {
            return None;
        }
        let p = within.get()?;
        let c = store.county_map()?;
        Some(Arc::new(c.subset(&c.members(&[p]))))
    };
    let drill_paths = move || {
        drill()
            .map(|sub| outline_paths(&sub.layout.shapes, true))
            .unwrap_or_default()
    };
    // The tools over the map: zoom to the chosen cities and, with one city
    // chosen, a way into its counties (over the map, so that choosing a city
    // never moves the map).
    let tools = Signal::derive(move || {
        let l = lang.get();
        let drilled = within.with(Option::is_some);
        let z = zoomed.get();
        let one = cities.with(|c| (c.len() == 1).then(|| c[0].clone()));
        let drill = one.filter(|_| !drilled).map(|code| {
            let (zh, en) = store.city_names(&code);
            let label = l.both(&format!("{zh}的区县"), &format!("{en}'s counties"), " ");
            (code, label)
        });
        let hidden = drilled || (!z && cities.with(Vec::is_empty));
        map_tools(
            z,
            hidden,
            drill.as_ref().map(|(c, l)| (c.as_str(), l.as_str())),
            l,
        )
    });
    let on_tools = move |ev: &web_sys::Event| {
        if ev.type_() != "click" {
            return;
        }
        if closest_attr(ev, "button[name=zoom]", "name").is_some() {
            zoomed.update(|z| *z = !*z);
        } else if let Some(code) = closest_attr(ev, "button[name=drill]", "data-adcode") {
            store.dispatch(Action::DrillInto(Some(code)));
        }
    };
    let drill_labels = move || drill().map(|sub| view! { <MapLabels map=sub view_box /> });
    let outline_paths = outlines
        .map(|o| outline_paths(&o.layout.shapes, false))
        .unwrap_or_default();
    view! {
        <div
            class="map"
            class:counties=counties
            class:drilled=move || within.with(Option::is_some)
            class:with-overlay=move || store.overlay.with(Option::is_some)
            // The drawing's aspect, or a drilled-in prefecture's own.
            style=("--aspect", move || view_box.with(|b| fixed(b.w / b.h, 4)))
            style=("--aspect-full", fixed(full.w / full.h, 4))
        >
            <svg
                class="map-svg"
                viewBox=move || view_box.get().attr()
                role="group"
                aria-label=if counties { "山西省区县 Shanxi's counties" } else { "山西省地级市 Shanxi's prefecture-level cities" }
                aria-describedby=crate::ui::map_caption::CAPTION_ID
            >
                <defs inner_html=NO_DATA_DEFS></defs>
                <Regions map=map.clone() />
                <g class="prefecture-outlines" aria-hidden="true" inner_html=outline_paths></g>
                <g class="drill-counties" aria-hidden="true" inner_html=drill_paths></g>
                <CountyLayer over=county_over />
                // A remediation layer's circles over the colours, if chosen.
                <g class="overlay" inner_html=move || {
                    store.overlay.with(|o| o.as_ref().map(crate::html::marks_svg).unwrap_or_default())
                }></g>
                {outline}
            </svg>
            <MapLabels map=map.clone() view_box />
            <div class="drill-labels">{drill_labels}</div>
            <CountyTag over=county_over view_box />
            <Tooltip map=map.clone() view_box />
            {markup_host("map-tools", tools, Rc::new(on_tools))}
        </div>
    }
}
