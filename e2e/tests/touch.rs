//! Phones: a tap shows the tooltip.

use std::time::Duration;

use e2e::page::Page;
use fantoccini::actions::{InputSource, PointerAction, TouchActions};

#[tokio::test]
async fn a_tap_shows_the_tooltip() {
    let page = Page::coloured(390, 800, "/").await;
    let (x, y) = page.label_point("140100").await;
    let tap = TouchActions::new("finger".into())
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(10)),
            x,
            y,
        })
        .then(PointerAction::Down { button: 0 })
        .then(PointerAction::Up { button: 0 });
    page.client.perform_actions(tap).await.expect("tap");
    let tip = page.text_of("[role=tooltip]").await;
    assert!(tip.contains("太原市") && tip.contains("Taiyuan"), "{tip}");
    page.finish("touch-tooltip").await;
}
