//! Numbers as text, with integer arithmetic only.
//!
//! Rust's float formatting (`{:.2}`) brings several kilobytes of wasm; every
//! number this app writes (SVG coordinates, percentages, values with at most two
//! decimals) fits an `i64` once scaled, so it is formatted as an integer.

/// `v` rounded to `decimals` places (at most 6), trailing zeros kept:
/// `fixed(4.56789, 2)` is "4.57", `fixed(2.0, 1)` is "2.0". Non-finite values
/// and values beyond ±9·10¹² give "0".
pub fn fixed(v: f64, decimals: u32) -> String {
    let d = decimals.min(6);
    let scale = 10i64.pow(d);
    let scaled = v * scale as f64;
    if !scaled.is_finite() || scaled.abs() > 9e18 || v.abs() > 9e12 {
        return "0".to_string();
    }
    let n = scaled.round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let (int, frac) = (
        n.unsigned_abs() / scale as u64,
        n.unsigned_abs() % scale as u64,
    );
    if d == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = d as usize)
    }
}

/// A number as people read it: at most three decimals (a published water
/// index such as 0.756 keeps all of its digits), no trailing zeros, no "-0".
pub fn format_number(v: f64) -> String {
    let s = fixed(v, 3);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s.as_str()
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// [`format_number`] with thousands separators, as English text writes numbers:
/// `5045.93` → "5,045.93". Chinese text keeps the plain form.
pub fn format_number_en(v: f64) -> String {
    let plain = format_number(v);
    let (sign, rest) = plain
        .strip_prefix('-')
        .map(|r| ("-", r))
        .unwrap_or(("", plain.as_str()));
    let (int, frac) = rest
        .split_once('.')
        .map(|(i, f)| (i, Some(f)))
        .unwrap_or((rest, None));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_places() {
        assert_eq!(fixed(4.56789, 2), "4.57");
        assert_eq!(fixed(2.0, 1), "2.0");
        assert_eq!(fixed(-0.05, 1), "-0.1");
        assert_eq!(fixed(0.004, 2), "0.00");
        assert_eq!(fixed(123.456, 0), "123");
        assert_eq!(fixed(f64::NAN, 2), "0");
        assert_eq!(fixed(99.995, 2), "100.00");
    }

    #[test]
    fn english_numbers_group_thousands() {
        assert_eq!(format_number_en(5045.93), "5,045.93");
        assert_eq!(format_number_en(1234567.0), "1,234,567");
        assert_eq!(format_number_en(-2056.71), "-2,056.71");
        assert_eq!(format_number_en(41.0), "41");
        assert_eq!(format_number_en(0.91), "0.91");
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(41.0), "41");
        assert_eq!(format_number(4.95), "4.95");
        // As published: the water index has three decimals.
        assert_eq!(format_number(0.914), "0.914");
        assert_eq!(format_number(0.756), "0.756");
        assert_eq!(format_number(1.0 / 3.0), "0.333");
        assert_eq!(format_number(-0.0001), "0");
        assert_eq!(format_number(-12.4), "-12.4");
        assert_eq!(format_number(5045.93), "5045.93");
        assert_eq!(format_number(100.0), "100");
    }
}
