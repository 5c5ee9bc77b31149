//! The legend: each class's colour, range or category and how many cities fall
//! in it, with the no-data hatch last, then the sources and what the indicator
//! means. Hovering an entry highlights its cities; hovering a city highlights
//! its entry.
//!
//! Its markup is [`crate::html::legend`], the same the prerendered first view
//! shows; hovering is handled once on the container (delegation).

use crate::html::legend;
use crate::store::{use_store, Store};
use crate::ui::dom::{closest_attr, each_item, set_attr};
use crate::ui::overlay_picker::OverlayPicker;
use leptos::prelude::*;

/// The legend of the current choropleth, titled with indicator and period.
#[component]
pub fn Legend() -> impl IntoView {
    let store = use_store();
    let Store {
        fills,
        hovered,
        legend_hover,
        lang,
        shown,
        ..
    } = store;
    let markup = Memo::new(move |_| {
        let set = store.data()?;
        let l = lang.get();
        shown.with(|s| {
            let (indicator, period) = s.as_ref()?;
            fills.with(|f| {
                f.as_ref()
                    .map(|f| legend(&set, f, indicator, period, l, false))
            })
        })
    });
    // The entry of the hovered city's class, or the entry under the pointer.
    let active = Memo::new(move |_| {
        legend_hover.get().or_else(|| {
            let code = hovered.get()?;
            fills.with(|c| Some(c.as_ref()?.fills.get(&code)?.class.clone()))
        })
    });
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        // Runs after the markup is in place (it tracks the same inputs).
        markup.track();
        let active = active.get();
        let Some(root) = root.get() else { return };
        each_item(&root, "legend-entry", "data-class", |e, class| {
            let on = active.as_deref() == Some(class);
            let _ = e.class_list().toggle_with_force("active", on);
        });
    });
    let about = Memo::new(move |_| {
        let set = store.data()?;
        let about = shown.with(|s| Some(crate::html::indicator_about(&set, &s.as_ref()?.0)))?;
        // Under the circles' legend it says which layer it is about.
        Some(
            if store.overlay.with(Option::is_some) && !about.is_empty() {
                format!(
                    r#"<p class="about-kicker"><span class="zh">颜色图层 </span><span class="en">The colours</span></p>{about}"#
                )
            } else {
                about
            },
        )
    });
    // The overlay's legend under the picker, in the page's language.
    let overlay_markup = Memo::new(move |_| {
        let l = lang.get();
        let set = store.data()?;
        store
            .overlay
            .with(|o| o.as_ref().map(|o| crate::html::overlay_legend(&set, o, l)))
    });
    // The legend's circles at the map's scale (pixels per map unit of the
    // drawing as shown), measured once they are drawn, again on a zoom or a
    // drill-down and when the window changes size.
    let overlay_root = NodeRef::<leptos::html::Div>::new();
    let size_circles = move || {
        let Some(root) = overlay_root.get_untracked() else {
            return;
        };
        let scale = document()
            .query_selector("svg.map-svg")
            .ok()
            .flatten()
            .and_then(|svg| {
                let w =
                    crate::format::parse_decimal(svg.get_attribute("viewBox")?.split(' ').nth(2)?)?;
                (w > 0.0).then(|| svg.get_bounding_client_rect().width() / w)
            });
        let Some(scale) = scale.filter(|s| *s > 0.0) else {
            return;
        };
        each_item(&root, "swatch-circle", "data-d", |e, d| {
            if let Some(d) = crate::format::parse_decimal(d) {
                let px = crate::format::fixed(d * scale, 1);
                set_attr(e, "width", Some(&px));
                set_attr(e, "height", Some(&px));
            }
        });
    };
    Effect::new(move |_| {
        overlay_markup.track();
        store.zoomed.track();
        store.within.track();
        size_circles();
    });
    let _ = window_event_listener(leptos::ev::resize, move |_| size_circles());
    view! {
        <div class="legend-column">
        <div
            class="legend"
            role="group"
            aria-label="图例 Legend"
            node_ref=root
            inner_html=move || markup.get().unwrap_or_default()
            on:mouseover=move |ev| {
                let class = closest_attr(&ev, ".legend-entry", "data-class");
                if legend_hover.get_untracked() != class {
                    legend_hover.set(class);
                }
            }
            on:mouseleave=move |_| legend_hover.set(None)
        ></div>
        {(!store.embed).then(|| view! { <OverlayPicker /> })}
        <div
            class="legend overlay-legend"
            role="group"
            aria-label="叠加图例 Overlay legend"
            hidden=move || store.overlay.with(Option::is_none)
            node_ref=overlay_root
            inner_html=move || overlay_markup.get().unwrap_or_default()
        ></div>
        // What the colours' indicator means, after both legends: an
        // overlay's legend stays on the first screen.
        <div class="legend-about" inner_html=move || about.get().unwrap_or_default()></div>
        </div>
    }
}
