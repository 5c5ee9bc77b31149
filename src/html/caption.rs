//! The map's caption as markup ([`crate::present::caption`] in words): the
//! Chinese and the English sentence side by side, which the page's language
//! shows or hides, as the live page and the prerendered first view show it.

use maud::html;

use crate::data::geo::Region;
use crate::data::indicators::IndicatorSet;
use crate::i18n::Lang;
use crate::present::caption::caption_with_overlay;

/// The caption of `indicator` in `period`, in both languages; empty when the
/// view is not in the data.
pub fn caption_html(
    set: &IndicatorSet,
    indicator: &str,
    period: &str,
    regions: &[Region],
    overlay: Option<(&str, &str)>,
) -> String {
    // The map's sentence, then the overlay's (indicator, period) if any.
    let text = |lang| caption_with_overlay(set, indicator, period, regions, overlay, lang);
    match (text(Lang::Zh), text(Lang::En)) {
        (Some(zh), Some(en)) => {
            html! { span.zh lang="zh" { (zh) } " " span.en lang="en" { (en) } }.into_string()
        }
        _ => String::new(),
    }
}
