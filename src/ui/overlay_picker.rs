//! The overlay picker under the legend: a `<select name="overlay">` of the
//! remediation layers that can be drawn as circles over the map's colours
//! ("无 None" first), so that pollution and remediation show at once.

use leptos::prelude::*;

use crate::map::overlay::remediation_layers;
use crate::state::Action;
use crate::store::use_store;

/// Chooses the remediation layer drawn over the map, or none. The layer shown
/// as colours is not offered again.
#[component]
pub fn OverlayPicker() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let current = Memo::new(move |_| {
        store
            .view(|v| v.overlay.clone())
            .flatten()
            .unwrap_or_default()
    });
    // The layers offered: rebuilt when the data or the layer shown changes.
    let layers = Memo::new(move |_| {
        let Some(set) = store.data() else {
            return Vec::new();
        };
        let shown = store.shown.with(|s| s.as_ref().map(|s| s.0.clone()));
        remediation_layers(&set)
            .into_iter()
            .filter(|i| Some(&i.id) != shown.as_ref())
            .map(|i| (i.id.clone(), i.name_zh.clone(), i.name_en.clone()))
            .collect::<Vec<_>>()
    });
    let options = move || {
        let l = lang.get();
        let items = layers
            .get()
            .into_iter()
            .map(|(id, zh, en)| view! { <option value=id>{l.both(&zh, &en, " · ")}</option> })
            .collect_view();
        view! {
            <option value="">{l.both("无", "None", " · ")}</option>
            {items}
        }
    };
    view! {
        <div class="control overlay-picker" hidden=move || layers.with(Vec::is_empty)>
            <label for="overlay"><span class="zh">"叠加治理图层（圆点） "</span> <span class="en">"Remediation overlay (circles)"</span></label>
            <select
                id="overlay"
                name="overlay"
                prop:value=move || current.get()
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    store.dispatch(Action::ChooseOverlay((!id.is_empty()).then_some(id)));
                }
            >
                {options}
            </select>
        </div>
    }
}
