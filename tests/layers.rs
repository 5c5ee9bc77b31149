//! The crate's imports point one way: each top-level module may use only modules
//! of its own layer or below, and no group of files uses itself in a circle.
//!
//! Layers, bottom first: `i18n`, `format`, `error` → `data` → `map` → `present`
//! → `state` → `html` → `net` → `store` → `ui` → `app`. The test reads every `crate::…`
//! path in `src/` (in `use` lines and inline), so a new backward import fails it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level module → layer (lower may be used by higher).
const LAYERS: &[(&str, u32)] = &[
    ("i18n", 0),
    ("format", 0),
    ("error", 0),
    ("data", 1),
    ("map", 2),
    ("present", 3),
    ("state", 4),
    ("html", 5),
    ("net", 6),
    ("store", 7),
    ("ui", 8),
    ("app", 9),
    // Binaries other than the app (the prerender) use the crate from outside.
    ("bin", 10),
];

fn layer(module: &str) -> Option<u32> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file: `src/ui/legend.rs` → ["ui", "legend"].
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
    {
        parts.pop();
    }
    parts
}

/// Code without comments (line comments and doc comments), so prose that
/// mentions a path does not count as an import.
fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module path named after `crate::`, to two segments
/// (`crate::data::geo::Region` → "data::geo"; `crate::{a::b, c}` → both).
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(inner) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = inner
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map(|(i, _)| i)
                .unwrap_or(inner.len());
            for item in split_top(&inner[..end]) {
                out.push(segments(item.trim()));
            }
        } else {
            out.push(segments(rest));
        }
    }
    out.into_iter().filter(|p| !p.is_empty()).collect()
}

/// Splits `a::b, c::{d, e}` at top-level commas.
fn split_top(s: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn segments(s: &str) -> Vec<String> {
    s.split("::")
        .map(|seg| {
            seg.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .take_while(|seg| !seg.is_empty() && seg.starts_with(|c: char| c.is_ascii_lowercase()))
        .take(2)
        .collect()
}

struct Crate {
    /// File module path → the module paths it names.
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges = BTreeMap::new();
    for f in files {
        let module = module_of(&src, &f);
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let targets: BTreeSet<Vec<String>> =
            crate_paths(&strip_comments(&text)).into_iter().collect();
        edges.insert(module, targets);
    }
    Crate { edges }
}

#[test]
fn every_import_points_down_the_layers() {
    let krate = read_crate();
    assert!(krate.edges.len() > 20, "read the crate's files");
    let mut backward = Vec::new();
    for (from, targets) in &krate.edges {
        let Some(top) = from.first() else { continue };
        let Some(from_layer) = layer(top) else {
            backward.push(format!(
                "{} is in no layer: add it to LAYERS",
                from.join("::")
            ));
            continue;
        };
        for t in targets {
            match layer(&t[0]) {
                None => backward.push(format!(
                    "{} uses crate::{}, which is in no layer",
                    from.join("::"),
                    t.join("::")
                )),
                Some(l) if l > from_layer => backward.push(format!(
                    "{} (layer {from_layer}) uses crate::{} (layer {l})",
                    from.join("::"),
                    t.join("::")
                )),
                _ => {}
            }
        }
    }
    assert!(
        backward.is_empty(),
        "backward imports:\n{}",
        backward.join("\n")
    );
}

#[test]
fn no_files_use_each_other_in_a_circle() {
    let krate = read_crate();
    // File-level graph: a file's module path → the file modules it names.
    let files: BTreeSet<&Vec<String>> = krate.edges.keys().collect();
    let resolve = |t: &Vec<String>| -> Option<Vec<String>> {
        // The longest file module that prefixes the named path.
        (1..=t.len())
            .rev()
            .map(|n| t[..n].to_vec())
            .find(|p| files.contains(p))
    };
    let graph: BTreeMap<&Vec<String>, Vec<Vec<String>>> = krate
        .edges
        .iter()
        .map(|(f, ts)| {
            (
                f,
                ts.iter().filter_map(resolve).filter(|t| t != f).collect(),
            )
        })
        .collect();
    // Depth-first search for a back edge.
    fn visit<'a>(
        node: &'a Vec<String>,
        graph: &'a BTreeMap<&Vec<String>, Vec<Vec<String>>>,
        state: &mut BTreeMap<&'a Vec<String>, u8>,
        stack: &mut Vec<&'a Vec<String>>,
    ) -> Option<Vec<String>> {
        state.insert(node, 1);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            let Some((key, _)) = graph.get_key_value(next) else {
                continue;
            };
            match state.get(*key) {
                Some(1) => {
                    let at = stack.iter().position(|n| *n == *key).unwrap_or(0);
                    let mut cycle: Vec<String> = stack[at..].iter().map(|n| n.join("::")).collect();
                    cycle.push(key.join("::"));
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(key, graph, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if !state.contains_key(*node) {
            let mut stack = Vec::new();
            if let Some(cycle) = visit(node, &graph, &mut state, &mut stack) {
                panic!("files used in a circle: {}", cycle.join(" → "));
            }
        }
    }
}

#[test]
fn the_reader_finds_grouped_and_inline_paths() {
    let code = "use crate::{data::geo::Region, map::{layout::Shape, loaded}};\nlet x = crate::format::fixed(1.0, 2); // crate::app::App";
    let paths = crate_paths(&strip_comments(code));
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(joined, vec!["data::geo", "map", "format::fixed"]);
}
