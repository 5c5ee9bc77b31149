//! What the data files share: reading JSON into a type, and ids that must be unique.

use std::collections::HashSet;

use serde::de::DeserializeOwned;

use crate::error::{Error, Item, Problem};

/// Reads `text` as JSON of type `T`; errors name `file`.
pub(crate) fn read_json<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| Error::from_json(file, e))
}

/// The ids, checked to be unique among themselves.
pub(crate) fn unique<'a>(
    file: &str,
    kind: Item,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<HashSet<&'a str>, Error> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(Error::validation(
                file,
                Problem::Duplicate {
                    kind,
                    id: id.to_string(),
                },
            ));
        }
    }
    Ok(seen)
}
