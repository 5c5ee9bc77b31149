//! A person's own table (CSV) → user indicators on the map.
//!
//! The table has a city column (adcode, Chinese or English name) and one or more
//! value columns, plus optional unit, period and source columns. Every row that
//! cannot be used is reported with its row number and the reason; nothing is
//! dropped silently.
//!
//! [`reader`] turns bytes into records, [`columns`] finds what each column is and
//! which city a row names, [`places`] which county, [`cells`] reads numbers;
//! this module builds the indicators.

mod cells;
mod columns;
pub mod message;
pub mod places;
mod reader;

use std::collections::{BTreeMap, HashMap};

pub use self::cells::{CellError, ABSURD};
use self::columns::{resolve, role_of, split_unit, Role};
use self::places::{ambiguity, find_county, Place};
pub use self::reader::{decode, parse_csv};
use super::geo::Region;
use super::indicators::{
    Category, Indicator, IndicatorSet, Kind, Level, Observation, Period, Source, Value,
};
use crate::i18n::Text;

/// The start of the ids of a person's own layers (`user-1`, `user-pm25-2`):
/// they exist only in the browser that loaded the file.
pub const USER_PREFIX: &str = "user-";

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    Empty,
    NotUtf8 {
        likely_gbk: bool,
    },
    NoCityColumn,
    NoValueColumns,
    /// A header and no row under it.
    NoRows,
    /// A quoted field that opened on this row never closes.
    UnclosedQuote(usize),
    /// Larger than [`MAX_BYTES`] (its size in bytes).
    TooBig(u64),
}

/// The largest table the map reads: 10 MiB, far more than a table of cities
/// or counties by period needs (100 000 rows of one are about 3 MB), and
/// refused at once, before any byte is read, so that a huge file never
/// stalls the page.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

impl ImportError {
    /// The message in Chinese and English.
    pub fn text(&self) -> Text {
        match self {
            ImportError::Empty => Text::new("文件是空的。", "the file is empty"),
            ImportError::NotUtf8 { likely_gbk: true } => Text::new(
                "文件不是 UTF-8 编码（看起来是 GBK，中文版 Excel 的默认编码）。请另存为“CSV UTF-8”后重新载入。",
                "the file is not UTF-8 text (it looks like GBK, the usual encoding of Chinese Excel); save it as “CSV UTF-8” and load it again",
            ),
            ImportError::NotUtf8 { likely_gbk: false } => Text::new(
                "文件不是 UTF-8 文本。请另存为“CSV UTF-8”后重新载入。",
                "the file is not UTF-8 text; save it as “CSV UTF-8” and load it again",
            ),
            ImportError::NoCityColumn => Text::new(
                "没有城市列：请将一列命名为“城市”、city 或 adcode。",
                "no city column: name one column 城市, city or adcode",
            ),
            ImportError::NoValueColumns => Text::new(
                "除城市、单位、时段、来源外没有数值列。",
                "no value column besides city, unit, period and source",
            ),
            ImportError::NoRows => Text::new(
                "文件只有表头，没有数据行。",
                "the file has a header but no rows under it",
            ),
            ImportError::UnclosedQuote(r) => Text::new(
                format!("第 {r} 行的引号没有闭合。"),
                format!("a quoted field opened on row {r} never closes"),
            ),
            ImportError::TooBig(bytes) => {
                let mb = |b: u64| crate::format::fixed(b as f64 / 1_048_576.0, 1);
                Text::new(
                    format!("文件太大（{} MB）：地图只读取 {} MB 以内的表格。", mb(*bytes), mb(MAX_BYTES)),
                    format!("the file is too big ({} MB): the map reads tables of up to {} MB", mb(*bytes), mb(MAX_BYTES)),
                )
            }
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

/// A row (or cell) that was not used, and why. Rows are numbered as a
/// spreadsheet shows them: the header is row 1.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    pub row: usize,
    /// The value column's header, for problems of one cell.
    pub column: Option<String>,
    pub cell: CellError,
}

impl RowProblem {
    /// The reason in Chinese and English.
    pub fn text(&self) -> Text {
        self.cell.text()
    }
}

/// What a file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// User indicators, periods, a source and observations, ready to merge.
    pub set: IndicatorSet,
    pub problems: Vec<RowProblem>,
    /// Data rows read (header excluded).
    pub rows: usize,
    /// The file was not UTF-8 and was read as GBK (what Chinese Excel saves).
    pub read_as_gbk: bool,
}

fn slug(s: &str, i: usize) -> String {
    let ascii: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if ascii.is_empty() {
        format!("{USER_PREFIX}{}", i + 1)
    } else {
        format!("{USER_PREFIX}{}-{}", ascii, i + 1)
    }
}

/// The most distinct words a column of words may have to be drawn as
/// categories (a palette tells about a dozen apart).
const MAX_CATEGORIES: usize = 12;

/// One value column while the rows are read.
#[derive(Default)]
struct Column {
    /// (adcode, period id, value), in row order.
    values: Vec<(String, String, Value)>,
    /// A column of words (每个非空格都不是数字): its categories, in the order
    /// they first appear; empty for a column of numbers.
    categories: Vec<String>,
    /// The first unit a row with a value gave.
    unit: Option<String>,
    /// (adcode, period id) → the row of its value.
    rows: HashMap<(String, String), usize>,
}

/// Where the ids of a new import start, so that they do not collide with the
/// person's earlier imports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Numbering {
    /// The person's layers loaded so far.
    pub layers: usize,
    /// The person's sources loaded so far.
    pub sources: usize,
}

impl Numbering {
    /// After what `existing` (the loaded data) holds.
    pub fn after(existing: &IndicatorSet) -> Self {
        Numbering {
            layers: existing.indicators.iter().filter(|i| i.user).count(),
            sources: existing
                .sources
                .iter()
                .filter(|s| s.id.starts_with("user-source-"))
                .count(),
        }
    }
}

/// Reads a CSV file named `file_name` against the map's `regions`, its ids
/// numbered after `numbering`. UTF-8 only: see [`import_bytes`].
pub fn import_csv(
    file_name: &str,
    bytes: &[u8],
    regions: &[Region],
    numbering: Numbering,
) -> Result<Import, ImportError> {
    import_bytes(file_name, bytes, regions, numbering, |_| None)
}

/// [`import_csv`], reading a file that is not UTF-8 but looks like GBK with
/// `gbk` (the browser's `TextDecoder("gbk")` in the worker; `None` if it
/// cannot), so that what Chinese Excel saves is read as it is.
pub fn import_bytes(
    file_name: &str,
    bytes: &[u8],
    regions: &[Region],
    numbering: Numbering,
    gbk: impl Fn(&[u8]) -> Option<String>,
) -> Result<Import, ImportError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ImportError::TooBig(bytes.len() as u64));
    }
    let (text, read_as_gbk) = match decode(bytes) {
        Ok(text) => (text, false),
        Err(e @ ImportError::NotUtf8 { likely_gbk: true }) => (gbk(bytes).ok_or(e)?, true),
        Err(e) => return Err(e),
    };
    let mut imp = import_text(file_name, &text, regions, numbering)?;
    imp.read_as_gbk = read_as_gbk;
    Ok(imp)
}

/// Reads a table's text (see [`import_csv`]).
fn import_text(
    file_name: &str,
    text: &str,
    regions: &[Region],
    numbering: Numbering,
) -> Result<Import, ImportError> {
    let records = parse_csv(text)?;
    // Title lines above the header (one filled cell each, as official tables
    // and this map's own download have) are not the header.
    let filled = |r: &[String]| r.iter().filter(|c| !c.trim().is_empty()).count();
    let header_at = records.iter().position(|(_, r)| filled(r) > 1).unwrap_or(0);
    let Some(((_, header), rows)) = records[header_at..].split_first() else {
        return Err(ImportError::Empty);
    };
    let roles: Vec<Role> = header.iter().map(|h| role_of(h)).collect();
    let col = |role: Role| roles.iter().position(|r| *r == role);
    // The places: prefectures, and counties (with their prefecture as parent)
    // where the page has them.
    let (counties, prefectures): (Vec<Region>, Vec<Region>) =
        regions.iter().cloned().partition(|r| r.parent.is_some());
    let county_col = col(Role::County);
    let city_col = col(Role::City);
    // A county table: it has a county column (its city column, if any, names
    // the prefecture), or its places are counties more often than cities.
    let (place_col, prefecture_col, level) = match (county_col, city_col) {
        (Some(c), p) => (c, p, Level::County),
        (None, Some(c)) => {
            let places: Vec<&str> = rows
                .iter()
                .filter_map(|(_, r)| r.get(c).map(|s| s.trim()))
                .collect();
            let as_cities = places
                .iter()
                .filter(|p| resolve(&prefectures, p).is_some())
                .count();
            let as_counties = places
                .iter()
                .filter(|p| find_county(&counties, &prefectures, p, None) != Place::Unknown)
                .count();
            let level = if as_counties > as_cities {
                Level::County
            } else {
                Level::Prefecture
            };
            (c, None, level)
        }
        (None, None) => return Err(ImportError::NoCityColumn),
    };
    let (unit_col, period_col, source_col) =
        (col(Role::Unit), col(Role::Period), col(Role::Source));
    let value_cols: Vec<usize> = (0..header.len())
        .filter(|&i| roles[i] == Role::Value && !header[i].trim().is_empty())
        .collect();
    if value_cols.is_empty() {
        return Err(ImportError::NoValueColumns);
    }
    if rows
        .iter()
        .all(|(_, r)| r.iter().all(|c| c.trim().is_empty()))
    {
        return Err(ImportError::NoRows);
    }
    let batch = numbering.layers;
    let mut problems = Vec::new();
    // A column whose filled cells are all words, and few distinct ones, is a
    // categorical layer (e.g. 是/否, or a list's names); any number in it
    // makes it a column of numbers, its words then listed as not numbers.
    let mut columns: Vec<Column> = value_cols
        .iter()
        .map(|&vc| {
            let mut words: Vec<String> = Vec::new();
            let mut numbers = false;
            for (_, r) in rows {
                let c = r.get(vc).map(|s| s.trim()).unwrap_or("");
                match cells::number(c) {
                    Ok(None) => {}
                    Err(CellError::NotANumber(_)) => {
                        if !words.iter().any(|w| w == c) {
                            words.push(c.to_string());
                        }
                    }
                    _ => numbers = true,
                }
            }
            let categorical = !numbers && (1..=MAX_CATEGORIES).contains(&words.len());
            Column {
                categories: if categorical { words } else { Vec::new() },
                ..Column::default()
            }
        })
        .collect();
    let mut periods: BTreeMap<String, String> = BTreeMap::new();
    let mut sources_named: Vec<String> = Vec::new();
    for (row_no, row) in rows.iter().map(|(line, r)| (*line, r)) {
        let cell = |i: usize| row.get(i).map(|s| s.trim()).unwrap_or("");
        let mut problem = |column: Option<&str>, cell: CellError| {
            problems.push(RowProblem {
                row: row_no,
                column: column.map(str::to_string),
                cell,
            })
        };
        let place = cell(place_col);
        let found = match (place, level) {
            ("", _) => Err(CellError::NoCity),
            (_, Level::Prefecture) => {
                resolve(&prefectures, place).ok_or_else(|| CellError::UnknownCity(place.into()))
            }
            (_, Level::County) => {
                match find_county(&counties, &prefectures, place, prefecture_col.map(cell)) {
                    Place::County(r) => Ok(r),
                    Place::Unknown => Err(CellError::UnknownCity(place.into())),
                    Place::Ambiguous(list) => Err(ambiguity(place, &list, &prefectures)),
                }
            }
        };
        let region = match found {
            Ok(r) => r,
            Err(e) => {
                problem(None, e);
                continue;
            }
        };
        let period_label = period_col.map(cell).unwrap_or("").to_string();
        let next_id = format!("user-period-{}-{}", batch + 1, periods.len() + 1);
        let period_id = periods.entry(period_label).or_insert(next_id).clone();
        if let Some(s) = source_col.map(cell).filter(|s| !s.is_empty()) {
            if !sources_named.iter().any(|x| x == s) {
                sources_named.push(s.to_string());
            }
        }
        let row_unit = unit_col.map(cell).filter(|u| !u.is_empty());
        for (&vc, column) in value_cols.iter().zip(&mut columns) {
            let name = Some(header[vc].trim());
            let v = match cells::number(cell(vc)) {
                Err(CellError::NotANumber(_)) if !column.categories.is_empty() => {
                    let at = column.categories.iter().position(|w| w == cell(vc));
                    Value::Category(format!("c{}", at.unwrap_or(0) + 1))
                }
                Ok(Some(v)) if v < 0.0 && cells::never_negative(&header[vc], row_unit) => {
                    problem(name, CellError::Negative(cell(vc).trim().to_string()));
                    continue;
                }
                Ok(Some(v)) => Value::Number(v),
                Ok(None) => {
                    problem(name, CellError::Empty);
                    continue;
                }
                Err(e) => {
                    problem(name, e);
                    continue;
                }
            };
            let key = (region.adcode.clone(), period_id.clone());
            if let Some(&first_row) = column.rows.get(&key) {
                let (city_zh, city_en) = (region.name_zh.clone(), region.name_en.clone());
                problem(
                    name,
                    CellError::Duplicate {
                        city_zh,
                        city_en,
                        first_row,
                    },
                );
                continue;
            }
            column.rows.insert(key, row_no);
            if column.unit.is_none() {
                column.unit = row_unit.map(str::to_string);
            }
            column
                .values
                .push((region.adcode.clone(), period_id.clone(), v));
        }
    }
    let source_id = format!("user-source-{}", numbering.sources + 1);
    let mut set = IndicatorSet::default();
    // Indicators: one per value column that produced a value.
    for (n, (&vc, column)) in value_cols.iter().zip(columns).enumerate() {
        if column.values.is_empty() {
            continue;
        }
        let (name, header_unit) = split_unit(&header[vc]);
        let id = slug(&name, batch + n);
        set.observations
            .extend(
                column
                    .values
                    .into_iter()
                    .map(|(adcode, period, value)| Observation {
                        indicator: id.clone(),
                        adcode,
                        period,
                        value,
                        scope: None,
                        source: source_id.clone(),
                        rank: None,
                        change_pct: None,
                        derived: false,
                        note_zh: None,
                        note_en: None,
                    }),
            );
        set.indicators.push(Indicator {
            id,
            name_zh: format!("{name}（我的数据）"),
            name_en: format!("{name} (your data)"),
            kind: if column.categories.is_empty() {
                Kind::Numeric
            } else {
                Kind::Categorical
            },
            unit: header_unit.or(column.unit),
            lower_is_better: true,
            categories: column
                .categories
                .iter()
                .enumerate()
                .map(|(i, w)| Category {
                    id: format!("c{}", i + 1),
                    name_zh: w.clone(),
                    name_en: w.clone(),
                    color: None,
                })
                .collect(),
            description_zh: format!("由您载入的文件“{file_name}”，未经本站核实。"),
            description_en: format!("Loaded by you from “{file_name}”; not checked by this site."),
            user: true,
            remediation: false,
        });
    }
    for (label, id) in periods {
        let (zh, en) = if label.is_empty() {
            ("未注明时段".to_string(), "period not given".to_string())
        } else {
            (label.clone(), label)
        };
        set.periods.push(Period {
            id,
            label_zh: zh,
            label_en: en,
            start: String::new(),
            end: String::new(),
            partial: false,
            ..Period::default()
        });
    }
    // The table's own 来源 column names the source wherever the built-in
    // sources show; the file stands in for the article.
    let outlet = if sources_named.is_empty() {
        "用户数据 your data".to_string()
    } else {
        sources_named.join("；")
    };
    set.sources.push(Source {
        id: source_id,
        outlet,
        outlet_en: None,
        title: file_name.to_string(),
        date: String::new(),
        url: None,
    });
    Ok(Import {
        set,
        problems,
        rows: rows.len(),
        read_as_gbk: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::fixtures;

    fn run(csv: &str) -> Result<Import, ImportError> {
        import_csv(
            "test.csv",
            csv.as_bytes(),
            &fixtures::prefectures(),
            Numbering::default(),
        )
    }

    /// The shape of the provincial monthly notice: city, composite index, PM2.5, good-day ratio.
    const NOTICE: &str = "城市,综合指数,PM2.5(μg/m³),优良天数比例(%),时段,来源\n\
        太原,4.95,41,64.4,2023年,太原晚报\n\
        吕梁市,4.73,38,72.3,2023年,吕梁日报\n\
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
        assert_eq!(v["141100"].value, Value::Number(38.0), "名称带“市”也可以");
        assert_eq!(imp.set.periods[0].label_zh, "2023年");
        assert_eq!(imp.set.sources[0].outlet, "太原晚报；吕梁日报；运城日报");
        // The empty good-day cell is reported, not dropped silently.
        assert_eq!(
            imp.problems,
            vec![RowProblem {
                row: 4,
                column: Some("优良天数比例(%)".into()),
                cell: CellError::Empty
            }]
        );
        let mut merged = IndicatorSet::default();
        merged
            .merge(imp.set, "test.csv")
            .expect("merges into an empty set");
    }

    #[test]
    fn title_lines_above_the_header_are_skipped() {
        // This map's own download: the caption (quoted, commas inside), a
        // blank line, then the table. Rows keep the numbers a spreadsheet shows.
        let own = "\u{feff}\"2023年，太原最差, Taiyuan worst\"\r\n\r\n城市,PM2.5 (μg/m³)\r\n太原,41\r\nabc,1\r\n";
        let imp = run(own).expect("readable");
        assert_eq!(imp.rows, 2);
        assert!(imp.set.indicators[0].name_zh.starts_with("PM2.5"));
        assert_eq!(imp.problems[0].row, 5, "{:?}", imp.problems);
        // An official table's title row, tab-separated.
        let official = "2023年12月设区市环境空气质量状况\n城市\t综合指数\n太原\t4.95\n";
        let imp = run(official).expect("readable");
        let v = imp
            .set
            .values(&imp.set.indicators[0].id, &imp.set.periods[0].id);
        assert_eq!(v["140100"].value, Value::Number(4.95));
    }

    /// The shipped prefectures and counties, as the page hands them over.
    fn places() -> Vec<Region> {
        let mut all = fixtures::shipped_regions("shanxi-prefectures.geojson");
        all.extend(fixtures::shipped_regions("shanxi-counties.geojson"));
        all
    }

    fn run_places(csv: &str) -> Result<Import, ImportError> {
        import_csv("t.csv", csv.as_bytes(), &places(), Numbering::default())
    }

    #[test]
    fn a_county_table_by_county_column_with_its_prefecture() {
        let csv = "地市,区县,数值\n晋城,城区,1\n阳泉,城区,2\n,城区,3\n太原,小店区,4\n大同,小店区,5\n,140581,6\n";
        let imp = run_places(csv).expect("readable");
        let id = &imp.set.indicators[0].id;
        assert_eq!(imp.set.level(id), Level::County);
        let v = imp.set.values(id, &imp.set.periods[0].id);
        let got: Vec<(&str, f64)> = v
            .iter()
            .map(|(k, o)| {
                (
                    *k,
                    if let Value::Number(n) = o.value {
                        n
                    } else {
                        -1.0
                    },
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("140105", 4.0),
                ("140302", 2.0),
                ("140502", 1.0),
                ("140581", 6.0)
            ]
        );
        let why: Vec<(usize, String)> = imp.problems.iter().map(|p| (p.row, p.text().zh)).collect();
        assert_eq!(
            why,
            [
                (
                    4,
                    "“城区”有多处：阳泉市城区、晋城市城区；请写明所属地市".to_string()
                ),
                (6, "未知城市“小店区”".to_string()),
            ],
            "the ambiguous name and the county in the wrong prefecture"
        );
    }

    #[test]
    fn a_county_table_by_names_alone_and_a_column_of_words() {
        // The Yellow River main-stem counties as a categorical layer.
        let csv = "名称,黄河干流流经,来源\n偏关县,是,新闻\n河曲,是,新闻\n小店区,否,新闻\n平陆县,是,新闻\n";
        let imp = run_places(csv).expect("readable");
        assert!(imp.problems.is_empty(), "{:?}", imp.problems);
        let ind = &imp.set.indicators[0];
        assert_eq!(ind.kind, Kind::Categorical);
        let names: Vec<&str> = ind.categories.iter().map(|c| c.name_zh.as_str()).collect();
        assert_eq!(names, ["是", "否"]);
        assert_eq!(imp.set.level(&ind.id), Level::County);
        let v = imp.set.values(&ind.id, &imp.set.periods[0].id);
        assert_eq!(v.len(), 4);
        assert_eq!(v["140105"].value, Value::Category("c2".into()));
        // A city table stays a city table with counties at hand.
        let imp = run_places(NOTICE).expect("readable");
        assert_eq!(imp.set.level(&imp.set.indicators[0].id), Level::Prefecture);
        // Words and numbers mixed: numbers, the words listed.
        let imp = run_places("城市,值\n太原,1\n大同,高\n").expect("readable");
        assert_eq!(imp.set.indicators[0].kind, Kind::Numeric);
        assert_eq!(imp.problems.len(), 1);
    }

    #[test]
    fn the_sample_county_table_in_docs_reads_whole() {
        let path = format!(
            "{}/docs/sample-yellow-river-counties.csv",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).expect("the sample");
        let imp = import_csv("sample.csv", &bytes, &places(), Numbering::default()).expect("read");
        assert!(imp.problems.is_empty(), "{:?}", imp.problems);
        assert_eq!(imp.rows, 117);
        let ind = &imp.set.indicators[0];
        assert_eq!(imp.set.level(&ind.id), Level::County);
        assert_eq!(ind.kind, Kind::Categorical);
        let v = imp.set.values(&ind.id, &imp.set.periods[0].id);
        let yes = v
            .values()
            .filter(|o| {
                let c = match &o.value {
                    Value::Category(c) => c.as_str(),
                    _ => "",
                };
                ind.categories
                    .iter()
                    .any(|k| k.id == c && k.name_zh == "是")
            })
            .count();
        assert_eq!(yes, 19, "the 19 main-stem counties of region-groups.md");
    }

    #[test]
    fn adcodes_names_and_bad_rows() {
        let csv = "adcode,value\n140100,1\n999999,2\n吕梁,3\nLvliang,4\n,5\n140200,abc\n140800,1e12\n\"140200\",\"6\"\n";
        let imp = run(csv).expect("readable");
        let id = &imp.set.indicators[0].id;
        let v = imp.set.values(id, &imp.set.periods[0].id);
        assert_eq!(v.len(), 3, "Taiyuan, Lüliang, Datong");
        assert_eq!(v["141100"].value, Value::Number(3.0));
        let rows: Vec<(usize, &CellError)> =
            imp.problems.iter().map(|p| (p.row, &p.cell)).collect();
        let duplicate = CellError::Duplicate {
            city_zh: "吕梁市".into(),
            city_en: "Lüliang".into(),
            first_row: 4,
        };
        assert_eq!(
            rows,
            vec![
                (3, &CellError::UnknownCity("999999".into())),
                (5, &duplicate),
                (6, &CellError::NoCity),
                (7, &CellError::NotANumber("abc".into())),
                (8, &CellError::Absurd("1e12".into())),
            ]
        );
        // The browser tests read these words.
        let en: Vec<String> = imp.problems.iter().map(|p| p.text().en).collect();
        assert_eq!(
            en,
            vec![
                "unknown city “999999”",
                "Lüliang already has a value in row 4; this one is not used",
                "no city",
                "“abc” is not a number",
                "absurd value “1e12”",
            ]
        );
    }

    #[test]
    fn values_keep_their_columns() {
        let imp = run("城市,甲,乙\n太原,1,\n大同,,2\n运城,3,4\n").expect("readable");
        let ids: Vec<&str> = imp.set.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["user-1", "user-2"]);
        let p = &imp.set.periods[0].id;
        let a: Vec<&str> = imp.set.values("user-1", p).into_keys().collect();
        let b: Vec<&str> = imp.set.values("user-2", p).into_keys().collect();
        assert_eq!((a, b), (vec!["140100", "140800"], vec!["140200", "140800"]));
        assert_eq!(imp.set.periods[0].label_en, "period not given");
        assert_eq!(imp.set.sources[0].title, "test.csv");
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
        let regions = fixtures::prefectures();
        let err =
            import_csv("gbk.csv", gbk, &regions, Numbering::default()).expect_err("not UTF-8");
        assert_eq!(err, ImportError::NotUtf8 { likely_gbk: true });
        let text = err.text();
        assert!(text.en.contains("GBK") && text.zh.contains("UTF-8"));
        assert_eq!(err.to_string(), text.en);
    }

    #[test]
    fn a_huge_file_is_refused_with_its_size() {
        let big = vec![b'a'; MAX_BYTES as usize + 1];
        let err = import_csv(
            "big.csv",
            &big,
            &fixtures::prefectures(),
            Numbering::default(),
        )
        .expect_err("too big");
        assert_eq!(err, ImportError::TooBig(MAX_BYTES + 1));
        assert!(err.text().en.contains("10.0 MB"), "{}", err.text().en);
    }

    #[test]
    fn a_gbk_file_is_read_with_the_decoder_given() {
        // "城市,值\n太原,1\n" in GBK; the decoder stands in for the browser's.
        let gbk: &[u8] = b"\xb3\xc7\xca\xd0,\xd6\xb5\n\xcc\xab\xd4\xad,1\n";
        let regions = fixtures::prefectures();
        let imp = import_bytes("gbk.csv", gbk, &regions, Numbering::default(), |_| {
            Some("城市,值\n太原,1\n".to_string())
        })
        .expect("read as GBK");
        assert!(imp.read_as_gbk);
        assert_eq!(imp.set.observations.len(), 1);
        // A decoder that cannot: the clear message stays.
        let err = import_bytes("gbk.csv", gbk, &regions, Numbering::default(), |_| None)
            .expect_err("not read");
        assert_eq!(err, ImportError::NotUtf8 { likely_gbk: true });
    }

    #[test]
    fn messages_stay_as_they_were() {
        assert_eq!(ImportError::Empty.to_string(), "the file is empty");
        assert_eq!(
            ImportError::NotUtf8 { likely_gbk: false }.to_string(),
            "the file is not UTF-8 text; save it as “CSV UTF-8” and load it again"
        );
        assert_eq!(
            ImportError::UnclosedQuote(3).text().zh,
            "第 3 行的引号没有闭合。"
        );
    }

    #[test]
    fn an_import_round_trips_through_the_indicator_file_format() {
        // The worker that reads a person's table hands it to the page as an
        // indicator file.
        let imp = run(NOTICE).expect("readable");
        let back = IndicatorSet::parse("worker", &imp.set.to_json()).expect("reads back");
        assert_eq!(back, imp.set);
        let shipped = IndicatorSet::parse(
            "indicators.json",
            include_str!("../../../public/data/indicators.json"),
        )
        .expect("shipped");
        let back = IndicatorSet::parse("again", &shipped.to_json()).expect("reads back");
        assert_eq!(back, shipped);
    }

    #[test]
    fn second_import_gets_new_ids() {
        let first = run(NOTICE).expect("readable");
        let mut set = IndicatorSet::default();
        set.merge(first.set, "a").expect("merge");
        let second = import_csv(
            "b.csv",
            NOTICE.as_bytes(),
            &fixtures::prefectures(),
            Numbering::after(&set),
        )
        .expect("readable");
        set.merge(second.set, "b").expect("no id collides");
        assert_eq!(set.indicators.len(), 6);
    }
}
