//! HTML fragments for read-only parts of the page (the province strip, the city
//! table, the tooltip's details, import reports, measure cards), built with
//! `maud`, which escapes every spliced value by default, including text from a
//! person's own CSV file.
//!
//! Why markup strings and not Leptos views: each distinct `view!` type makes the
//! wasm bigger, and these parts have no inputs of their own. Measured on this
//! app: moving them from views to strings saved about 13 KB gzip of wasm.
//! Numbers are formatted to text before they are spliced (maud's own float
//! rendering would bring Rust's float formatting into the wasm).

use maud::{html, Markup};

use crate::data::indicators::Source;
use crate::i18n::Text;

mod caption;
mod embed;
mod figures;
mod filters;
mod first_view;
mod legend;
mod map_parts;
mod measure;
mod overlay;
mod tables;
mod targets;
mod timeline;
mod tools;
mod trends;
mod values;

pub use caption::caption_html;
pub use embed::{copy_status, embed_snippet, embed_tools};
pub use figures::province_items;
pub use filters::{city_chips, filter_note, no_measure, policy_filters, Choice, PolicyFilters};
pub use first_view::{boundary_notes, first_view, script_json, MAP_DATA_ID};
pub use legend::{about as indicator_about, legend, map_title};
pub use map_parts::{
    breadcrumb, county_paths, map_names, map_tools, outline_paths, region_paths, tooltip_names,
    CountyPath, MapName,
};
pub use measure::{measure_card, measure_groups, MeasureGroup, PROVINCE_GROUP};
pub use overlay::{
    marks_svg, overlay_legend, overlay_period_picker, overlay_picker, overlay_title,
};
pub use tables::{aria_sort, compare_table, data_table, import_report, table_rows, ImportReport};
pub use targets::targets_html;
pub use timeline::{period_label, timeline, timeline_classes, value_text, Timeline};
pub use tools::{
    classing_body, csv_tool, indicator_picker, lang_button, notices, Classing, Layer, EXPORT_BODY,
    EXPORT_LINK_ID,
};
pub use trends::{province_trends_html, strip_html};
pub use values::{city_detail, city_detail_hint, overlay_line, tooltip_details};

/// Only http(s) links are made clickable.
fn safe_url(url: &str) -> Option<&str> {
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}

/// Chinese and English side by side (`.zh` / `.en`, which the page's language
/// shows or hides); once when they are the same.
pub(crate) fn both(zh: &str, en: &str) -> Markup {
    html! {
        @if zh == en { (zh) } @else { span.zh { (zh) } " " span.en { (en) } }
    }
}

/// Chinese in Chinese mode, English in English mode (for cells where both
/// side by side would be too long).
pub(crate) fn one(zh: &str, en: &str) -> Markup {
    html! {
        @if zh == en { (zh) } @else { span.zh { (zh) } span.en-only { (en) } }
    }
}

/// [`both`] of a [`Text`].
pub(crate) fn text(t: &Text) -> Markup {
    both(&t.zh, &t.en)
}

/// A source as a link (http(s) only) or plain text, titled with the article.
pub(crate) fn source_link(s: &Source) -> Markup {
    let label = crate::present::describe::source_name(s);
    html! {
        @if let Some(url) = s.url.as_deref().and_then(safe_url) {
            a.source-link href=(url) target="_blank" rel="noopener noreferrer" { span lang="zh" { (label) } (outlet_gloss(s)) (source_title(s)) }
        } @else {
            span.source-link { span lang="zh" { (label) } (outlet_gloss(s)) (source_title(s)) }
        }
    }
}

/// A source in few words (outlet and date) as a link where it has one, the
/// article's title in its tooltip: a chart's foot has no room for titles.
pub(crate) fn short_source(s: &Source) -> Markup {
    let name = crate::present::describe::source_name(s);
    let title = if s.title.is_empty() {
        name.clone()
    } else {
        format!("{name}《{}》", s.title)
    };
    html! {
        @if let Some(url) = s.url.as_deref().and_then(safe_url) {
            a.source-link href=(url) target="_blank" rel="noopener noreferrer" title=(title) lang="zh" { (name) }
        } @else {
            span.source-link title=(title) lang="zh" { (name) }
        }
    }
}

/// The outlet's English name after its Chinese one, in English mode.
pub(crate) fn outlet_gloss(s: &Source) -> Markup {
    html! {
        @if let Some(en) = &s.outlet_en { span.en-only lang="en" { " (" (en) ")" } }
    }
}

/// The article's title after its outlet and date, in Chinese book-title marks
/// (and marked Chinese, for a screen reader in English mode).
pub(crate) fn source_title(s: &Source) -> Markup {
    html! {
        @if !s.title.is_empty() { " " span.source-title lang="zh" { "《" (s.title) "》" } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_links() {
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(
            safe_url("https://example.org/"),
            Some("https://example.org/")
        );
    }
}
