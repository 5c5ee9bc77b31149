//! Hostile and broken addresses, table-driven: script and HTML in every
//! parameter, 10 000-character values, broken percent-escapes and invalid
//! UTF-8, repeated keys. Each falls back to a working view; nothing of the
//! payload reaches the view, and what a notice repeats of it is clipped.

mod common;

use shanxi_eco_map::state::url::KEYS;
use shanxi_eco_map::state::{Known, Query, Words};

#[test]
fn hostile_values_in_every_parameter_fall_back_with_short_notices() {
    let set = common::indicators();
    let known = Known::of(&common::policies());
    let (default, _) = Query::parse("").view(&set, &known);
    let long = "a".repeat(10_000);
    let payloads = [
        "<script>alert(1)</script>",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        long.as_str(),
        "%E0%A4%A",
        "%zz%",
        "%FF%FE%00",
        "%C0%AF",
        "140100,<b>x</b>,140100",
        "-1",
        "1e309",
    ];
    let mut cases = 0;
    for key in KEYS {
        for payload in payloads {
            let q = format!("?{key}={payload}&{key}=again");
            let (view, notices) = Query::parse(&q).view(&set, &known);
            cases += 1;
            // The journalist's own words are text by design: kept as text
            // (the page escapes it), one line, cut to their limit.
            if let Some((_, limit)) = Words::LIMITS.iter().find(|(k, _)| *k == key) {
                let text = view.words.get(key).unwrap_or_default();
                assert!(text.chars().count() <= *limit, "{q}: {text}");
                assert!(!text.chars().any(char::is_control), "{q}: {text:?}");
                let mut rest = view.clone();
                rest.words = Default::default();
                assert_eq!(rest, default, "{key}: only the words change");
                continue;
            }
            let shown = format!("{view:?}");
            for bad in ["<script", "<img", "<b>", "onerror", "javascript:"] {
                assert!(!shown.contains(bad), "{q}: {bad} reached the view: {shown}");
            }
            assert!(
                !shown.contains(&long),
                "{key}: the long value reached the view"
            );
            for n in &notices {
                assert!(
                    n.zh.chars().count() < 200 && n.en.chars().count() < 300,
                    "{key}: a notice repeats too much: {n:?}"
                );
            }
            // Only the parameter itself may differ from the default view.
            assert_eq!(view.indicator.is_empty(), default.indicator.is_empty());
        }
    }
    assert!(cases >= 80, "{cases} cases");
}
