//! A person's own table (CSV) → user indicators on the map.
//!
//! The table has a city column (adcode, Chinese or English name) and one or more
//! value columns, plus optional unit, period and source columns. Every row that
//! cannot be used is reported with its row number and the reason; nothing is
//! dropped silently. The CSV reader is a small RFC 4180 reader written here: the
//! tables are small, and the `csv` crate's generic machinery costs more wasm than
//! this whole module.

use std::collections::{BTreeMap, HashMap};

use super::geo::Region;
use super::indicators::{Indicator, IndicatorSet, Kind, Observation, Period, Source, Value};

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text{}; save it as “CSV UTF-8” and load it again", if *.likely_gbk { " (it looks like GBK, the usual encoding of Chinese Excel)" } else { "" })]
    NotUtf8 { likely_gbk: bool },
    #[error("no city column: name one column 城市, city or adcode")]
    NoCityColumn,
    #[error("no value column besides city, unit, period and source")]
    NoValueColumns,
    #[error("a quoted field opened on row {0} never closes")]
    UnclosedQuote(usize),
}

impl ImportError {
    /// The same in Chinese.
    pub fn zh(&self) -> String {
        match self {
            ImportError::Empty => "文件是空的。".into(),
            ImportError::NotUtf8 { likely_gbk: true } => "文件不是 UTF-8 编码（看起来是 GBK，中文版 Excel 的默认编码）。请另存为“CSV UTF-8”后重新载入。".into(),
            ImportError::NotUtf8 { likely_gbk: false } => "文件不是 UTF-8 文本。请另存为“CSV UTF-8”后重新载入。".into(),
            ImportError::NoCityColumn => "没有城市列：请将一列命名为“城市”、city 或 adcode。".into(),
            ImportError::NoValueColumns => "除城市、单位、时段、来源外没有数值列。".into(),
            ImportError::UnclosedQuote(r) => format!("第 {r} 行的引号没有闭合。"),
        }
    }
}

/// A row (or cell) that was not used, and why. Rows are numbered as a
/// spreadsheet shows them: the header is row 1.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    pub row: usize,
    pub column: Option<String>,
    pub zh: String,
    pub en: String,
}

/// What a file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// User indicators, periods, a source and observations, ready to merge.
    pub set: IndicatorSet,
    pub problems: Vec<RowProblem>,
    /// Data rows read (header excluded).
    pub rows: usize,
}

/// Values beyond this size are treated as mistakes, not data.
pub const ABSURD: f64 = 1e9;

/// Splits CSV text into records (RFC 4180: quotes, doubled quotes, CRLF or LF).
/// Returns each record with the line it started on.
pub fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let delimiter = if text
        .lines()
        .next()
        .is_some_and(|l| l.matches('\t').count() > l.matches(',').count())
    {
        '\t'
    } else {
        ','
    };
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            c if c == delimiter => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(ImportError::UnclosedQuote(start));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push((start, record));
    }
    records.retain(|(_, r)| r.iter().any(|f| !f.trim().is_empty()));
    Ok(records)
}

/// Decodes bytes as UTF-8 (a BOM is dropped), or says why not.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Err(ImportError::NotUtf8 {
            likely_gbk: looks_like_gbk(bytes),
        }),
    }
}

/// Whether non-ASCII bytes pair up as GBK characters do (lead 0x81–0xFE,
/// trail 0x40–0xFE except 0x7F).
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let (mut pairs, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0x81..=0xFE).contains(&b) && (0x40..=0xFE).contains(&t) && t != 0x7F => {
                pairs += 1;
                i += 2;
            }
            _ => return false,
        }
    }
    pairs > 0
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    City,
    Unit,
    Period,
    Source,
    Value,
}

fn role_of(header: &str) -> Role {
    let h = header.trim().to_ascii_lowercase();
    match h.as_str() {
        "city" | "城市" | "地区" | "地市" | "设区市" | "市" | "名称" | "name" | "adcode"
        | "行政区划代码" | "代码" | "code" | "region" => Role::City,
        "unit" | "单位" => Role::Unit,
        "period" | "时段" | "时间" | "期间" | "年份" | "year" | "date" | "月份" => {
            Role::Period
        }
        "source" | "来源" | "数据来源" => Role::Source,
        _ => Role::Value,
    }
}

/// "PM2.5(μg/m³)" or "PM2.5（μg/m³）" → ("PM2.5", Some("μg/m³")).
fn split_unit(header: &str) -> (String, Option<String>) {
    let h = header.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if let (Some(a), true) = (h.find(open), h.ends_with(close)) {
            let name = h[..a].trim().to_string();
            let unit = h[a + open.len_utf8()..h.len() - close.len_utf8()]
                .trim()
                .to_string();
            if !name.is_empty() && !unit.is_empty() {
                return (name, Some(unit));
            }
        }
    }
    (h.to_string(), None)
}

fn fold(s: &str) -> String {
    s.trim()
        .to_ascii_lowercase()
        .replace(['ü', 'Ü', 'ǚ', 'ǘ'], "u")
        .replace("lv", "lu")
        .replace([' ', '-', '\''], "")
}

/// Finds a region by adcode, Chinese name (with or without 市) or English name.
fn resolve<'a>(regions: &'a [Region], cell: &str) -> Option<&'a Region> {
    let c = cell.trim();
    if c.is_empty() {
        return None;
    }
    regions.iter().find(|r| {
        r.adcode == c
            || r.name_zh == c
            || r.short_name_zh() == c
            || r.name_zh.strip_suffix('市') == Some(c)
            || fold(&r.name_en) == fold(c)
            || fold(&r.name_en) == fold(c.trim_end_matches(" City").trim_end_matches(" city"))
    })
}

fn number(cell: &str) -> Result<Option<f64>, &'static str> {
    let c = cell
        .trim()
        .trim_end_matches(['%', '％'])
        .trim()
        .replace(['\u{a0}', ' '], "");
    if c.is_empty() || c == "-" || c == "—" || c == "/" {
        return Ok(None);
    }
    let v: f64 = c.parse().map_err(|_| "not a number")?;
    if !v.is_finite() || v.abs() >= ABSURD {
        return Err("absurd");
    }
    Ok(Some(v))
}

fn slug(s: &str, i: usize) -> String {
    let ascii: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if ascii.is_empty() {
        format!("user-{}", i + 1)
    } else {
        format!("user-{}-{}", ascii, i + 1)
    }
}

/// Reads a CSV file named `file_name` against the map's `regions`.
/// `existing` is the loaded data, so that new ids do not collide with it.
pub fn import_csv(
    file_name: &str,
    bytes: &[u8],
    regions: &[Region],
    existing: &IndicatorSet,
) -> Result<Import, ImportError> {
    let text = decode(bytes)?;
    let records = parse_csv(&text)?;
    let Some(((_, header), rows)) = records.split_first() else {
        return Err(ImportError::Empty);
    };
    let roles: Vec<Role> = header.iter().map(|h| role_of(h)).collect();
    let city_col = roles
        .iter()
        .position(|r| *r == Role::City)
        .ok_or(ImportError::NoCityColumn)?;
    let col = |role: Role| roles.iter().position(|r| *r == role);
    let (unit_col, period_col, source_col) =
        (col(Role::Unit), col(Role::Period), col(Role::Source));
    let value_cols: Vec<usize> = (0..header.len())
        .filter(|&i| roles[i] == Role::Value && !header[i].trim().is_empty())
        .collect();
    if value_cols.is_empty() {
        return Err(ImportError::NoValueColumns);
    }
    let batch = existing.indicators.iter().filter(|i| i.user).count();
    let source_id = format!(
        "user-source-{}",
        existing
            .sources
            .iter()
            .filter(|s| s.id.starts_with("user-source-"))
            .count()
            + 1
    );
    let mut set = IndicatorSet::default();
    let mut problems = Vec::new();
    let mut units: HashMap<usize, String> = HashMap::new();
    let mut periods: BTreeMap<String, String> = BTreeMap::new();
    let mut sources_named: Vec<String> = Vec::new();
    let mut seen: HashMap<(usize, String, String), usize> = HashMap::new();
    for (row_no, row) in rows.iter().map(|(line, r)| (*line, r)) {
        let cell = |i: usize| row.get(i).map(|s| s.trim()).unwrap_or("");
        let problem = |column: Option<&str>, zh: String, en: String| RowProblem {
            row: row_no,
            column: column.map(str::to_string),
            zh,
            en,
        };
        let Some(region) = resolve(regions, cell(city_col)) else {
            let c = cell(city_col);
            problems.push(if c.is_empty() {
                problem(None, "缺少城市".into(), "no city".into())
            } else {
                problem(
                    None,
                    format!("未知城市“{c}”"),
                    format!("unknown city “{c}”"),
                )
            });
            continue;
        };
        let period_label = period_col
            .map(cell)
            .filter(|p| !p.is_empty())
            .unwrap_or("")
            .to_string();
        let period_id = match periods.get(&period_label) {
            Some(id) => id.clone(),
            None => {
                let id = format!("user-period-{}-{}", batch + 1, periods.len() + 1);
                periods.insert(period_label.clone(), id.clone());
                id
            }
        };
        if let Some(s) = source_col.map(cell).filter(|s| !s.is_empty()) {
            if !sources_named.iter().any(|x| x == s) {
                sources_named.push(s.to_string());
            }
        }
        let row_unit = unit_col.map(cell).filter(|u| !u.is_empty());
        for &vc in &value_cols {
            let name = header[vc].trim();
            match number(cell(vc)) {
                Ok(None) => problems.push(problem(
                    Some(name),
                    "空值，显示为无数据".into(),
                    "empty: shown as no data".into(),
                )),
                Err(why) => problems.push(if why == "absurd" {
                    problem(
                        Some(name),
                        format!("数值“{}”不合理", cell(vc)),
                        format!("absurd value “{}”", cell(vc)),
                    )
                } else {
                    problem(
                        Some(name),
                        format!("“{}”不是数字", cell(vc)),
                        format!("“{}” is not a number", cell(vc)),
                    )
                }),
                Ok(Some(v)) => {
                    let key = (vc, region.adcode.clone(), period_id.clone());
                    if let Some(first) = seen.get(&key) {
                        problems.push(problem(
                            Some(name),
                            format!("{}在第 {first} 行已有数值，此行未用", region.name_zh),
                            format!(
                                "{} already has a value in row {first}; this one is not used",
                                region.name_en
                            ),
                        ));
                        continue;
                    }
                    seen.insert(key, row_no);
                    if let Some(u) = row_unit {
                        units.entry(vc).or_insert_with(|| u.to_string());
                    }
                    set.observations.push(Observation {
                        indicator: String::new(), // filled below
                        adcode: region.adcode.clone(),
                        period: period_id.clone(),
                        value: Value::Number(v),
                        scope: None,
                        source: source_id.clone(),
                        rank: None,
                        change_pct: None,
                        derived: false,
                        note_zh: None,
                        note_en: None,
                    });
                    // Remember which column it came from through the indicator id.
                    if let Some(o) = set.observations.last_mut() {
                        o.indicator = format!("#{vc}");
                    }
                }
            }
        }
    }
    // Indicators: one per value column that produced a value.
    for (n, &vc) in value_cols.iter().enumerate() {
        let (name, header_unit) = split_unit(&header[vc]);
        let id = slug(&name, batch + n);
        let placeholder = format!("#{vc}");
        if !set.observations.iter().any(|o| o.indicator == placeholder) {
            continue;
        }
        for o in set
            .observations
            .iter_mut()
            .filter(|o| o.indicator == placeholder)
        {
            o.indicator = id.clone();
        }
        set.indicators.push(Indicator {
            id,
            name_zh: format!("{name}（我的数据）"),
            name_en: format!("{name} (your data)"),
            kind: Kind::Numeric,
            unit: header_unit.or_else(|| units.get(&vc).cloned()),
            lower_is_better: true,
            categories: Vec::new(),
            description_zh: format!("由您载入的文件“{file_name}”，未经本站核实。"),
            description_en: format!("Loaded by you from “{file_name}”; not checked by this site."),
            user: true,
        });
    }
    for (label, id) in periods {
        let (zh, en) = if label.is_empty() {
            ("未注明时段".to_string(), "period not given".to_string())
        } else {
            (label.clone(), label.clone())
        };
        set.periods.push(Period {
            id,
            label_zh: zh,
            label_en: en,
            start: String::new(),
            end: String::new(),
            partial: false,
        });
    }
    let title = if sources_named.is_empty() {
        file_name.to_string()
    } else {
        sources_named.join("；")
    };
    set.sources.push(Source {
        id: source_id,
        outlet: "用户数据 your data".into(),
        title,
        date: String::new(),
        url: None,
    });
    Ok(Import {
        set,
        problems,
        rows: rows.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::geo::shipped_prefectures as regions;

    fn run(csv: &str) -> Result<Import, ImportError> {
        import_csv(
            "test.csv",
            csv.as_bytes(),
            &regions(),
            &IndicatorSet::default(),
        )
    }

    /// The shape of the provincial monthly notice: city, composite index, PM2.5, good-day ratio.
    const NOTICE: &str = "城市,综合指数,PM2.5(μg/m³),优良天数比例(%),时段,来源\n\
        太原,4.95,41,64.4,2023年,太原晚报\n\
        阳泉市,4.73,38,72.3,2023年,山西经济日报\n\
        Yuncheng,4.84,49,,2023年,运城日报\n";

    #[test]
    fn reads_a_notice_shaped_table() {
        let imp = run(NOTICE).expect("readable");
        assert_eq!(imp.rows, 3);
        let ids: Vec<&str> = imp.set.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), 3, "{ids:?}");
        let pm = imp
            .set
            .indicators
            .iter()
            .find(|i| i.name_en.starts_with("PM2.5"))
            .expect("PM2.5 column");
        assert_eq!(pm.unit.as_deref(), Some("μg/m³"));
        assert!(pm.user);
        let v = imp.set.values(&pm.id, &imp.set.periods[0].id);
        assert_eq!(v["140800"].value, Value::Number(49.0), "English names work");
        assert_eq!(v["140300"].value, Value::Number(38.0), "名称带“市”也可以");
        assert_eq!(imp.set.periods[0].label_zh, "2023年");
        assert_eq!(imp.set.sources[0].title, "太原晚报；山西经济日报；运城日报");
        // The empty good-day cell is reported, not dropped silently.
        assert_eq!(imp.problems.len(), 1);
        assert_eq!(
            (imp.problems[0].row, imp.problems[0].column.as_deref()),
            (4, Some("优良天数比例(%)"))
        );
        let mut merged = IndicatorSet::default();
        merged
            .merge(imp.set, "test.csv")
            .expect("merges into an empty set");
    }

    #[test]
    fn adcodes_names_and_bad_rows() {
        let csv = "adcode,value\n140100,1\n999999,2\n吕梁,3\nLvliang,4\n,5\n140200,abc\n140300,1e12\n\"140400\",\"6\"\n";
        let imp = run(csv).expect("readable");
        let id = &imp.set.indicators[0].id;
        let v = imp.set.values(id, &imp.set.periods[0].id);
        assert_eq!(v.len(), 3, "Taiyuan, Lüliang, Changzhi");
        assert_eq!(v["141100"].value, Value::Number(3.0));
        let rows: Vec<(usize, &str)> = imp
            .problems
            .iter()
            .map(|p| (p.row, p.en.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (3, "unknown city “999999”"),
                (
                    5,
                    "Lüliang already has a value in row 4; this one is not used"
                ),
                (6, "no city"),
                (7, "“abc” is not a number"),
                (8, "absurd value “1e12”"),
            ]
        );
    }

    #[test]
    fn empty_and_headless_files_say_why() {
        assert_eq!(run(""), Err(ImportError::Empty));
        assert_eq!(run("\u{feff}  \n"), Err(ImportError::Empty));
        assert_eq!(run("foo,bar\n1,2\n"), Err(ImportError::NoCityColumn));
        assert_eq!(run("城市,单位\n太原,%\n"), Err(ImportError::NoValueColumns));
        assert_eq!(
            run("城市,值\n\"太原,1\n"),
            Err(ImportError::UnclosedQuote(2))
        );
    }

    #[test]
    fn gbk_files_get_a_clear_message() {
        // "城市,值\n太原,1\n" in GBK.
        let gbk: &[u8] = b"\xb3\xc7\xca\xd0,\xd6\xb5\n\xcc\xab\xd4\xad,1\n";
        let err = import_csv("gbk.csv", gbk, &regions(), &IndicatorSet::default())
            .expect_err("not UTF-8");
        assert_eq!(err, ImportError::NotUtf8 { likely_gbk: true });
        assert!(err.to_string().contains("GBK") && err.zh().contains("UTF-8"));
        assert_eq!(
            decode(b"\xff\xff\xff"),
            Err(ImportError::NotUtf8 { likely_gbk: false })
        );
    }

    #[test]
    fn csv_reader_handles_quotes_crlf_and_tabs() {
        let r = parse_csv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",2\r\n")
            .expect("valid");
        assert_eq!(r[1].1, vec!["x, y", "say \"hi\""]);
        assert_eq!(r[2], (3, vec!["multi\nline".to_string(), "2".to_string()]));
        let t = parse_csv("城市\tPM2.5\n太原\t41\n").expect("valid");
        assert_eq!(t[1].1, vec!["太原", "41"]);
    }

    #[test]
    fn percent_signs_and_units_in_headers() {
        assert_eq!(number("64.4%"), Ok(Some(64.4)));
        assert_eq!(number(" — "), Ok(None));
        assert_eq!(
            split_unit("PM2.5（μg/m³）"),
            ("PM2.5".to_string(), Some("μg/m³".to_string()))
        );
        assert_eq!(split_unit("综合指数"), ("综合指数".to_string(), None));
    }

    #[test]
    fn second_import_gets_new_ids() {
        let first = run(NOTICE).expect("readable");
        let mut set = IndicatorSet::default();
        set.merge(first.set, "a").expect("merge");
        let second = import_csv("b.csv", NOTICE.as_bytes(), &regions(), &set).expect("readable");
        set.merge(second.set, "b").expect("no id collides");
        assert_eq!(set.indicators.len(), 6);
    }
}
