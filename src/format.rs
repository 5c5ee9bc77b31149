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

/// The shortest text that reads back as exactly `v` ("0.1", "5045.93"), for
/// machine-readable output such as CSV cells.
///
/// In the browser this is JavaScript's `Number.prototype.toString`, which costs
/// no wasm; Rust's `Display` for `f64` (Grisu/Dragon tables) added about 20 KB
/// to the module. Caveat: JavaScript switches to exponent form below 1e-6 and
/// from 1e21 ("1e-7"), where Rust writes every digit; both read back exactly.
pub fn shortest(v: f64) -> String {
    #[cfg(all(feature = "web", target_arch = "wasm32"))]
    {
        String::from(
            js_sys::Number::from(v)
                .to_string_with_radix(10)
                .unwrap_or_default(),
        )
    }
    #[cfg(not(all(feature = "web", target_arch = "wasm32")))]
    {
        format!("{v}")
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

/// Exact powers of ten as `f64` (10²² is the last one a double holds exactly).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A decimal number as people type it: `-3.2`, `+45`, `.5`, `1e3`, `1,5` is not
/// one. Returns `None` for anything else (empty, `inf`, `NaN`, stray signs).
///
/// Caveat: exact (the nearest double, as `str::parse::<f64>` gives) when the
/// number has at most 15 significant digits and a decimal exponent within ±22,
/// which covers every value, break and year this app reads; beyond that the
/// result may be one unit in the last place off. It exists because
/// `str::parse::<f64>` links Rust's full decimal-to-float code (about 8 KB of
/// the app's wasm, measured with `cargo xtask size`).
pub fn parse_decimal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, mut i) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let mut mantissa: u64 = 0;
    let mut exp: i32 = 0;
    let mut digits = 0;
    let mut seen_dot = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    if seen_dot {
                        exp -= 1;
                    }
                } else if !seen_dot {
                    exp += 1;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let (eneg, start) = match b.get(i) {
            Some(b'-') => (true, i + 1),
            Some(b'+') => (false, i + 1),
            _ => (false, i),
        };
        let e: i32 = s.get(start..)?.parse().ok()?;
        exp += if eneg { -e } else { e };
        i = b.len();
    }
    if i != b.len() {
        return None;
    }
    let mut v = mantissa as f64;
    let mut e = exp;
    while e > 22 {
        v *= 1e22;
        e -= 22;
    }
    while e < -22 {
        v /= 1e22;
        e += 22;
    }
    let p = POW10[e.unsigned_abs() as usize];
    v = if e < 0 { v / p } else { v * p };
    v = if neg { -v } else { v };
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_parse_as_the_standard_parser_does() {
        for t in [
            "0",
            "-3.2",
            "+45",
            ".5",
            "5.",
            "38.45",
            "0.756",
            "2024",
            "1e3",
            "1.5E-2",
            "-0",
            "123456789012345",
            "0.1",
            "0.3",
            "5045.93",
            "1e22",
            "9.999",
        ] {
            assert_eq!(parse_decimal(t), t.parse::<f64>().ok(), "{t}");
        }
        for t in [
            "", "-", ".", "e5", "1,5", "abc", "1.2.3", "inf", "NaN", "1e", "--1", "3 ",
        ] {
            assert_eq!(parse_decimal(t), None, "{t}");
        }
        let long = parse_decimal("12345678901234567890.5").unwrap_or(0.0);
        assert!((long / 12345678901234567890.5 - 1.0).abs() < 1e-15);
    }

    proptest::proptest! {
        /// Within the documented range (at most 15 significant digits, a
        /// decimal exponent of at most 22 either way) the result is std's,
        /// bit for bit.
        #[test]
        fn decimals_in_range_parse_exactly(
            digits in 0u64..1_000_000_000_000_000,
            point in 0usize..16,
            exp in -7i32..8,
            negative in proptest::bool::ANY,
        ) {
            let d = digits.to_string();
            let point = point.min(d.len());
            let (int, frac) = d.split_at(d.len() - point);
            let sign = if negative { "-" } else { "" };
            let text = format!("{sign}{int}.{frac}e{exp}");
            proptest::prop_assert_eq!(parse_decimal(&text), text.parse::<f64>().ok(), "{}", text);
        }
    }

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
