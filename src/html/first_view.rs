//! The first view, prerendered: the default view of the map as static HTML and
//! SVG, written into `dist/index.html` at build time (`src/bin/prerender.rs`)
//! so that a reader sees the map, its legend and sources before any script or
//! wasm has loaded, and with scripts off.
//!
//! It is built from the same code as the live page: the boundaries' layout
//! (projection, paths, label points), the default view read from an empty URL,
//! the choropleth (classing and palette), and the legend, title, province
//! figures and boundary notes as the same markup functions. The live page's
//! boxes are mirrored (same classes; the toolbar and the view controls as inert
//! stand-ins of their size that show what is chosen), so that when the app
//! takes the page over nothing moves. A browser test compares the two.
//!
//! Caveat: only the default view is prerendered. A link to another view gets
//! the class `other-view` on `<html>` from a small inline script that runs
//! before the first view is parsed ([`view_script`]), and the stylesheet then
//! shows this map uncoloured, its title and legend hidden, until the app draws
//! that view.

use maud::{html, PreEscaped};

use super::{both, caption_html, legend, map_title, province_items, timeline, Timeline};
use crate::data::dataset::Dataset;
use crate::data::geo::BoundaryMeta;
use crate::format::fixed;
use crate::i18n::Lang;
use crate::map::choropleth::choropleth;
use crate::map::drawn;
use crate::map::loaded::LoadedMap;
use crate::map::palette::NO_DATA_DEFS;
use crate::state::url::Query;
use crate::state::view::{Known, ViewState};

/// The boundary file's source line, notice and approval number (审图号), as the
/// footer shows them (inside `<footer class="sources">`).
pub fn boundary_notes(meta: &BoundaryMeta) -> String {
    html! {
        p.source { span.zh { (meta.source_zh) } " " span.en { (meta.source_en) } }
        p.notice { span.zh { (meta.notice_zh) } " " span.en { (meta.notice_en) } }
        @if let Some(n) = &meta.approval_number { p.approval { "审图号 Map approval No.: " (n) } }
    }
    .into_string()
}

/// How long the first view waits for the app before saying it is late.
pub const LATE_MS: u32 = 12_000;

/// The URL parameters that change what the map shows besides the indicator and
/// period (colours, the selection, a prefecture's counties, a measure's
/// footprint, a journalist's own words around it).
const VIEW_KEYS: [&str; 11] = [
    "method", "classes", "palette", "breaks", "cities", "in", "overlay", "measure", "title",
    "subtitle", "note",
];

/// JavaScript run before the first view is parsed: the page's language and
/// embed mode from the URL (as `Query::lang` and `Query::embed` read them: the
/// last value of a key counts), and `other-view` when the URL names a view other
/// than `default` (a different indicator or period, or any of [`VIEW_KEYS`]).
/// Keys the app does not know (e.g. `utm_source`) are not a view.
///
/// If the app has not taken over after [`LATE_MS`] (a slow connection, a
/// blocked or failed script), the page says so and shows this default view,
/// titled as what it is, instead of an uncoloured map.
pub fn view_script(default: &ViewState) -> String {
    let defaults = serde_json::json!({"indicator": default.indicator, "period": default.period});
    let keys = serde_json::json!(VIEW_KEYS);
    format!(
        "(function(){{var h=document.documentElement,c=h.classList,v={{}},d={defaults},o=false;\
new URLSearchParams(location.search).forEach(function(x,k){{v[k]=x}});\
if(v.embed===\"1\")c.add(\"embed\");\
if(v.lang===\"en\"){{c.add(\"lang-en\");h.lang=\"en\"}}\
for(var k in d)if(k in v&&v[k]!==d[k])o=true;\
{keys}.forEach(function(k){{if(k in v)o=true}});\
if(o)c.add(\"other-view\");\
setTimeout(function(){{if(document.getElementById(\"first-view\")){{c.remove(\"other-view\");c.add(\"app-late\")}}}},{LATE_MS})}})()"
    )
}

/// The whole first view (`<div id="first-view">`), for the default view.
pub fn first_view(map: &LoadedMap, data: &Dataset) -> String {
    let set = &data.indicators;
    let (view, _) = Query::parse("").view(set, &Known::of(&data.policies));
    let fills = choropleth(
        set,
        &view.indicator,
        &view.period,
        &view.classing(),
        &map.adcodes(),
    );
    let lang = Lang::Zh;
    let ind = set.indicator(&view.indicator);
    let per = set.period(&view.period);
    let ind_name = ind.map(|i| (i.name_zh.as_str(), i.name_en.as_str()));
    let per_name = per.map(|p| (p.label_zh.as_str(), p.label_en.as_str()));
    // The run of the view's period (since January, or single months), as
    // the live timeline shows it, with the same switch between runs.
    let runs = set.series_of(&view.indicator);
    let periods = match per {
        Some(p) => set.periods_in(&view.indicator, p.series()),
        None => set.periods_of(&view.indicator),
    };
    let layout = &map.layout;
    html! {
        script { (PreEscaped(view_script(&view))) }
        style { (PreEscaped(first_view_style(map, &fills))) }
        div #first-view .first-view data-indicator=(view.indicator) data-period=(view.period) {
            header.masthead {
                h1 { span.zh { "山西生态环境地图" } " " span.en { "Shanxi Eco Map" } }
                // Stand-ins of the toolbar, greyed until the tools come with the app.
                div.toolbar.stand-in aria-hidden="true" {
                    div.embed-tools { span.tool { (both("嵌入", "Embed")) } }
                    span.tool { (both("导出", "Export")) " ▾" }
                    span.tool { (both("分级配色", "Classes")) " ▾" }
                    span.tool { (both("载入数据", "Load data")) }
                    span.tool { "English" }
                }
            }
            main.layout {
                section.map-column {
                    div.view-controls.stand-in aria-hidden="true" {
                        div.control {
                            label { (both("指标", "Indicator")) }
                            select disabled tabindex="-1" {
                                @if let Some((zh, en)) = ind_name { option { (zh) " · " (en) } }
                            }
                        }
                        @if periods.len() > 1 {
                            div.control.timeline {
                                (PreEscaped(timeline(&Timeline {
                                    stops: &periods,
                                    index: periods.iter().position(|p| p.id == view.period).unwrap_or(0),
                                    runs: &runs,
                                    run: per.map(|p| p.series()),
                                }, true)))
                            }
                        }
                    }
                    p.app-late role="status" {
                        span.zh { "交互地图仍在载入或未能载入；这是默认视图。" } " "
                        span.en { "The interactive map is still loading or did not load; this is the default view." }
                    }
                    h2.map-title { (PreEscaped(map_title(set, &view.indicator, &view.period, lang))) }
                    div.map-legend {
                        div.map {
                            svg.map-svg viewBox=(layout.full_box().attr()) role="img"
                                aria-label={ "山西省地级市 Shanxi's prefecture-level cities: "
                                    @if let (Some((zh, en)), Some((pz, pe))) = (ind_name, per_name) { (zh) " " (pz) " · " (en) " " (pe) } } {
                                defs { (PreEscaped(NO_DATA_DEFS)) }
                                @for shape in &layout.shapes {
                                    path.region d=(shape.d) data-code=(shape.adcode) {}
                                }
                            }
                            // The boundaries as drawn, for the app: read from the page
                            // instead of fetched (`store::load::prefectures`). Right
                            // after the SVG, so that its paths, which repeat the SVG's,
                            // are within gzip's 32 KB window of them: measured
                            // 2026-12-07, the page is 15.2 KB gzip here and 20.8 KB
                            // at the page's end (brotli's window takes either).
                            script #(MAP_DATA_ID) type="application/json" { (PreEscaped(script_json(&drawn::write(map)))) }
                            div.map-labels aria-hidden="true" {
                                @for (shape, region) in layout.shapes.iter().zip(&map.boundaries.regions) {
                                    span.map-label.odd-scope[fills.odd_scope.contains(&region.adcode)] data-code=(shape.adcode) {
                                        span.name-zh { (region.short_name_zh()) } span.name-en { (region.name_en) }
                                    }
                                }
                            }
                        }
                        div.legend role="group" aria-label="图例 Legend" {
                            (PreEscaped(legend(set, &fills, &view.indicator, &view.period, lang, true)))
                        }
                    }
                    // The caption, with a stand-in of the Copy button the app brings.
                    div.map-caption {
                        p { (PreEscaped(caption_html(set, &view.indicator, &view.period, &map.boundaries.regions, None))) }
                        button.copy-caption.stand-in type="button" disabled tabindex="-1" aria-hidden="true" { (both("复制说明", "Copy caption")) }
                    }
                }
                aside.panel aria-label="措施 Measures" {
                    p.loading { span.zh { "正在载入措施…" } " " span.en { "Loading the measures…" } }
                }
            }
            section.province-strip aria-label="全省 Province" {
                h2 { span.zh { "全省 " } " " span.en { "Province" } }
                ul tabindex="0" { (PreEscaped(province_items(set))) }
            }
            footer.sources { (PreEscaped(boundary_notes(&map.boundaries.meta))) }
        }
    }
    .into_string()
}

/// The first view's own stylesheet: the map's aspect, each region's fill and
/// each name's place. A `<style>` element rather than `style` attributes, so
/// that a strict Content-Security-Policy (`deploy/nginx.conf`) can allow it by
/// its hash, which the build computes (`cargo xtask build`); CSP cannot allow
/// style attributes by hash without also allowing every one of them.
pub fn first_view_style(map: &LoadedMap, fills: &crate::map::choropleth::Choropleth) -> String {
    let layout = &map.layout;
    let mut css = format!(".first-view .map{{--aspect:{}}}", fixed(layout.aspect(), 4));
    for shape in &layout.shapes {
        let (x, y) = layout.percent(shape.label);
        css.push_str(&format!(
            ".first-view .region[data-code=\"{code}\"]{{fill:{fill}}}\
             .first-view .map-label[data-code=\"{code}\"]{{left:{x}%;top:{y}%}}",
            code = shape.adcode,
            fill = fills.paint(&shape.adcode),
            x = fixed(x, 3),
            y = fixed(y, 3),
        ));
    }
    css
}

/// The `id` of the element that holds the drawn boundaries in the first view.
pub const MAP_DATA_ID: &str = "map-data";

/// `json` safe inside a `<script>` element: every `<` (which JSON has only
/// inside strings) written as `\u003c`, so no `</script>` or `<!--` can end or
/// change the element.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::choropleth::NO_DATA;

    fn shipped() -> (LoadedMap, Dataset) {
        let map = LoadedMap::parse(
            "geo/shanxi-prefectures.geojson",
            include_str!("../../geo/shanxi-prefectures.geojson"),
        )
        .expect("shipped boundaries");
        let data = Dataset::parse(
            include_str!("../../public/data/indicators.json"),
            include_str!("../../public/data/policies.json"),
        )
        .expect("shipped data");
        (map, data)
    }

    #[test]
    fn the_first_view_is_the_default_view_coloured() {
        let (map, data) = shipped();
        let html = first_view(&map, &data);
        let (view, _) = Query::parse("").view(&data.indicators, &Known::of(&data.policies));
        let fills = choropleth(
            &data.indicators,
            &view.indicator,
            &view.period,
            &view.classing(),
            &map.adcodes(),
        );
        assert_eq!(html.matches("<path class=\"region\"").count(), 11);
        for code in map.adcodes() {
            let expected = format!(
                ".first-view .region[data-code=\"{code}\"]{{fill:{}}}",
                fills.paint(&code)
            );
            assert!(html.contains(&expected), "{code}: {expected}");
        }
        assert!(
            fills.fills.values().all(|f| f.class != NO_DATA),
            "the default view has every city"
        );
        // Title, legend with sources, the figures and the boundary notice.
        for part in [
            "空气质量全省排名",
            "legend-entry",
            "数据来源",
            "data-figure",
            "示意图",
            "山西晚报",
        ] {
            assert!(html.contains(part), "{part}");
        }
        // The live page's regions and labels are found by `data-adcode`; the
        // prerendered ones are not, so nothing mistakes one for the other.
        assert!(!html.contains("data-adcode"));
    }

    #[test]
    fn the_first_view_carries_the_drawn_map_for_the_app() {
        let (map, data) = shipped();
        let html = first_view(&map, &data);
        let open = format!("<script id=\"{MAP_DATA_ID}\" type=\"application/json\">");
        let start = html.find(&open).expect("the drawn map is in the page") + open.len();
        let end = start + html[start..].find("</script>").expect("closed");
        let inline = &html[start..end];
        let read = LoadedMap::from_drawn("inline", inline).expect("reads back");
        let file = LoadedMap::from_drawn("file", &drawn::write(&map)).expect("the file");
        assert_eq!(read.adcodes(), map.adcodes());
        assert_eq!(
            drawn::write(&read),
            drawn::write(&file),
            "the same map as the file"
        );
    }

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let json =
            serde_json::json!({"name": "</script><script>alert(1)</script><!--"}).to_string();
        let safe = script_json(&json);
        assert!(!safe.contains('<'), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back.to_string(), json);
    }
}
