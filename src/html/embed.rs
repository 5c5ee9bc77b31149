//! The `<iframe>` snippet a host page pastes.

use maud::{html, PreEscaped};

/// The origin (`scheme://host[:port]`) of `url`, kept only if it is made of
/// the characters an origin has, so it can sit in a script's string.
fn origin_of(url: &str) -> Option<&str> {
    let after = url.find("://")? + 3;
    let end = url[after..].find('/').map_or(url.len(), |i| after + i);
    let origin = &url[..end];
    origin
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ".:/-[]".contains(c))
        .then_some(origin)
}

/// The script that sizes every map frame on the host page to the height the
/// map posts (`{type: "shanxi-eco-map:height", height}`), trusting only
/// messages from `origin`; pasted twice, it listens once.
fn sizer(origin: &str) -> String {
    format!(
        "(function(){{if(window.shanxiEcoMapSizer)return;window.shanxiEcoMapSizer=1;\
addEventListener(\"message\",function(e){{var d=e.data;\
if(e.origin!==\"{origin}\"||!d||d.type!==\"shanxi-eco-map:height\"||typeof d.height!==\"number\")return;\
document.querySelectorAll(\"iframe[data-shanxi-eco-map]\").forEach(function(f){{\
if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+\"px\"}})}})}})();"
    )
}

/// A ready `<iframe>` for a host page: the view's URL with `embed=1`, a title,
/// lazy loading, and the small script that sizes the frame to the map's
/// content (the map posts its height; see docs/embedding.md). Without the
/// script (a host that strips scripts) the frame is 640 px tall.
pub fn embed_snippet(page_url: &str, query: &str, title: &str) -> String {
    let sep = if query.is_empty() { "" } else { "&" };
    html! {
        iframe src={ (page_url) "?" (query) (sep) "embed=1" } title=(title) loading="lazy" width="100%" height="640"
            style="border:0;max-width:100%" data-shanxi-eco-map {}
        @if let Some(origin) = origin_of(page_url) {
            "\n" script { (PreEscaped(sizer(origin))) }
        }
    }
    .into_string()
}

/// The toolbar's Embed tool: its button and, while `open`, the dialog with
/// the `snippet` to copy. Its status (`span.copy-status`, a live region) is
/// written by the page in place ([`copy_status`]), so that a screen reader
/// hears it change.
pub fn embed_tools(open: bool, snippet: &str) -> String {
    html! {
        button.tool type="button" name="embed" aria-expanded=(if open { "true" } else { "false" }) { span.zh { "嵌入 " } " " span.en { "Embed" } }
        @if open {
            div.embed-box role="dialog" aria-label="嵌入代码 Embed code" {
                p { span.zh { "将以下代码粘贴到网页中，地图会显示当前视图，并自动调整高度。 " } " " span.en { "Paste this into a page to show the current view; it sizes itself to the map." } }
                textarea name="embed-code" aria-label="嵌入代码 Embed code" readonly rows="4" { (snippet) }
                button.tool type="button" name="copy-embed" { span.zh { "复制 " } " " span.en { "Copy" } }
                " "
                button.tool type="button" name="close-embed" { span.zh { "关闭 " } " " span.en { "Close" } }
                span.copy-status role="status" {}
            }
        }
    }
    .into_string()
}

/// What the Embed dialog's status says after a copy (`copied`: whether it
/// worked; `None` before one).
pub fn copy_status(copied: Option<bool>) -> &'static str {
    match copied {
        Some(true) => "已复制 Copied",
        Some(false) => "请按 Ctrl+C（⌘C）复制 Press Ctrl+C (⌘C) to copy",
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embed_tool_shows_its_dialog_only_when_open() {
        let closed = embed_tools(false, "<iframe>");
        assert!(closed.contains(r#"aria-expanded="false""#) && !closed.contains("embed-box"));
        let open = embed_tools(true, "<iframe src=\"x\">");
        assert!(open.contains(r#"aria-expanded="true""#), "{open}");
        assert!(
            open.contains("&lt;iframe src=&quot;x&quot;&gt;</textarea>"),
            "{open}"
        );
        assert!(
            open.contains(r#"<span class="copy-status" role="status"></span>"#),
            "{open}"
        );
        assert_eq!(copy_status(Some(true)), "已复制 Copied");
    }

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

    #[test]
    fn the_snippet_sizes_its_frame_from_the_maps_origin_only() {
        let s = embed_snippet("https://example.org:8443/map/", "indicator=pm25", "t");
        assert!(s.contains("<script>"), "{s}");
        assert!(
            s.contains(r#"e.origin!=="https://example.org:8443""#),
            "{s}"
        );
        assert!(s.contains("shanxi-eco-map:height") && s.contains("data-shanxi-eco-map"));
        // An address that is not a plain origin gets no script.
        let odd = embed_snippet("https://exa\"mple.org/map/", "", "t");
        assert!(!odd.contains("<script>"), "{odd}");
        assert_eq!(
            origin_of("http://127.0.0.1:8080"),
            Some("http://127.0.0.1:8080")
        );
    }
}
