//! What the data files share: ids that must be unique.

use std::collections::HashSet;

use crate::error::{Error, Item, Problem};

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
