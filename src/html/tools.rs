//! The toolbar's tools as markup: the classing menu's body, the export menu's
//! body, the CSV tool and the language button. The page reads their events on
//! their containers (see `ui::markup_host`).

use maud::{html, PreEscaped};

use crate::i18n::Lang;
use crate::map::classify::{Method, MAX_CLASSES, MIN_CLASSES};
use crate::map::palette::Palette;

/// What the classing menu shows: for a numeric layer the method, the number
/// of classes and (manual) the breaks; for every layer the palette.
pub struct Classing<'a> {
    pub numeric: bool,
    pub method: Method,
    pub classes: usize,
    /// The manual breaks as written in the field ("40, 45").
    pub breaks: &'a str,
    pub palette: Palette,
    pub lang: Lang,
}

/// The classing menu's body: `select[name=method]`, `select[name=classes]`,
/// `input[name=breaks]` (hidden where they do not apply) and
/// `select[name=palette]`.
pub fn classing_body(c: &Classing) -> String {
    let l = c.lang;
    html! {
        label.control hidden[!c.numeric] {
            span.zh { "分级 " } " " span.en { "Classing" }
            select name="method" {
                @for m in Method::ALL {
                    option value=(m.id()) selected[m == c.method] { (l.both(m.name_zh(), m.name_en(), " ")) }
                }
            }
        }
        label.control hidden[!c.numeric] {
            span.zh { "级数 " } " " span.en { "Classes" }
            select name="classes" {
                @for n in MIN_CLASSES..=MAX_CLASSES {
                    option value=(n.to_string()) selected[n == c.classes] { (n.to_string()) }
                }
            }
        }
        label.control hidden[!(c.numeric && c.method == Method::Manual)] {
            span.zh { "断点 " } " " span.en { "Breaks" }
            input type="text" name="breaks" inputmode="decimal" placeholder="40, 45" value=(c.breaks);
        }
        label.control {
            span.zh { "配色 " } " " span.en { "Palette" }
            select name="palette" {
                @for p in Palette::ALL {
                    @let name = p.name();
                    @let name = match l {
                        Lang::En => name.split_once(' ').map_or(name, |(_, en)| en),
                        Lang::Zh => name,
                    };
                    option value=(p.id()) selected[p == c.palette] { (name) }
                }
            }
        }
    }
    .into_string()
}

/// The id of the link the exports are downloaded through.
pub const EXPORT_LINK_ID: &str = "export-link";

/// The export menu's body: a button per format (`data-scale` for PNG) and the
/// hidden link the file is downloaded through.
pub const EXPORT_BODY: &str = concat!(
    r#"<button type="button" class="tool" name="export-svg">SVG</button>"#,
    r#"<button type="button" class="tool" name="export-png" data-scale="2">PNG 2×</button>"#,
    r#"<button type="button" class="tool" name="export-png3" data-scale="3">PNG 3×</button>"#,
    r##"<a id="export-link" class="export-link" hidden href="#">download</a>"##,
);

/// The CSV tool: its button and, while `open`, the drop zone with the file
/// picker and the `report` of the last file (markup from
/// [`super::import_report`]).
pub fn csv_tool(open: bool, dragging: bool, report: &str) -> String {
    html! {
        button.tool type="button" name="load-data" aria-expanded=(if open { "true" } else { "false" }) {
            span.zh { "载入数据 " } " " span.en { "Load data" }
        }
        section.csv-import.dragging[dragging] hidden[!open] {
            h2 { span.zh { "载入我的数据 " } " " span.en { "Load your own table" } }
            p.hint {
                span.zh { "CSV：一列城市（名称或代码），其余为数值列；可含单位、时段、来源列。拖放文件到此处，或：" }
                span.en { " CSV with a city column (name or adcode) and value columns; optional unit, period and source columns. Drop a file here, or:" }
            }
            input type="file" name="csv" accept=".csv,.tsv,.txt,text/csv" aria-label="选择 CSV 文件 Choose a CSV file";
            div.import-report { (PreEscaped(report)) }
        }
    }
    .into_string()
}

/// The language button: it names the other language, in that language.
pub fn lang_button(lang: Lang) -> &'static str {
    match lang {
        Lang::En => r#"<button type="button" class="tool" name="lang" lang="zh-CN">中文</button>"#,
        Lang::Zh => r#"<button type="button" class="tool" name="lang" lang="en">English</button>"#,
    }
}

/// A layer offered by the indicator picker.
pub struct Layer<'a> {
    pub id: &'a str,
    pub zh: &'a str,
    pub en: &'a str,
    /// A remediation layer (the second group).
    pub remediation: bool,
    /// A layer of the person's own table (the third group).
    pub user: bool,
}

/// The indicator picker: its label and `select#indicator[name=indicator]`
/// with the layers in three groups (pollution, remediation, the person's
/// data; an empty group is left out). The page sets its value.
pub fn indicator_picker(layers: &[Layer], lang: Lang) -> String {
    type Keep = fn(&Layer) -> bool;
    let groups: [(&str, Keep); 3] = [
        ("污染 Pollution: 空气、水 air and water", |l| {
            !l.user && !l.remediation
        }),
        ("治理 Remediation", |l| !l.user && l.remediation),
        ("用户数据 Your data", |l| l.user),
    ];
    html! {
        label for="indicator" { span.zh { "指标 " } " " span.en { "Indicator" } }
        select #indicator name="indicator" {
            @for (label, keep) in groups {
                @if layers.iter().any(keep) {
                    optgroup label=(label) {
                        @for l in layers.iter().filter(|l| keep(l)) {
                            option value=(l.id) { (lang.both(l.zh, l.en, " · ")) }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

/// The notices (parts of the address that could not be used, files that
/// failed), a Retry button where a file can be loaded again, and OK; empty
/// when there is none.
pub fn notices(list: &[crate::i18n::Text], retry: bool) -> String {
    if list.is_empty() {
        return String::new();
    }
    html! {
        div.notice role="status" {
            ul { @for n in list { li { span.zh { (n.zh) } " " span.en { (n.en) } } } }
            @if retry {
                button.retry type="button" { span.zh { "重试 " } " " span.en { "Retry" } }
            }
            button.dismiss type="button" { span.zh { "知道了 " } " " span.en { "OK" } }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_classing_body_shows_what_applies() {
        let mut c = Classing {
            numeric: true,
            method: Method::Manual,
            classes: 5,
            breaks: "40, 45",
            palette: Palette::ALL[1],
            lang: Lang::Zh,
        };
        let s = classing_body(&c);
        assert!(!s.contains("hidden"), "{s}");
        assert!(
            s.contains(r#"<option value="5" selected>5</option>"#),
            "{s}"
        );
        assert!(s.contains(r#"value="40, 45""#), "{s}");
        assert!(
            s.contains(&format!(
                r#"<option value="{}" selected>"#,
                Palette::ALL[1].id()
            )),
            "{s}"
        );
        c.numeric = false;
        let s = classing_body(&c);
        assert_eq!(
            s.matches("<label class=\"control\" hidden>").count(),
            3,
            "{s}"
        );
    }

    #[test]
    fn the_csv_tool_hides_its_zone_until_opened() {
        let closed = csv_tool(false, false, "");
        assert!(
            closed.contains(r#"aria-expanded="false""#)
                && closed.contains("<section class=\"csv-import\" hidden>"),
            "{closed}"
        );
        let open = csv_tool(true, true, "<p>ok</p>");
        assert!(
            open.contains("<section class=\"csv-import dragging\">")
                && open.contains("<p>ok</p></div>"),
            "{open}"
        );
    }

    #[test]
    fn the_picker_groups_the_layers_and_leaves_out_an_empty_group() {
        let layer = |id, remediation, user| Layer {
            id,
            zh: "名",
            en: "name",
            remediation,
            user,
        };
        let layers = [
            layer("pm25", false, false),
            layer("water-improvement", true, false),
        ];
        let s = indicator_picker(&layers, Lang::Zh);
        assert!(
            s.contains(r#"<option value="water-improvement">名 · name</option>"#),
            "{s}"
        );
        assert!(!s.contains("selected"), "the page sets the value: {s}");
        assert_eq!(s.matches("<optgroup").count(), 2, "{s}");
        assert!(!s.contains("用户数据"), "{s}");
    }

    #[test]
    fn notices_offer_retry_only_for_a_file() {
        assert_eq!(notices(&[], true), "");
        let t = [crate::i18n::Text::new("无法<读取>", "cannot read")];
        let s = notices(&t, false);
        assert!(
            s.contains("无法&lt;读取&gt;") && !s.contains("retry") && s.contains("dismiss"),
            "{s}"
        );
        assert!(notices(&t, true).contains("class=\"retry\""));
    }

    #[test]
    fn the_export_body_names_its_link() {
        assert!(EXPORT_BODY.contains(&format!(r#"id="{EXPORT_LINK_ID}""#)));
        assert!(lang_button(Lang::Zh).contains(">English<"));
    }
}
