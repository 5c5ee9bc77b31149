//! What the CSV worker hands back to the page: the table read as an indicator
//! file (the format the page already reads, see `docs/data-format.md`), the
//! rows read and every row or cell not used, or why the file was refused; as
//! JSON text, which the page parses with the browser's own `JSON.parse`.
//!
//! The worker reads the table off the page's thread (a large file no longer
//! freezes the page) and keeps the reading code out of the page's wasm.

use serde_json::json;

use super::{Import, ImportError};
use crate::data::indicators::IndicatorSet;
use crate::data::json::Node;
use crate::i18n::Text;

/// A row or cell not used, with its reason in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemLine {
    /// As a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The value column's header, for problems of one cell.
    pub column: Option<String>,
    pub text: Text,
}

/// A table read: its layers, the rows read, what was not used.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub set: IndicatorSet,
    pub rows: usize,
    pub problems: Vec<ProblemLine>,
    /// Rows or cells not used beyond those listed.
    pub more: usize,
    /// Read as GBK, not UTF-8.
    pub read_as_gbk: bool,
}

/// At most this many rows or cells not used are listed (the rest counted):
/// a table of 100 000 bad rows must not become 100 000 lines of report.
pub const LISTED: usize = 200;

/// The worker's answer for an import, as JSON text.
pub fn write(result: &Result<Import, ImportError>) -> String {
    let text = |t: Text| json!({"zh": t.zh, "en": t.en});
    match result {
        Err(e) => json!({ "error": text(e.text()) }),
        Ok(imp) => json!({
            "set": imp.set,
            "rows": imp.rows,
            "gbk": imp.read_as_gbk,
            "more": imp.problems.len().saturating_sub(LISTED),
            "problems": imp.problems.iter().take(LISTED).map(|p| json!({
                "row": p.row,
                "column": p.column,
                "reason": text(p.text()),
            })).collect::<Vec<_>>(),
        }),
    }
    .to_string()
}

/// Reads the worker's answer (`root`: the parsed JSON); the refusal, or an
/// answer that makes no sense, as words.
pub fn read<N: Node>(root: N) -> Result<Answer, Text> {
    let words =
        |n: &N| -> Option<Text> { Some(Text::new(n.field("zh")?.text()?, n.field("en")?.text()?)) };
    let garbled = || {
        Text::new(
            "读取文件的程序答非所问。",
            "the file reader gave an answer that makes no sense",
        )
    };
    if let Some(e) = root.field("error") {
        return Err(words(&e).unwrap_or_else(garbled));
    }
    let set =
        IndicatorSet::read("CSV", root.field("set").ok_or_else(garbled)?).map_err(|e| e.text())?;
    let rows = root
        .field("rows")
        .and_then(|r| r.number())
        .ok_or_else(garbled)? as usize;
    let problems = root
        .field("problems")
        .and_then(|p| p.items())
        .ok_or_else(garbled)?
        .iter()
        .map(|p| {
            Some(ProblemLine {
                row: p.field("row")?.number()? as usize,
                column: p.field("column").and_then(|c| c.text()),
                text: words(&p.field("reason")?)?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(garbled)?;
    let read_as_gbk = root.field("gbk").and_then(|g| g.boolean()).unwrap_or(false);
    let more = root.field("more").and_then(|m| m.number()).unwrap_or(0.0) as usize;
    Ok(Answer {
        set,
        rows,
        problems,
        more,
        read_as_gbk,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures;
    use crate::data::import::{import_csv, Numbering};

    fn round_trip(csv: &str) -> Result<Answer, Text> {
        let result = import_csv(
            "t.csv",
            csv.as_bytes(),
            &fixtures::prefectures(),
            Numbering::default(),
        );
        let text = write(&result);
        let root: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        read(root)
    }

    #[test]
    fn a_table_and_its_problems_come_back_whole() {
        let a = round_trip("城市,PM2.5\n太原,41\n火星,3\n大同,abc\n").expect("read");
        assert_eq!(a.rows, 3);
        assert_eq!(a.set.indicators.len(), 1);
        assert_eq!(a.set.observations.len(), 1);
        assert_eq!(a.problems.len(), 2);
        assert_eq!(a.problems[0].row, 3);
        assert!(
            a.problems[0].text.zh.contains("火星"),
            "{:?}",
            a.problems[0]
        );
        assert_eq!(a.problems[1].column.as_deref(), Some("PM2.5"));
    }

    #[test]
    fn a_long_list_of_problems_is_cut_and_counted() {
        let mut csv = String::from("城市,值\n太原,1\n");
        for _ in 0..1000 {
            csv.push_str("火星,1\n");
        }
        let a = round_trip(&csv).expect("read");
        assert_eq!(a.rows, 1001);
        assert_eq!(a.problems.len(), LISTED);
        assert_eq!(a.more, 1000 - LISTED);
    }

    #[test]
    fn a_refusal_comes_back_in_words() {
        let e = round_trip("").expect_err("empty");
        assert_eq!(e, ImportError::Empty.text());
        let nonsense: serde_json::Value = serde_json::from_str(r#"{"rows": 1}"#).expect("JSON");
        assert!(read(nonsense)
            .expect_err("no set")
            .en
            .contains("makes no sense"));
    }
}
