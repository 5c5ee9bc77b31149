//! Fetching text over HTTP, with failures turned into [`Error`]s.

use crate::error::Error;

/// GETs `url` and returns its body, or says in words what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, Error> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| Error::Network {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
    if !response.ok() {
        return Err(Error::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    response.text().await.map_err(|e| Error::Network {
        url: url.to_string(),
        reason: e.to_string(),
    })
}
