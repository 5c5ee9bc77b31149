//! Parts of the live map drawn as markup: the names over it, the outlines of
//! counties and prefectures inside its SVG, the tools over it and the names
//! in its tooltip. The page places the names (CSSOM, not style attributes)
//! and keeps the tools' state.

use maud::html;

use crate::i18n::Lang;
use crate::map::layout::Shape;

/// A name over the map.
pub struct MapName<'a> {
    pub adcode: &'a str,
    pub zh: &'a str,
    pub en: &'a str,
    /// Measured on another scope than most (marked; the legend says how).
    pub odd_scope: bool,
}

/// `span.map-label[data-adcode]` per name, in the map's language; the page
/// sets each one's place.
pub fn map_names(names: &[MapName], lang: Lang) -> String {
    html! {
        @for n in names {
            span.map-label.odd-scope[n.odd_scope] data-adcode=(n.adcode) { (lang.pick(n.zh, n.en)) }
        }
    }
    .into_string()
}

/// A `<path>` per shape (with its `data-adcode` if `named`), for outlines
/// drawn inside the map's SVG.
pub fn outline_paths(shapes: &[Shape], named: bool) -> String {
    html! {
        @for s in shapes {
            path d=(s.d) data-adcode=[named.then_some(s.adcode.as_str())] {}
        }
    }
    .into_string()
}

/// The regions of the map: a focusable `path.region` button per shape, named
/// in both languages (`names` in the shapes' order), not pressed; the page
/// writes fills, classes and state onto them.
pub fn region_paths(shapes: &[Shape], names: &[(&str, &str)]) -> String {
    html! {
        @for (s, (zh, en)) in shapes.iter().zip(names) {
            path.region d=(s.d) data-adcode=(s.adcode) tabindex="0" role="button" aria-pressed="false" aria-label={ (zh) " " (en) } {}
        }
    }
    .into_string()
}

/// A county a measure targets, drawn over the prefectures.
pub struct CountyPath<'a> {
    pub d: &'a str,
    pub adcode: &'a str,
    /// Its prefecture's adcode.
    pub parent: Option<&'a str>,
    pub name_zh: &'a str,
    pub name_en: &'a str,
}

/// The counties a measure targets: focusable `path.county` buttons named in
/// both languages, with their prefecture in `data-parent`.
pub fn county_paths(counties: &[CountyPath]) -> String {
    html! {
        @for c in counties {
            path.county d=(c.d) data-adcode=(c.adcode) data-parent=[c.parent] data-highlighted="true"
                tabindex="0" role="button" aria-label={ (c.name_zh) " " (c.name_en) } {}
        }
    }
    .into_string()
}

/// The tools over the map: "Zoom to selection" (or "Whole province" when
/// `zoomed`; hidden when `zoom_hidden`) and, with one city chosen, the way
/// into its counties (`drill`: its adcode and the button's words).
pub fn map_tools(
    zoomed: bool,
    zoom_hidden: bool,
    drill: Option<(&str, &str)>,
    lang: Lang,
) -> String {
    let zoom = if zoomed {
        lang.both("全省", "Whole province", " ")
    } else {
        lang.both("缩放到所选", "Zoom to selection", " ")
    };
    html! {
        button.tool.zoom type="button" name="zoom" aria-pressed=(if zoomed { "true" } else { "false" }) hidden[zoom_hidden] { (zoom) }
        @if let Some((code, label)) = drill {
            button.tool.drill type="button" name="drill" data-adcode=(code) { (label) }
        }
    }
    .into_string()
}

/// The way back from a drilled-in prefecture: "山西省 › 晋城市（区县）",
/// the province a button (`name=province`); `here` is the prefecture's
/// names.
pub fn breadcrumb(here: (&str, &str), lang: Lang) -> String {
    let (zh, en) = here;
    html! {
        nav.breadcrumb aria-label="层级 Level" {
            button type="button" name="province" { (lang.both("山西省", "Shanxi", " ")) }
            span aria-hidden="true" { " › " }
            span aria-current="page" { (lang.both(&format!("{zh}（区县）"), &format!("{en} (counties)"), " ")) }
        }
    }
    .into_string()
}

/// The tooltip's names: Chinese with English beside it, or English alone.
pub fn tooltip_names(zh: &str, en: &str, lang: Lang) -> String {
    html! {
        span.names {
            @if lang == Lang::En {
                strong lang="en" { (en) }
            } @else {
                strong lang="zh" { (zh) } span.en lang="en" { (en) }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_language_and_mark_another_scope() {
        let names = [
            MapName {
                adcode: "140100",
                zh: "太原",
                en: "Taiyuan",
                odd_scope: true,
            },
            MapName {
                adcode: "140200",
                zh: "大同",
                en: "Datong",
                odd_scope: false,
            },
        ];
        assert_eq!(
            map_names(&names, Lang::Zh),
            r#"<span class="map-label odd-scope" data-adcode="140100">太原</span><span class="map-label" data-adcode="140200">大同</span>"#
        );
        assert!(map_names(&names, Lang::En).contains(">Datong<"));
    }

    #[test]
    fn the_tools_offer_the_counties_of_one_city() {
        let none = map_tools(false, true, None, Lang::Zh);
        assert!(
            none.contains(r#"aria-pressed="false" hidden>缩放到所选 Zoom to selection<"#),
            "{none}"
        );
        assert!(!none.contains("drill"), "{none}");
        let one = map_tools(
            true,
            false,
            Some(("140500", "晋城的区县 Jincheng's counties")),
            Lang::En,
        );
        assert!(
            one.contains(r#"aria-pressed="true">Whole province<"#),
            "{one}"
        );
        assert!(
            one.contains(
                r#"name="drill" data-adcode="140500">晋城的区县 Jincheng&#39;s counties<"#
            ) || one
                .contains(r#"name="drill" data-adcode="140500">晋城的区县 Jincheng's counties<"#),
            "{one}"
        );
    }

    #[test]
    fn county_paths_are_named_buttons() {
        let s = county_paths(&[CountyPath {
            d: "M0 0Z",
            adcode: "140824",
            parent: Some("140800"),
            name_zh: "稷山县",
            name_en: "Jishan",
        }]);
        assert!(
            s.contains(r#"data-parent="140800""#) && s.contains(r#"aria-label="稷山县 Jishan""#),
            "{s}"
        );
        let b = breadcrumb(("晋城", "Jincheng"), Lang::Zh);
        assert!(
            b.contains(r#"<button type="button" name="province">山西省 Shanxi</button>"#),
            "{b}"
        );
        assert!(b.contains("晋城（区县） Jincheng (counties)"), "{b}");
        let t = tooltip_names("太原市", "Taiyuan", Lang::Zh);
        assert!(
            t.contains(
                r#"<strong lang="zh">太原市</strong><span class="en" lang="en">Taiyuan</span>"#
            ),
            "{t}"
        );
    }
}
