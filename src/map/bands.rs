//! Legend labels of rank bands ("best three", "middle", "worst three") that
//! follow the positions the period's cities actually hold.
//!
//! A source that ranks the cities names the best and the worst few; the rest
//! are "middle" by exclusion. A band's name in the data says what is usual
//! ("中间（第4—8名）"). A period with a tie differs: in Jan–Nov 2023 two cities
//! share the third-last place, so the worst band holds four cities and the
//! middle one positions 4–7. The label then says so instead of contradicting
//! its own count.
//!
//! Caveat: a tie is recognised as two or more published (not derived) cities
//! sharing one span of positions; a band's range is read from its name only
//! where the name holds one as "（第a—b名）" / "(ath–bth)".

/// One city of a band: its published position span, if any, and whether it
/// is in the band by exclusion (derived) rather than named by the source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Member {
    pub position: Option<[u32; 2]>,
    pub derived: bool,
}

impl Member {
    /// An observation as a band member: its published positions, and whether
    /// it is in the band by exclusion.
    pub fn of(o: &crate::data::indicators::Observation) -> Self {
        Member {
            position: o.rank.as_ref().map(|r| r.position),
            derived: o.derived,
        }
    }
}

/// English ordinal: 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st.
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `name` with an addition inside its closing bracket, or after it in one.
fn with_note(name: &str, open: &str, close: &str, sep: &str, note: &str) -> String {
    match name.strip_suffix(close) {
        Some(head) if head.contains(open) => format!("{head}{sep}{note}{close}"),
        _ => format!("{name}{open}{note}{close}"),
    }
}

/// The band's label in Chinese and English for the period whose cities are
/// `members`.
pub fn band_label(name_zh: &str, name_en: &str, members: &[Member]) -> (String, String) {
    let spans: Vec<[u32; 2]> = members.iter().filter_map(|m| m.position).collect();
    let (Some(lo), Some(hi)) = (
        spans.iter().map(|p| p[0]).min(),
        spans.iter().map(|p| p[1]).max(),
    ) else {
        return (name_zh.to_string(), name_en.to_string());
    };
    let mut zh = match name_zh.find("（第") {
        Some(i) if name_zh.ends_with("名）") => format!("{}（第{lo}—{hi}名）", &name_zh[..i]),
        _ => name_zh.to_string(),
    };
    let mut en = match name_en.find(" (") {
        Some(i) if name_en.ends_with("th)") => {
            format!("{} ({}–{})", &name_en[..i], ordinal(lo), ordinal(hi))
        }
        _ => name_en.to_string(),
    };
    let published: Vec<[u32; 2]> = members
        .iter()
        .filter(|m| !m.derived)
        .filter_map(|m| m.position)
        .filter(|p| p[0] != p[1])
        .collect();
    let tie = published
        .iter()
        .any(|p| published.iter().filter(|q| *q == p).count() >= 2);
    if tie {
        zh = with_note(&zh, "（", "）", "，", "含并列");
        en = with_note(&en, " (", ")", ", ", "with a tie");
    }
    (zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(p: [u32; 2]) -> Member {
        Member {
            position: Some(p),
            derived: false,
        }
    }

    fn derived(p: [u32; 2]) -> Member {
        Member {
            position: Some(p),
            derived: true,
        }
    }

    #[test]
    fn a_usual_period_keeps_the_names() {
        let best = [named([1, 1]), named([2, 2]), named([3, 3])];
        assert_eq!(
            band_label("前三（最好）", "Best three", &best),
            ("前三（最好）".into(), "Best three".into())
        );
        let middle = [derived([4, 8]); 5];
        assert_eq!(
            band_label("中间（第4—8名）", "Middle (4th–8th)", &middle),
            ("中间（第4—8名）".into(), "Middle (4th–8th)".into())
        );
    }

    #[test]
    fn a_tie_is_said_and_the_middle_follows_the_ranks() {
        // Jan–Nov 2023: two cities share the third-last place.
        let worst = [
            named([11, 11]),
            named([10, 10]),
            named([8, 9]),
            named([8, 9]),
        ];
        assert_eq!(
            band_label("后三（最差）", "Worst three", &worst),
            (
                "后三（最差，含并列）".into(),
                "Worst three (with a tie)".into()
            )
        );
        let middle = [derived([4, 7]); 4];
        assert_eq!(
            band_label("中间（第4—8名）", "Middle (4th–8th)", &middle),
            ("中间（第4—7名）".into(), "Middle (4th–7th)".into())
        );
    }

    #[test]
    fn without_positions_the_names_stay() {
        let none = [Member {
            position: None,
            derived: false,
        }];
        assert_eq!(
            band_label("下降（改善）", "Fell (better)", &none),
            ("下降（改善）".into(), "Fell (better)".into())
        );
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(2), "2nd");
        assert_eq!(ordinal(3), "3rd");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
    }
}
