//! A person's CSV tables as they arrive in practice, table-driven: every
//! encoding Chinese Excel and other tools save, every separator, names in every
//! form, unknown and duplicate cities, empty and impossible values, markup and
//! formulas in cells, and files far too big or long. Each case is read (with
//! the unusable cells listed, each with its reason) or refused with one clear
//! message; nothing panics. What the page then writes (the table's CSV) is
//! checked against formula injection; a refused second file leaving the first
//! layer is a merge that never happens (tested in the browser too).

mod common;

use shanxi_eco_map::data::geo::Region;
use shanxi_eco_map::data::import::{import_bytes, CellError, Import, ImportError, Numbering};
use shanxi_eco_map::data::indicators::IndicatorSet;
use shanxi_eco_map::i18n::Lang;
use shanxi_eco_map::map::choropleth::choropleth;
use shanxi_eco_map::map::choropleth::Classing;
use shanxi_eco_map::present::table::{rows, to_csv};

fn regions() -> Vec<Region> {
    common::boundaries(common::PREFECTURES).regions
}

/// The ten other cities, one value each, as CSV lines after a header `城市,PM2.5(μg/m³)`.
const TEN: &str =
    "大同,28\n阳泉,38\n长治,35\n晋城,40\n朔州,30\n晋中,39\n运城,49\n忻州,33\n临汾,52\n吕梁,36\n";

/// What Chinese Excel's "CSV" holds for `城市,PM2.5\n太原,41\n` (GBK), and the
/// browser's GBK decoder as the worker passes it (a table of the bytes used).
const GBK: &[u8] = b"\xB3\xC7\xCA\xD0,PM2.5\n\xCC\xAB\xD4\xAD,41\n";

fn gbk(bytes: &[u8]) -> Option<String> {
    (bytes == GBK).then(|| "城市,PM2.5\n太原,41\n".to_string())
}

fn import(bytes: &[u8]) -> Result<Import, ImportError> {
    import_bytes("t.csv", bytes, &regions(), Numbering::default(), gbk)
}

/// Values read: (adcode, value) of the first indicator, first period.
fn values(imp: &Import) -> Vec<(String, f64)> {
    let Some(ind) = imp.set.indicators.first() else {
        return Vec::new();
    };
    let Some(per) = imp.set.periods.first() else {
        return Vec::new();
    };
    let mut v: Vec<(String, f64)> = imp
        .set
        .values(&ind.id, &per.id)
        .iter()
        .filter_map(|(code, o)| match o.value {
            shanxi_eco_map::data::indicators::Value::Number(n) => Some((code.to_string(), n)),
            _ => None,
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

enum Expect {
    /// Read: this many values of the first layer, and these reasons among the problems.
    Read(usize, &'static [&'static str]),
    /// Refused with these words in the message.
    Refused(&'static str),
}

#[test]
fn messy_tables_are_read_or_refused_in_words() {
    use Expect::{Read, Refused};
    let head = "城市,PM2.5(μg/m³)\n";
    let all = |first: &str| format!("{head}{first}\n{TEN}");
    let long_city = "太".repeat(5000);
    let cases: Vec<(&str, Vec<u8>, Expect)> = vec![
        ("UTF-8", all("太原,41").into_bytes(), Read(11, &[])),
        (
            "UTF-8 with a byte-order mark",
            format!("\u{feff}{}", all("太原,41")).into_bytes(),
            Read(11, &[]),
        ),
        ("GBK (Chinese Excel's CSV)", GBK.to_vec(), Read(1, &[])),
        (
            "UTF-16 LE with its mark",
            utf16(&all("太原,41"), true),
            Read(11, &[]),
        ),
        (
            "UTF-16 BE with its mark",
            utf16(&all("太原,41"), false),
            Read(11, &[]),
        ),
        (
            "semicolons",
            all("太原,41").replace(',', ";").into_bytes(),
            Read(11, &[]),
        ),
        (
            "tabs",
            all("太原,41").replace(',', "\t").into_bytes(),
            Read(11, &[]),
        ),
        (
            "CRLF line ends",
            all("太原,41").replace('\n', "\r\n").into_bytes(),
            Read(11, &[]),
        ),
        (
            "a quoted source with a newline and a comma",
            "城市,PM2.5(μg/m³),来源\n太原,41,\"太原晚报,\n2024年6月\"\n大同,28,x\n"
                .to_string()
                .into_bytes(),
            Read(2, &[]),
        ),
        ("太原市", all("太原市,41").into_bytes(), Read(11, &[])),
        ("Taiyuan", all("Taiyuan,41").into_bytes(), Read(11, &[])),
        (
            "taiyuan in lower case",
            all("taiyuan,41").into_bytes(),
            Read(11, &[]),
        ),
        ("140100", all("140100,41").into_bytes(), Read(11, &[])),
        (
            "a name in spaces",
            all("  太原  ,41").into_bytes(),
            Read(11, &[]),
        ),
        (
            "an unknown city",
            all("火星,41").into_bytes(),
            Read(10, &["unknown city"]),
        ),
        (
            "a county, not a city",
            all("平遥县,41").into_bytes(),
            Read(10, &["unknown city"]),
        ),
        (
            "a duplicate city",
            format!("{head}太原,41\n太原市,42\n{TEN}").into_bytes(),
            Read(11, &["already has a value"]),
        ),
        (
            "an empty cell",
            all("太原,").into_bytes(),
            Read(10, &["empty"]),
        ),
        ("a dash", all("太原,—").into_bytes(), Read(10, &["empty"])),
        ("NaN", all("太原,NaN").into_bytes(), Read(10, &["NaN"])),
        (
            "Infinity",
            all("太原,Infinity").into_bytes(),
            Read(10, &["Infinity"]),
        ),
        ("-inf", all("太原,-inf").into_bytes(), Read(10, &["-inf"])),
        (
            "1e308",
            all("太原,1e308").into_bytes(),
            Read(10, &["1e308"]),
        ),
        (
            "a word",
            all("太原,高").into_bytes(),
            Read(10, &["not a number"]),
        ),
        (
            "a thousands comma",
            all("太原,\"1,234\"").into_bytes(),
            Read(10, &["not a number"]),
        ),
        (
            "a negative concentration",
            all("太原,-5").into_bytes(),
            Read(10, &["below zero"]),
        ),
        (
            "a negative change is a change",
            format!("城市,PM2.5同比变化(%)\n太原,-5\n{TEN}").into_bytes(),
            Read(11, &[]),
        ),
        (
            "a percent sign",
            format!("城市,优良天数比例\n太原,64.4%\n{TEN}").into_bytes(),
            Read(11, &[]),
        ),
        (
            "a non-breaking space",
            all("太原,41\u{a0}").into_bytes(),
            Read(11, &[]),
        ),
        (
            "a short row",
            format!("城市,PM2.5,SO2\n太原,41\n{TEN}").into_bytes(),
            Read(11, &["empty"]),
        ),
        (
            "a long row",
            all("太原,41,99,extra").into_bytes(),
            Read(11, &[]),
        ),
        (
            "blank lines",
            format!("{head}\n太原,41\n\n\n{TEN}").into_bytes(),
            Read(11, &[]),
        ),
        (
            "script in a city cell",
            all("<script>alert(1)</script>,41").into_bytes(),
            Read(10, &["<script>alert(1)</script>"]),
        ),
        (
            "markup in a value cell",
            all("太原,<img src=x onerror=alert(1)>").into_bytes(),
            Read(10, &["not a number"]),
        ),
        (
            "markup in the header",
            format!("城市,<b>PM2.5</b>\n太原,41\n{TEN}").into_bytes(),
            Read(11, &[]),
        ),
        (
            "a formula as a city",
            all("=HYPERLINK(\"http://x\"),41").into_bytes(),
            Read(10, &["unknown city"]),
        ),
        (
            "a 5 000-character city",
            all(&format!("{long_city},41")).into_bytes(),
            Read(10, &["unknown city"]),
        ),
        ("an empty file", Vec::new(), Refused("empty")),
        ("only spaces", b"  \n \r\n".to_vec(), Refused("empty")),
        (
            "a header only",
            head.as_bytes().to_vec(),
            Refused("no rows"),
        ),
        (
            "a header and blank lines",
            format!("{head}\n,\n\n").into_bytes(),
            Refused("no rows"),
        ),
        (
            "no city column",
            "年份,PM2.5\n2023,41\n".to_string().into_bytes(),
            Refused("no city column"),
        ),
        (
            "no value column",
            "城市,来源\n太原,x\n".to_string().into_bytes(),
            Refused("no value column"),
        ),
        (
            "an unclosed quote",
            format!("{head}\"太原,41\n{TEN}").into_bytes(),
            Refused("never closes"),
        ),
        (
            "bytes that are no text",
            vec![0x80, 0x81, 0xFE, 0x00, 0xC0, 0xAF, 0xFF, 0x00, 0x01],
            Refused("not UTF-8"),
        ),
        (
            "a PNG picture",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(),
            Refused("not UTF-8"),
        ),
        (
            "a 30 MB file",
            {
                let mut b = head.as_bytes().to_vec();
                b.resize(30 * 1024 * 1024, b'1');
                b
            },
            Refused("too big (30.0 MB)"),
        ),
    ];
    let mut read = 0;
    for (what, bytes, expect) in &cases {
        let result = import(bytes);
        match (expect, &result) {
            (Read(n, reasons), Ok(imp)) => {
                assert_eq!(values(imp).len(), *n, "{what}: values read");
                let said: Vec<String> = imp.problems.iter().map(|p| p.text().en).collect();
                for r in reasons.iter() {
                    assert!(
                        said.iter().any(|s| s.contains(r)),
                        "{what}: \"{r}\" in {said:?}"
                    );
                }
                if reasons.is_empty() {
                    assert!(said.is_empty(), "{what}: no problem expected: {said:?}");
                }
                read += 1;
            }
            (Refused(words), Err(e)) => {
                let message = e.text();
                assert!(
                    message.en.contains(words),
                    "{what}: \"{words}\" in {}",
                    message.en
                );
                assert!(!message.zh.is_empty(), "{what}: said in Chinese too");
            }
            (_, other) => panic!("{what}: unexpected {other:?}"),
        }
    }
    println!(
        "{} tables: {read} read, {} refused",
        cases.len(),
        cases.len() - read
    );
    assert!(cases.len() >= 45);
}

#[test]
fn one_hundred_thousand_rows_are_read_and_their_problems_counted() {
    let mut csv = String::from("城市,PM2.5(μg/m³)\n");
    let names = [
        "太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁",
    ];
    for i in 0..100_000 {
        csv.push_str(&format!("{},{}\n", names[i % names.len()], 20 + i % 40));
    }
    let imp = import(csv.as_bytes()).expect("read");
    assert_eq!(imp.rows, 100_000);
    assert_eq!(values(&imp).len(), 11);
    // Every later row of a city repeats it, and says so.
    assert_eq!(imp.problems.len(), 100_000 - 11);
    assert!(matches!(imp.problems[0].cell, CellError::Duplicate { .. }));
}

#[test]
fn cells_a_spreadsheet_would_run_are_written_as_text() {
    // A table whose source cell is a formula: the page's CSV of the layer
    // writes it so that a spreadsheet shows it and runs nothing.
    let csv = "城市,PM2.5(μg/m³),来源\n太原,41,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\n大同,28,+SUM(A1)\n阳泉,38,-2+3\n长治,35,@cmd\n".to_string();
    let imp = import(csv.as_bytes()).expect("read");
    let mut set = IndicatorSet::default();
    set.merge(imp.set, "t.csv").expect("merges");
    let indicator = set.indicators[0].id.clone();
    let period = set.periods[0].id.clone();
    let regions = regions();
    let codes: Vec<String> = regions.iter().map(|r| r.adcode.clone()).collect();
    let fills = choropleth(
        &set,
        &indicator,
        &period,
        &Classing {
            classes: 5,
            ..Classing::default()
        },
        &codes,
    );
    let table = rows(&set, &indicator, &period, &regions, &fills);
    for lang in [Lang::Zh, Lang::En] {
        // The caption line too: it can hold a person's layer name.
        let out = to_csv(&table, "PM2.5", lang, Some("=HYPERLINK(\"x\") 的说明"));
        for line in out.trim_start_matches('\u{feff}').lines() {
            for cell in line.split(',') {
                let cell = cell.trim_matches('"');
                assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "{lang:?}: a cell a spreadsheet would run: {cell} in {line}"
                );
            }
        }
        assert!(out.contains("HYPERLINK"), "the text is kept: {out}");
    }
}

#[test]
fn a_refused_second_table_leaves_the_first_layer() {
    let first = import(format!("城市,PM2.5(μg/m³)\n太原,41\n{TEN}").as_bytes()).expect("read");
    let mut set = IndicatorSet::default();
    set.merge(first.set, "first.csv").expect("merges");
    let before = set.clone();
    let second = import_bytes(
        "second.csv",
        b"\xB3\xC7\xCA\xD0",
        &regions(),
        Numbering::after(&set),
        |_| None,
    );
    assert!(second.is_err(), "refused: {second:?}");
    assert_eq!(set, before, "the first table's layer is all there");
}
