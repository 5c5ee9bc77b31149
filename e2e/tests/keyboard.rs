//! The page with a keyboard only: Tab reaches every region, control and
//! measure, in order, and each shows that it has the focus; the toolbar's menus
//! open from the keyboard and close with Escape, giving the focus back; and a
//! reader who asks for reduced motion gets no animated scrolling.

use e2e::page::Page;
use fantoccini::key::Key;
use serde_json::{json, Value};

/// Marks every element Tab can reach with its index and its look unfocused.
const SNAPSHOT: &str = "window.__look = e => { const s = getComputedStyle(e); \
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.stroke, s.strokeWidth, \
              s.borderTopColor, s.backgroundColor].join('|'); }; \
    if (document.activeElement) document.activeElement.blur(); \
    const all = [...document.querySelectorAll('a[href], button, select, input, textarea, summary, [tabindex]')] \
      .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility()); \
    all.forEach((e, i) => { e.dataset.kbd = i; e.dataset.kbdLook = window.__look(e); }); \
    return all.length;";

/// The focused element: [index or null, a short name, whether its look
/// changed with the focus (null when it was not in the snapshot)].
const FOCUSED: &str = "const e = document.activeElement; \
    if (!e || e === document.body || e === document.documentElement) return null; \
    const cls = (e.getAttribute('class') || '').split(' ')[0]; \
    const name = e.tagName.toLowerCase() + (e.getAttribute('name') ? '[name=' + e.getAttribute('name') + ']' : '') \
      + (cls ? '.' + cls : '') + (e.dataset.adcode ? '#' + e.dataset.adcode : '') \
      + (e.dataset.measure ? '#' + e.dataset.measure : ''); \
    return [e.dataset.kbd === undefined ? null : Number(e.dataset.kbd), name, \
            e.dataset.kbdLook === undefined ? null : window.__look(e) !== e.dataset.kbdLook];";

#[tokio::test]
async fn tab_reaches_every_region_control_and_measure_with_visible_focus() {
    let page = Page::coloured(1280, 800, "/").await;
    page.wait_for(".policy-panel article[data-measure]").await;
    let reachable = page.number(SNAPSHOT).await as usize;
    let mut seen: Vec<(usize, String)> = Vec::new();
    let mut unmarked: Vec<String> = Vec::new();
    let mut invisible: Vec<String> = Vec::new();
    for _ in 0..reachable + 20 {
        page.press(Key::Tab).await;
        let f: Value = page.js(FOCUSED).await;
        let Some(f) = f.as_array() else {
            // Past the last element (the browser's own UI); the walk is done.
            if !seen.is_empty() {
                break;
            }
            continue;
        };
        let name = f[1].as_str().unwrap_or_default().to_string();
        match f[0].as_u64() {
            Some(i) if seen.first().is_some_and(|(first, _)| *first == i as usize) => break,
            Some(i) => seen.push((i as usize, name.clone())),
            None => unmarked.push(name.clone()),
        }
        if f[2] == json!(false) {
            invisible.push(name);
        }
    }
    let names: Vec<&str> = seen.iter().map(|(_, n)| n.as_str()).collect();
    println!(
        "Tab stops: {} of {reachable} marked, {} others: {names:?} {unmarked:?}",
        seen.len(),
        unmarked.len()
    );
    assert!(invisible.is_empty(), "focus not visible on: {invisible:?}");
    assert!(
        unmarked.is_empty(),
        "Tab stops that are no control (e.g. a group with focus listeners): {unmarked:?}"
    );
    let regions = names
        .iter()
        .filter(|n| n.starts_with("path.region#"))
        .count();
    assert_eq!(regions, 11, "every region: {names:?}");
    for control in [
        "select[name=indicator]",
        "input[name=period]",
        "summary.tool",
        "button[name=load-data]",
        "ul#",
    ] {
        let control = control.trim_end_matches('#');
        assert!(
            names.iter().any(|n| n.starts_with(control)),
            "Tab reaches {control}: {names:?}"
        );
    }
    let measures = names.iter().filter(|n| n.starts_with("article")).count();
    let listed = page.count(".policy-panel article[data-measure]").await;
    assert_eq!(json!(measures), listed, "every measure card: {names:?}");
    // Every stop is visited once: the order goes forward, with no trap.
    let mut order: Vec<usize> = seen.iter().map(|(i, _)| *i).collect();
    order.dedup();
    assert_eq!(order.len(), seen.len(), "no element twice: {names:?}");
    assert!(
        seen.len() + unmarked.len() >= reachable,
        "{} of {reachable} reached: {names:?}",
        seen.len() + unmarked.len()
    );
    page.close().await;
}

#[tokio::test]
async fn menus_open_from_the_keyboard_and_close_with_escape() {
    let page = Page::coloured(1280, 800, "/").await;
    for menu in [".export-menu", ".classing-menu"] {
        page.js(&format!(
            "document.querySelector('{menu} > summary').focus(); return true"
        ))
        .await;
        page.press(Key::Enter).await;
        page.wait_true(&format!("return document.querySelector('{menu}').open"))
            .await;
        // Into the menu and out with Escape: closed, the focus on its button.
        page.press(Key::Tab).await;
        assert_eq!(
            page.js(&format!(
                "return document.querySelector('{menu}').contains(document.activeElement)"
            ))
            .await,
            json!(true),
            "{menu}: Tab goes into the open menu"
        );
        page.press(Key::Escape).await;
        page.wait_true(&format!("return !document.querySelector('{menu}').open"))
            .await;
        assert_eq!(
            page.js(&format!(
                "return document.activeElement === document.querySelector('{menu} > summary')"
            ))
            .await,
            json!(true),
            "{menu}: the focus is back on the menu's button"
        );
    }
    // "Load data" opens its panel; Escape from inside closes it, the focus
    // back on the button.
    page.js("document.querySelector('button[name=load-data]').focus(); return true")
        .await;
    page.press(Key::Enter).await;
    page.wait_true("return document.querySelector('.csv-import').checkVisibility()")
        .await;
    page.js("document.querySelector('.csv-import input, .csv-import button').focus(); return true")
        .await;
    page.press(Key::Escape).await;
    page.wait_true("return !document.querySelector('.csv-import') || !document.querySelector('.csv-import').checkVisibility()")
        .await;
    assert_eq!(
        page.js(
            "return document.activeElement === document.querySelector('button[name=load-data]')"
        )
        .await,
        json!(true),
        "load data: the focus is back on its button"
    );
    page.close().await;
}

#[tokio::test]
async fn reduced_motion_brings_a_city_into_view_without_animation() {
    let page = Page::coloured(390, 844, "/").await;
    page.cdp(
        "Emulation.setEmulatedMedia",
        json!({"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]}),
    )
    .await;
    assert_eq!(
        page.js("return matchMedia('(prefers-reduced-motion: reduce)').matches")
            .await,
        json!(true)
    );
    page.click_region("140800").await;
    page.wait_true("return scrollY > 0").await;
    // At once: the position two frames after it moved is where it stays.
    let first = page
        .js_async("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(scrollY)))")
        .await;
    let later = page
        .js_async(
            "const done = arguments[arguments.length - 1]; setTimeout(() => done(scrollY), 800)",
        )
        .await;
    assert_eq!(first, later, "no smooth scrolling");
    page.close().await;
}
