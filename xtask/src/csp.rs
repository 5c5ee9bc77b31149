//! The Content-Security-Policy of a built `dist/`, computed from its
//! `index.html` after every build, so that the header never goes stale: the
//! page's inline `<script>` elements (Trunk's loader, the first view's
//! view script) and `<style>` elements (the first view's fills and name
//! places, the scripts-off rule) are allowed by their SHA-256 hashes, and
//! nothing else inline is.
//!
//! Written as `dist/headers.conf`: nginx `add_header` lines (the policy and the
//! other security headers) that `deploy/nginx.conf` includes in each location.
//! `docs/deploy.md` says how to send the same headers from a CDN.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

/// The file [`write_headers`] writes into `dist/`.
pub const HEADERS_FILE: &str = "headers.conf";

/// The contents of the inline elements named `tag` ("script" or "style") in
/// `html`: scripts with a `src` and data blocks (a `type` that is not
/// JavaScript, e.g. `application/json`) are not run, so not listed.
pub fn inline_elements<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        // `<scripts>` or `<style-x>` are other elements.
        if !after.starts_with(['>', ' ', '\t', '\n', '/']) {
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let attrs = &after[..gt];
        let body_and_rest = &after[gt + 1..];
        let Some(end) = body_and_rest.find(&close) else {
            break;
        };
        let body = &body_and_rest[..end];
        if tag != "script" || runs(attrs) {
            out.push(body);
        }
        rest = &body_and_rest[end + close.len()..];
    }
    out
}

/// Whether a `<script>` with these attributes runs inline code.
fn runs(attrs: &str) -> bool {
    let lower = attrs.to_ascii_lowercase();
    if lower.contains("src=") {
        return false;
    }
    match lower.split("type=").nth(1) {
        None => true,
        Some(t) => {
            let t = t.trim_start_matches(['"', '\'']);
            t.starts_with("module") || t.starts_with("text/javascript")
        }
    }
}

/// `'sha256-…'`, as CSP names a hash.
pub fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy for a page whose HTML is `html`.
pub fn policy(html: &str) -> String {
    let hashes = |tag: &str| {
        inline_elements(html, tag)
            .into_iter()
            .map(hash_source)
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "default-src 'none'; \
         script-src 'self' 'wasm-unsafe-eval' {scripts}; \
         style-src 'self' {styles}; \
         img-src 'self' data: blob:; \
         connect-src 'self'; \
         worker-src 'self'; \
         font-src 'self'; \
         manifest-src 'self'; \
         frame-ancestors *; \
         base-uri 'none'; \
         form-action 'none'",
        scripts = hashes("script"),
        styles = hashes("style"),
    )
}

/// The nginx lines: the policy and the other security headers (`always`, so
/// error responses carry them too).
pub fn headers_conf(html: &str) -> String {
    format!(
        "# Written by `cargo xtask build` from index.html (xtask/src/csp.rs); do not edit.\n\
         add_header Content-Security-Policy \"{}\" always;\n\
         add_header X-Content-Type-Options \"nosniff\" always;\n\
         add_header Referrer-Policy \"strict-origin-when-cross-origin\" always;\n",
        policy(html)
    )
}

/// Writes `dist/headers.conf` for `dist/index.html`.
pub fn write_headers(dist: &Path) -> Result<String, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let conf = headers_conf(&html);
    let path = dist.join(HEADERS_FILE);
    std::fs::write(&path, &conf).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(policy(&html))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><script type=module>import x from './a.js';</script>\
        <script defer src=export.js></script><noscript><style>.a{b:c}</style></noscript></head>\
        <body><script>(function(){})()</script><script id=map-data type=application/json>{\"a\":1}</script>\
        <style>.f{fill:red}</style></body></html>";

    #[test]
    fn inline_code_is_found_and_data_blocks_are_not() {
        assert_eq!(
            inline_elements(PAGE, "script"),
            ["import x from './a.js';", "(function(){})()"]
        );
        assert_eq!(inline_elements(PAGE, "style"), [".a{b:c}", ".f{fill:red}"]);
    }

    #[test]
    fn hashes_are_csp_sources() {
        // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn the_policy_allows_what_the_page_needs_and_nothing_inline_else() {
        let p = policy(PAGE);
        assert_eq!(p.matches("'sha256-").count(), 4, "{p}");
        for part in [
            "default-src 'none'",
            "'wasm-unsafe-eval'",
            "frame-ancestors *",
            "base-uri 'none'",
            "form-action 'none'",
            "img-src 'self' data: blob:",
        ] {
            assert!(p.contains(part), "{part}: {p}");
        }
        assert!(!p.contains("unsafe-inline"), "{p}");
    }
}
