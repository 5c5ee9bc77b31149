//! Reading the data files' JSON into their types, by hand, over any JSON tree
//! that implements [`Node`]: `serde_json::Value` natively (tests, the build's
//! prerender), the browser's own `JSON.parse` result in the page (`net`).
//!
//! Why not serde's derives: measured on this app, the derived deserializers and
//! `serde_json` were about 103 KB of the 730 KB wasm (42 KB of 303 KB gzip);
//! the browser parses JSON without any wasm. With this reader the wasm went
//! from 729 577 to 666 017 bytes (302 971 → 277 195 gzip). The rules are
//! serde's defaults: unknown keys are ignored; a missing or
//! `null` optional field is `None`; a field with a default may be missing; any
//! other missing or mistyped field is an [`Error::Shape`] naming where it is.

use crate::error::Error;

/// Text that plainly is no JSON data file, said in words before any parser
/// sees it: nothing at all ([`Error::Empty`]), or a web page such as a proxy's
/// error page sent with status 200 ([`Error::WebPage`]).
pub fn not_json(file: &str, text: &str) -> Result<(), Error> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.is_empty() {
        return Err(Error::Empty {
            file: file.to_string(),
        });
    }
    if start.starts_with('<') {
        return Err(Error::WebPage {
            file: file.to_string(),
        });
    }
    Ok(())
}

/// A JSON value, as far as the reader needs it.
pub trait Node: Sized {
    /// The member `key` of an object; `None` when missing, `null`, or not an object.
    fn field(&self, key: &str) -> Option<Self>;
    fn text(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    /// The items of an array.
    fn items(&self) -> Option<Vec<Self>>;
}

/// A node and where it is in the file ("observations[3].value").
pub struct Json<N> {
    node: N,
    path: String,
}

/// Where-it-is and what-is-wrong, made an [`Error::Shape`] of a file by
/// [`read`].
pub type Wrong = String;

impl<N: Node> Json<N> {
    /// The file's root.
    pub fn root(node: N) -> Self {
        Json {
            node,
            path: String::new(),
        }
    }

    /// Where the member `key` of this node is.
    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn child(&self, key: &str) -> Option<Json<N>> {
        self.node.field(key).map(|node| Json {
            node,
            path: self.path_of(key),
        })
    }

    fn need(&self, key: &str) -> Result<Json<N>, Wrong> {
        self.child(key)
            .ok_or_else(|| format!("{}: missing field", self.path_of(key)))
    }

    fn wrong(&self, expected: &str) -> Wrong {
        format!("{}: expected {expected}", self.path)
    }

    /// This node as a string.
    pub fn as_text(&self) -> Result<String, Wrong> {
        self.node.text().ok_or_else(|| self.wrong("a string"))
    }

    /// This node as a number.
    pub fn as_number(&self) -> Result<f64, Wrong> {
        self.node.number().ok_or_else(|| self.wrong("a number"))
    }

    /// This node as a whole number ≥ 0.
    pub fn as_count(&self) -> Result<u32, Wrong> {
        let n = self.as_number()?;
        if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) {
            Ok(n as u32)
        } else {
            Err(self.wrong("a whole number"))
        }
    }

    /// Either a number or a string (a value that may be a category id).
    pub fn number_or_text(&self) -> Result<Result<f64, String>, Wrong> {
        match (self.node.number(), self.node.text()) {
            (Some(n), _) => Ok(Ok(n)),
            (_, Some(t)) => Ok(Err(t)),
            _ => Err(self.wrong("a number or a string")),
        }
    }

    /// The items of this array, each read by `f`.
    pub fn as_list<T>(&self, f: impl Fn(&Json<N>) -> Result<T, Wrong>) -> Result<Vec<T>, Wrong> {
        let items = self.node.items().ok_or_else(|| self.wrong("a list"))?;
        items
            .into_iter()
            .enumerate()
            .map(|(i, node)| {
                f(&Json {
                    node,
                    path: format!("{}[{i}]", self.path),
                })
            })
            .collect()
    }

    /// A required string field.
    pub fn text(&self, key: &str) -> Result<String, Wrong> {
        self.need(key)?.as_text()
    }

    /// An optional string field.
    pub fn opt_text(&self, key: &str) -> Result<Option<String>, Wrong> {
        self.child(key).map(|c| c.as_text()).transpose()
    }

    /// A string field that may be missing (then empty).
    pub fn text_or_empty(&self, key: &str) -> Result<String, Wrong> {
        Ok(self.opt_text(key)?.unwrap_or_default())
    }

    /// A required number field.
    pub fn number(&self, key: &str) -> Result<f64, Wrong> {
        self.need(key)?.as_number()
    }

    /// An optional number field.
    pub fn opt_number(&self, key: &str) -> Result<Option<f64>, Wrong> {
        self.child(key).map(|c| c.as_number()).transpose()
    }

    /// A required boolean field.
    pub fn boolean(&self, key: &str) -> Result<bool, Wrong> {
        let c = self.need(key)?;
        c.node.boolean().ok_or_else(|| c.wrong("true or false"))
    }

    /// A boolean field, `default` when missing.
    pub fn flag(&self, key: &str, default: bool) -> Result<bool, Wrong> {
        match self.child(key) {
            None => Ok(default),
            Some(c) => c.node.boolean().ok_or_else(|| c.wrong("true or false")),
        }
    }

    /// A required object field, read by `f`.
    pub fn object<T>(
        &self,
        key: &str,
        f: impl Fn(&Json<N>) -> Result<T, Wrong>,
    ) -> Result<T, Wrong> {
        f(&self.need(key)?)
    }

    /// An optional object field, read by `f`.
    pub fn opt_object<T>(
        &self,
        key: &str,
        f: impl Fn(&Json<N>) -> Result<T, Wrong>,
    ) -> Result<Option<T>, Wrong> {
        self.child(key).map(|c| f(&c)).transpose()
    }

    /// A required list field, each item read by `f`.
    pub fn list<T>(
        &self,
        key: &str,
        f: impl Fn(&Json<N>) -> Result<T, Wrong>,
    ) -> Result<Vec<T>, Wrong> {
        self.need(key)?.as_list(f)
    }

    /// A list field that may be missing (then empty).
    pub fn list_or_empty<T>(
        &self,
        key: &str,
        f: impl Fn(&Json<N>) -> Result<T, Wrong>,
    ) -> Result<Vec<T>, Wrong> {
        self.child(key)
            .map(|c| c.as_list(f))
            .transpose()
            .map(Option::unwrap_or_default)
    }

    /// A required list of strings.
    pub fn texts(&self, key: &str) -> Result<Vec<String>, Wrong> {
        self.list(key, Json::as_text)
    }

    /// One of `choices` (the string and what it means), else an error naming it.
    pub fn choice<T: Copy>(&self, key: &str, choices: &[(&str, T)]) -> Result<T, Wrong> {
        self.need(key)?.as_choice(choices)
    }

    /// This node as one of `choices`.
    pub fn as_choice<T: Copy>(&self, choices: &[(&str, T)]) -> Result<T, Wrong> {
        let t = self.as_text()?;
        choices
            .iter()
            .find(|(name, _)| *name == t)
            .map(|(_, v)| *v)
            .ok_or_else(|| format!("{}: unknown value \"{t}\"", self.path))
    }
}

/// Reads a file's root with `f`; what is wrong becomes an [`Error::Shape`] of `file`.
pub fn read<N: Node, T>(
    file: &str,
    root: N,
    f: impl FnOnce(&Json<N>) -> Result<T, Wrong>,
) -> Result<T, Error> {
    f(&Json::root(root)).map_err(|reason| Error::shape(file, reason))
}

impl Node for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
}

/// Parses `text` natively (tests, the build); what is not JSON is an
/// [`Error::Json`].
pub fn parse_text(file: &str, text: &str) -> Result<serde_json::Value, Error> {
    serde_json::from_str(text).map_err(|e| Error::from_json(file, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_serdes_defaults_and_errors_say_where() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"a": "x", "n": null, "l": [{"k": 1}, {"k": "two"}]}"#)
                .expect("json");
        let r = Json::root(v);
        assert_eq!(r.text("a"), Ok("x".into()));
        assert_eq!(r.opt_text("n"), Ok(None));
        assert_eq!(r.opt_text("missing"), Ok(None));
        assert_eq!(r.flag("missing", true), Ok(true));
        assert_eq!(r.text("missing"), Err("missing: missing field".into()));
        assert_eq!(
            r.list("l", |i| i.number("k")),
            Err("l[1].k: expected a number".into())
        );
        assert_eq!(r.list_or_empty("none", |i| i.number("k")), Ok(vec![]));
    }

    #[test]
    fn empty_text_and_web_pages_are_named_as_such() {
        assert!(matches!(not_json("f.json", ""), Err(Error::Empty { .. })));
        assert!(matches!(
            not_json("f.json", " \n\t"),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            not_json("f.json", "\u{feff}<!doctype html><h1>502 Bad Gateway</h1>"),
            Err(Error::WebPage { .. })
        ));
        assert_eq!(not_json("f.json", " {\"a\": 1}"), Ok(()));
        assert_eq!(not_json("f.json", "[1, 2"), Ok(()));
    }
}
