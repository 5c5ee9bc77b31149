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

/// Calls `f` for each event of the `kinds` on `el`, through the browser's own
/// listeners, one function for all. (As Leptos `on:` bindings, a group of
/// them cost a few KB of wasm per element.) The function lives as long as the
/// page: for elements built once.
pub fn listen(el: &web_sys::Element, kinds: &[&str], f: impl Fn(&web_sys::Event) + 'static) {
    let f = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev| f(&ev));
    for kind in kinds {
        let _ = el.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
    }
    f.forget();
}
