//! What the components that draw markup once and handle events on a container
//! share (the legend, the map's regions, the measure list): finding the item an
//! event happened in, going over the items, and writing an attribute only when
//! it changes. Not a component.

use wasm_bindgen::JsCast;

/// The `attr` of the closest element matching `selector` around an event's
/// target, if any.
pub fn closest_attr(ev: &web_sys::Event, selector: &str, attr: &str) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(selector).ok().flatten()?.get_attribute(attr)
}

/// Calls `f` with each element of class `class` under `root` that has `attr`,
/// and that attribute's value.
pub fn each_item(
    root: &web_sys::Element,
    class: &str,
    attr: &str,
    mut f: impl FnMut(&web_sys::Element, &str),
) {
    let items = root.get_elements_by_class_name(class);
    for i in 0..items.length() {
        if let Some(el) = items.item(i) {
            if let Some(value) = el.get_attribute(attr) {
                f(&el, &value);
            }
        }
    }
}

/// Sets `name` to `value` (or removes it) only when that changes something, so
/// that nothing is written (or observed as a mutation) for nothing.
/// Sets (or with `None` removes) one inline style property through CSSOM. Not
/// through the `style` attribute: a strict Content-Security-Policy
/// (`deploy/nginx.conf`) blocks style attributes but not CSSOM.
pub fn set_style(el: &web_sys::Element, name: &str, value: Option<&str>) {
    // Every element the app styles this way is an HTML or SVG element; both
    // have `style` (the ElementCSSInlineStyle mixin).
    let style = el.unchecked_ref::<web_sys::HtmlElement>().style();
    // Only a change is written (a write of the same value is a mutation too).
    let now = style.get_property_value(name).unwrap_or_default();
    let _ = match value {
        Some(v) if now != v => style.set_property(name, v),
        None if !now.is_empty() => style.remove_property(name).map(|_| ()),
        _ => Ok(()),
    };
}

pub fn set_attr(el: &web_sys::Element, name: &str, value: Option<&str>) {
    if el.get_attribute(name).as_deref() != value {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// A function the browser calls for events ([`listen`]).
pub type Listener = wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>;

/// Calls `f` for each event of the `kinds` on `el`, through the browser's own
/// listeners, one function for all. (As Leptos `on:` bindings, a group of
/// them cost a few KB of wasm per element.) The function works as long as
/// the returned [`Listener`] lives: keep it with the component
/// ([`keep_listening`]), so that it goes when the element does.
pub fn listen(
    el: &web_sys::Element,
    kinds: &[&str],
    f: impl Fn(&web_sys::Event) + 'static,
) -> Listener {
    let f = Listener::new(move |ev| f(&ev));
    for kind in kinds {
        let _ = el.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
    }
    f
}

/// Listens on `root`'s element once it is there, with the listener owned by
/// the current component (dropped with it: a map drawn again for another
/// level leaves nothing behind).
pub fn keep_listening<E>(
    root: leptos::prelude::NodeRef<E>,
    kinds: &'static [&'static str],
    f: impl Fn(&web_sys::Event) + 'static,
) where
    E: leptos::tachys::html::element::ElementType + 'static,
    E::Output: JsCast + Clone + AsRef<web_sys::Element> + 'static,
{
    use leptos::prelude::{SetValue, StoredValue};
    let kept = StoredValue::new_local(None::<Listener>);
    root.on_load(move |el| kept.set_value(Some(listen(el.as_ref(), kinds, f))));
}

/// Writes `now` into `el` unless it is what was written before (`last`);
/// whether it wrote. The focus stays: when the focused element inside had a
/// `name` (and, for a button, a `value`) or an `id`, the element of that name
/// in the new markup is focused again, without scrolling (a redraw caused by
/// a press elsewhere, a menu closing, must not move the page under the
/// pointer).
pub fn redraw(el: &web_sys::Element, last: Option<&str>, now: &str) -> bool {
    if last == Some(now) {
        return false;
    }
    let focused = leptos::prelude::document()
        .active_element()
        .filter(|a| el.contains(Some(a)))
        .and_then(|a| {
            // Buttons of one name (a timeline's runs) by their value too.
            let value = (a.tag_name() == "BUTTON")
                .then(|| a.get_attribute("value"))
                .flatten()
                .map(|v| format!("[value=\"{v}\"]"))
                .unwrap_or_default();
            a.get_attribute("name")
                .map(|n| format!("[name=\"{n}\"]{value}"))
                .or_else(|| a.get_attribute("id").map(|i| format!("[id=\"{i}\"]")))
        });
    el.set_inner_html(now);
    let again = focused
        .and_then(|selector| el.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = again {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = e.focus_with_options(&options);
    }
    true
}

/// A press that chooses an item of the map: a click (`Some(true)` with
/// Ctrl/⌘/Shift, which adds to the choice) or Enter or Space (`Some(false)`);
/// `None` for any other event.
pub fn press(ev: &web_sys::Event) -> Option<bool> {
    match ev.type_().as_str() {
        "click" => ev
            .dyn_ref::<web_sys::MouseEvent>()
            .map(|m| m.ctrl_key() || m.meta_key() || m.shift_key()),
        "keydown" => ev
            .dyn_ref::<web_sys::KeyboardEvent>()
            .filter(|k| matches!(k.key().as_str(), "Enter" | " "))
            .map(|_| false),
        _ => None,
    }
}
