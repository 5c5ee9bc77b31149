//! The `<iframe>` snippet a host page pastes.

use maud::html;

/// A ready `<iframe>` for a host page: the view's URL with `embed=1`, a title,
/// lazy loading, and a height the host can update from the `postMessage`
/// messages the embedded map sends (see docs/embedding.md).
pub fn embed_snippet(page_url: &str, query: &str, title: &str) -> String {
    let sep = if query.is_empty() { "" } else { "&" };
    html! {
        iframe src={ (page_url) "?" (query) (sep) "embed=1" } title=(title) loading="lazy" width="100%" height="640"
            style="border:0;max-width:100%" data-shanxi-eco-map {}
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn embed_snippet_has_title_lazy_loading_and_embed_mode() {
        let s = embed_snippet(
            "https://example.org/map/",
            "indicator=pm25&period=2023",
            "山西 PM2.5 \"2023\"",
        );
        assert!(s.starts_with("<iframe src=\"https://example.org/map/?indicator=pm25&amp;period=2023&amp;embed=1\""), "{s}");
        assert!(
            s.contains(r#"title="山西 PM2.5 &quot;2023&quot;""#) && s.contains(r#"loading="lazy""#)
        );
    }
}
