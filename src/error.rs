//! The crate's one error type.

/// Errors of loading and reading the app's data, worded for the person using the map.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The request did not complete (offline, blocked, aborted).
    #[error("could not fetch {url}: {reason}")]
    Network { url: String, reason: String },
    /// The server answered with an error status.
    #[error("{url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    /// The file is not the GeoJSON the map expects.
    #[error("{what} is not valid: {reason}")]
    Invalid { what: String, reason: String },
}
