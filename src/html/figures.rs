//! The province strip's headline figures.

use maud::html;

use crate::data::indicators::IndicatorSet;
use crate::format::format_number;

/// The province strip's items (`<li>`s).
pub fn province_items(set: &IndicatorSet) -> String {
    html! {
        @for f in set.province.iter().filter(|f| f.headline) {
            @let previous = set
                .province
                .iter()
                .filter(|p| p.id == f.id && p.period < f.period && p.kind == f.kind)
                .max_by(|a, b| a.period.cmp(&b.period))
                .map(|p| format!(" ({}: {})", p.period, format_number(p.value)))
                .unwrap_or_default();
            @let source = set
                .source(&f.source)
                .map(|s| format!("{} {}", s.outlet, s.date))
                .unwrap_or_default();
            @let note = f.note_zh.as_deref().map(|n| format!(" · {n}")).unwrap_or_default();
            li.figure data-figure=(f.id) title={ (f.label_zh) " " (f.label_en) " " (f.period) (note) " · " (source) } {
                @let (unit_zh, unit_en) = crate::i18n::unit_parts(f.unit.as_deref().unwrap_or_default());
                span.figure-value { (format_number(f.value)) " " small { (super::one(unit_zh, unit_en)) } }
                span.figure-label { span.zh { (f.label_zh) } " " span.en { (f.label_en) } }
                span.figure-meta { (f.period) (previous) span.zh { (note) } " · " span lang="zh" { (source) } }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::indicators as set;
    #[test]
    fn province_strip_has_each_headline_figure() {
        let html = province_items(&set());
        assert!(html.contains(r#"data-figure="pm25""#) && html.contains("37"));
        assert!(
            html.contains(" (2022: 38)"),
            "previous year beside the value"
        );
        assert_eq!(
            html.matches("<li").count(),
            set().province.iter().filter(|f| f.headline).count()
        );
    }
}
