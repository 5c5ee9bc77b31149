//! Phones: a tap shows the tooltip.

use std::time::Duration;

use e2e::page::Page;
use fantoccini::actions::{InputSource, PointerAction, TouchActions};

#[tokio::test]
async fn a_tap_shows_the_tooltip() {
    let page = Page::coloured(390, 800, "/").await;
    tap(&page, "140100").await;
    let tip = page.text_of("[role=tooltip]").await;
    assert!(tip.contains("太原市") && tip.contains("Taiyuan"), "{tip}");
    page.finish("touch-tooltip").await;
}

/// Taps `adcode`'s label point with a finger.
async fn tap(page: &Page, adcode: &str) -> (f64, f64) {
    let (x, y) = page.label_point(adcode).await;
    let tap = TouchActions::new("finger".into())
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(10)),
            x,
            y,
        })
        .then(PointerAction::Down { button: 0 })
        .then(PointerAction::Up { button: 0 });
    page.client.perform_actions(tap).await.expect("tap");
    (x, y)
}

/// On a phone the tooltip stays inside the screen and off the finger, for
/// cities at the west, south and north edges; its words are plain.
#[tokio::test]
async fn the_phone_tooltip_stays_on_screen_and_beside_the_finger() {
    let page = Page::coloured(390, 844, "/?indicator=pm25&period=2023&embed=1").await;
    // Lüliang (west), Yuncheng (south-west), Datong (north).
    for code in ["141100", "140800", "140200"] {
        let (x, y) = tap(&page, code).await;
        page.wait_for("[role=tooltip]").await;
        let r = page
            .js("const r = document.querySelector('[role=tooltip]').getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom, innerWidth, innerHeight]")
            .await;
        let n = |i: usize| r[i].as_f64().unwrap_or(f64::NAN);
        assert!(
            n(0) >= 0.0 && n(1) <= n(4) && n(2) >= 0.0 && n(3) <= n(5),
            "{code}: inside the screen, however far it is scrolled: {r}"
        );
        let gap = (n(2) - y).max(y - n(3));
        assert!(
            (0.0..60.0).contains(&gap),
            "{code}: just above or below the finger at {y}: {r}"
        );
        let under_finger = n(0) <= x && x <= n(1) && n(2) <= y && y <= n(3);
        assert!(
            !under_finger,
            "{code}: not under the finger at {x},{y}: {r}"
        );
    }
    let tip = page.text_of("[role=tooltip]").await;
    assert!(
        !tip.contains("scope not stated"),
        "plain words for a missing scope: {tip}"
    );
    page.finish("touch-tooltip-edges").await;
}

/// On the full phone page, tapping a city brings its details into view.
#[tokio::test]
async fn a_tap_on_the_phone_brings_the_city_details_into_view() {
    let page = Page::coloured(390, 844, "/").await;
    tap(&page, "140800").await;
    page.wait_true(
        "const d = document.querySelector('.city-detail'); const r = d.getBoundingClientRect(); \
         return d.textContent.includes('运城') && r.top < innerHeight && r.bottom > 0",
    )
    .await;
    page.finish("touch-city-detail").await;
}
