//! Which county a table's row names: by its six-digit code, or by its name
//! within a prefecture. Names such as 城区 are in more than one prefecture
//! (阳泉 and 晋城), and English names too (平鲁 and 平陆 are both "Pinglu"): a
//! name alone that fits several counties is ambiguous, and the row says which
//! counties it could be instead of guessing.
//!
//! Caveat: names are matched as published in the boundaries (小店区, 平陆县),
//! with or without the last character (区, 县, 市) when two or more are left
//! ("小店", not "城" for 城区). Former names of merged districts (e.g. 长治's
//! 城区 and 郊区, merged into 潞州区 in 2019) are unknown, not guessed.

use super::columns::{fold, resolve};
use crate::data::geo::Region;

/// What a row's place cells name.
#[derive(Debug, Clone, PartialEq)]
pub enum Place<'a> {
    /// Exactly one county.
    County(&'a Region),
    /// No county of that name (in that prefecture, if one is named).
    Unknown,
    /// Several counties have the name and no prefecture tells them apart;
    /// the candidates in adcode order.
    Ambiguous(Vec<&'a Region>),
}

/// Whether `county` is the name `cell` gives: the full Chinese name, the
/// Chinese name without its last character when two or more are left
/// (小店区 → 小店), or the English name (case, spaces, hyphens and "ü" aside;
/// "District" and "County" may follow).
fn names(county: &Region, cell: &str) -> bool {
    let c = cell.trim();
    if county.name_zh == c {
        return true;
    }
    let mut chars = county.name_zh.chars();
    chars.next_back();
    let short = chars.as_str();
    if short.chars().count() >= 2 && short == c {
        return true;
    }
    let en = fold(&county.name_en);
    let f = fold(c);
    !en.is_empty()
        && (en == f
            || ["district", "county", "city"]
                .iter()
                .any(|s| f.strip_suffix(s) == Some(en.as_str())))
}

/// The county `cell` names, among `counties` (each with its prefecture's
/// adcode as `parent`): by adcode; by name within `prefecture` (a 地市
/// column's cell, resolved among `prefectures`), or within the prefecture
/// whose name starts the cell ("晋城市城区", "晋城 城区", "Jincheng Chengqu");
/// by name alone where one county has it.
pub fn find_county<'a>(
    counties: &'a [Region],
    prefectures: &[Region],
    cell: &str,
    prefecture: Option<&str>,
) -> Place<'a> {
    let c = cell.trim();
    if c.is_empty() {
        return Place::Unknown;
    }
    if let Some(county) = counties.iter().find(|r| r.adcode == c) {
        return Place::County(county);
    }
    let within = |parent: &str, name: &str| -> Vec<&'a Region> {
        counties
            .iter()
            .filter(|r| r.parent.as_deref() == Some(parent) && names(r, name))
            .collect()
    };
    // A prefecture column: only its counties.
    if let Some(p) = prefecture.map(str::trim).filter(|p| !p.is_empty()) {
        return match resolve(prefectures, p) {
            Some(pref) => pick(within(&pref.adcode, c)),
            None => Place::Unknown,
        };
    }
    // The prefecture's name before the county's.
    for pref in prefectures {
        let heads = [
            pref.name_zh.as_str(),
            pref.short_name_zh(),
            pref.name_en.as_str(),
        ];
        for head in heads.iter().filter(|h| !h.is_empty()) {
            let rest = c
                .strip_prefix(head)
                .or_else(|| {
                    // English, any case: "jincheng chengqu".
                    let n = head.len();
                    (c.len() > n && c.is_char_boundary(n) && c[..n].eq_ignore_ascii_case(head))
                        .then(|| &c[n..])
                })
                .map(str::trim);
            if let Some(rest) = rest.filter(|r| !r.is_empty()) {
                if let Place::County(county) = pick(within(&pref.adcode, rest)) {
                    return Place::County(county);
                }
            }
        }
    }
    pick(counties.iter().filter(|r| names(r, c)).collect())
}

/// Why a row was not used when its name fits several counties: the
/// candidates with their prefectures (named from `prefectures`).
pub fn ambiguity(name: &str, candidates: &[&Region], prefectures: &[Region]) -> super::CellError {
    let parent = |c: &Region| {
        prefectures
            .iter()
            .find(|p| Some(&p.adcode) == c.parent.as_ref())
    };
    super::CellError::Ambiguous {
        name: name.trim().to_string(),
        candidates_zh: candidates
            .iter()
            .map(|c| {
                let p = parent(c).map(|p| p.name_zh.as_str()).unwrap_or_default();
                format!("{p}{}", c.name_zh)
            })
            .collect(),
        candidates_en: candidates
            .iter()
            .map(|c| match parent(c) {
                Some(p) => format!("{} ({})", c.name_en, p.name_en),
                None => c.name_en.clone(),
            })
            .collect(),
    }
}

fn pick(mut found: Vec<&Region>) -> Place<'_> {
    match found.len() {
        0 => Place::Unknown,
        1 => Place::County(found[0]),
        _ => {
            found.sort_by(|a, b| a.adcode.cmp(&b.adcode));
            Place::Ambiguous(found)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::fixtures::shipped_regions as shipped;

    fn code(p: Place) -> String {
        match p {
            Place::County(r) => r.adcode.clone(),
            Place::Unknown => "unknown".into(),
            Place::Ambiguous(list) => {
                let codes: Vec<&str> = list.iter().map(|r| r.adcode.as_str()).collect();
                format!("ambiguous {}", codes.join(" "))
            }
        }
    }

    #[test]
    fn counties_by_code_by_name_and_by_name_within_their_prefecture() {
        let counties = shipped("shanxi-counties.geojson");
        let prefs = shipped("shanxi-prefectures.geojson");
        assert_eq!(counties.len(), 117);
        let find =
            |cell: &str, pref: Option<&str>| code(find_county(&counties, &prefs, cell, pref));
        assert_eq!(find("140105", None), "140105");
        assert_eq!(find("小店区", None), "140105");
        assert_eq!(find("小店", None), "140105");
        assert_eq!(find("Xiaodian District", None), "140105");
        // 城区: in 阳泉 (140302) and in 晋城 (140502).
        assert_eq!(find("城区", None), "ambiguous 140302 140502");
        assert_eq!(find("城区", Some("晋城")), "140502");
        assert_eq!(find("城区", Some("阳泉市")), "140302");
        assert_eq!(find("城区", Some("Yangquan")), "140302");
        assert_eq!(find("晋城市城区", None), "140502");
        assert_eq!(find("阳泉 城区", None), "140302");
        assert_eq!(find("Jincheng Chengqu", None), "140502");
        // "Pinglu": 平鲁区 (朔州) and 平陆县 (运城); the Chinese names differ.
        assert!(
            find("Pinglu", None).starts_with("ambiguous "),
            "{}",
            find("Pinglu", None)
        );
        assert_eq!(find("平陆县", None), find("平陆", None));
        assert_ne!(find("平陆", None), find("平鲁", None));
        // In the wrong prefecture, or a prefecture that is not one: unknown.
        assert_eq!(find("小店区", Some("大同")), "unknown");
        assert_eq!(find("城区", Some("长治")), "unknown", "merged into 潞州区");
        assert_eq!(find("小店区", Some("北京")), "unknown");
        assert_eq!(find("城", None), "unknown", "one character is not a name");
        assert_eq!(find("", None), "unknown");
        // What the row's problem says.
        let Place::Ambiguous(list) = find_county(&counties, &prefs, "城区", None) else {
            panic!("城区 is ambiguous");
        };
        let text = ambiguity("城区", &list, &prefs).text();
        assert_eq!(
            text.zh,
            "“城区”有多处：阳泉市城区、晋城市城区；请写明所属地市"
        );
        assert_eq!(
            text.en,
            "“城区” fits several counties: Chengqu (Yangquan), Chengqu (Jincheng); name the prefecture"
        );
        // Every county is found by its code and by its name in its prefecture.
        for c in &counties {
            let parent = c.parent.as_deref().unwrap_or_default();
            assert_eq!(find(&c.adcode, None), c.adcode);
            assert_eq!(find(&c.name_zh, Some(parent)), c.adcode, "{}", c.name_zh);
        }
    }
}
