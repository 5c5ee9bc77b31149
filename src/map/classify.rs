//! Class breaks for numeric values: quantile, equal interval, natural breaks
//! (optimal 1-D k-means, Jenks' criterion, see [`super::natural_breaks`]) and manual breaks.
//!
//! Breaks are returned as `k + 1` bounds `[min, b1, …, max]`; class `i` holds the
//! values in `[bounds[i], bounds[i + 1])`, the last class also its upper bound.
//! Fewer classes than asked come back when there are fewer distinct values:
//! three cities with data make at most three classes.

/// How numeric values are split into classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Each class holds about the same number of cities (R's quantile type 7).
    #[default]
    Quantile,
    /// Classes of equal width between the minimum and the maximum.
    EqualInterval,
    /// Classes that minimise the variance within them (Jenks / ckmeans).
    NaturalBreaks,
    /// Breaks the person types in.
    Manual,
}

impl Method {
    pub const ALL: [Method; 4] = [
        Method::Quantile,
        Method::EqualInterval,
        Method::NaturalBreaks,
        Method::Manual,
    ];

    /// The id used in the URL.
    pub fn id(self) -> &'static str {
        match self {
            Method::Quantile => "quantile",
            Method::EqualInterval => "equal",
            Method::NaturalBreaks => "jenks",
            Method::Manual => "manual",
        }
    }

    pub fn from_id(id: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.id() == id)
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Method::Quantile => "分位数",
            Method::EqualInterval => "等间距",
            Method::NaturalBreaks => "自然断点",
            Method::Manual => "手动",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Method::Quantile => "Quantile",
            Method::EqualInterval => "Equal interval",
            Method::NaturalBreaks => "Natural breaks",
            Method::Manual => "Manual",
        }
    }
}

/// Fewest and most classes offered.
pub const MIN_CLASSES: usize = 3;
pub const MAX_CLASSES: usize = 7;

fn sorted_finite(values: &[f64]) -> Vec<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_unstable_by(f64::total_cmp);
    v
}

fn distinct(sorted: &[f64]) -> usize {
    let mut d = sorted.to_vec();
    d.dedup();
    d.len()
}

/// Quantile `p` (0–1) of sorted values, linear interpolation between order
/// statistics (R's default, type 7).
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Bounds of `k` classes of `values` by `method`. `manual` holds the inner breaks
/// for [`Method::Manual`] (out-of-range and repeated ones are ignored). Empty when
/// there are no finite values.
pub fn bounds(method: Method, values: &[f64], k: usize, manual: &[f64]) -> Vec<f64> {
    let sorted = sorted_finite(values);
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let k = k.clamp(1, MAX_CLASSES).min(distinct(&sorted)).max(1);
    if k == 1 || min == max {
        return vec![min, max];
    }
    let mut b: Vec<f64> = match method {
        Method::Quantile => (0..=k)
            .map(|i| quantile(&sorted, i as f64 / k as f64))
            .collect(),
        Method::EqualInterval => (0..=k)
            .map(|i| min + (max - min) * i as f64 / k as f64)
            .collect(),
        Method::NaturalBreaks => {
            let mut b: Vec<f64> = super::natural_breaks::class_starts(&sorted, k)
                .into_iter()
                .map(|i| sorted[i])
                .collect();
            b.push(max);
            b
        }
        Method::Manual => {
            let mut b = vec![min];
            let mut inner: Vec<f64> = manual
                .iter()
                .copied()
                .filter(|x| x.is_finite() && *x > min && *x < max)
                .collect();
            inner.sort_unstable_by(f64::total_cmp);
            b.extend(inner);
            b.push(max);
            b
        }
    };
    // Exact ends whatever the arithmetic did, and no empty classes.
    if let Some(first) = b.first_mut() {
        *first = min;
    }
    if let Some(last) = b.last_mut() {
        *last = max;
    }
    b.dedup();
    b
}

/// The class of `value` given `bounds`; `None` for no bounds or a value outside them.
pub fn class_of(value: f64, bounds: &[f64]) -> Option<usize> {
    let (first, last) = (*bounds.first()?, *bounds.last()?);
    if !value.is_finite() || value < first || value > last {
        return None;
    }
    let classes = bounds.len().saturating_sub(1).max(1);
    Some(
        bounds[1..]
            .iter()
            .position(|&b| value < b)
            .unwrap_or(classes - 1)
            .min(classes - 1),
    )
}

/// Parses manual breaks typed as "38, 45; 50" (commas, semicolons, spaces,
/// full-width commas). Returns the numbers and the pieces that are not numbers.
pub fn parse_manual(text: &str) -> (Vec<f64>, Vec<String>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for piece in text
        .split([',', ';', ' ', '，', '；', '、'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match crate::format::parse_decimal(piece) {
            Some(v) => ok.push(v),
            None => bad.push(piece.to_string()),
        }
    }
    (ok, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9)
    }

    /// R: `quantile(1:10)` → 1.00 3.25 5.50 7.75 10.00.
    #[test]
    fn quantile_matches_r_type_7() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert!(close(
            &bounds(Method::Quantile, &v, 4, &[]),
            &[1.0, 3.25, 5.5, 7.75, 10.0]
        ));
    }

    /// R classInt: `classIntervals(c(0, 10, 20, 50, 100), 4, style = "equal")` → 0 25 50 75 100.
    #[test]
    fn equal_interval_splits_the_range() {
        assert!(close(
            &bounds(
                Method::EqualInterval,
                &[0.0, 10.0, 20.0, 50.0, 100.0],
                4,
                &[]
            ),
            &[0.0, 25.0, 50.0, 75.0, 100.0]
        ));
    }

    /// The reference clustering from Wang & Song's Ckmeans.1d.dp (also ckmeans'
    /// documentation): three groups {1 … 7}, {12 … 16}, {78, 82}.
    #[test]
    fn natural_breaks_find_the_published_clusters() {
        let v = [
            1.0, 1.0, 1.0, 1.0, 1.1, 1.3, 2.0, 2.0, 2.0, 3.0, 5.0, 5.0, 5.0, 7.0, 7.0, 12.0, 13.0,
            14.0, 15.0, 16.0, 78.0, 82.0,
        ];
        let b = bounds(Method::NaturalBreaks, &v, 3, &[]);
        assert!(close(&b, &[1.0, 12.0, 78.0, 82.0]), "{b:?}");
        assert_eq!(class_of(7.0, &b), Some(0));
        assert_eq!(class_of(12.0, &b), Some(1));
        assert_eq!(class_of(82.0, &b), Some(2));
    }

    /// Jenks on the Shanxi 2017 Q2 surface-water index splits off the clean north.
    #[test]
    fn natural_breaks_on_the_water_index() {
        let v = [
            0.914, 0.800, 0.760, 0.673, 0.667, 0.567, 0.511, 0.450, 0.447, 0.375, 0.300,
        ];
        let b = bounds(Method::NaturalBreaks, &v, 3, &[]);
        assert_eq!(b.len(), 4);
        assert_eq!(class_of(0.914, &b), Some(2));
        assert_eq!(class_of(0.300, &b), Some(0));
    }

    #[test]
    fn manual_breaks_are_sorted_and_clipped() {
        let b = bounds(
            Method::Manual,
            &[30.0, 40.0, 50.0, 60.0],
            5,
            &[55.0, 45.0, 99.0, 45.0],
        );
        assert!(close(&b, &[30.0, 45.0, 55.0, 60.0]), "{b:?}");
        assert_eq!(
            parse_manual("38, 45；x 50"),
            (vec![38.0, 45.0, 50.0], vec!["x".to_string()])
        );
    }

    #[test]
    fn few_values_make_few_classes() {
        let b = bounds(Method::Quantile, &[41.0, 38.0, 49.0], 5, &[]);
        assert_eq!(b.len(), 4, "three values, three classes: {b:?}");
        for (v, c) in [(38.0, 0), (41.0, 1), (49.0, 2)] {
            assert_eq!(class_of(v, &b), Some(c), "{v}");
        }
        assert_eq!(
            bounds(Method::EqualInterval, &[5.0, 5.0], 4, &[]),
            vec![5.0, 5.0]
        );
        assert_eq!(class_of(5.0, &[5.0, 5.0]), Some(0));
        assert!(bounds(Method::Quantile, &[], 4, &[]).is_empty());
        assert!(bounds(Method::Quantile, &[f64::NAN], 4, &[]).is_empty());
    }

    #[test]
    fn every_value_falls_in_a_class() {
        let v: Vec<f64> = (0..50).map(|i| (i as f64 * 1.37).sin() * 10.0).collect();
        for m in Method::ALL {
            for k in MIN_CLASSES..=MAX_CLASSES {
                let b = bounds(m, &v, k, &[-2.0, 3.0]);
                assert!(b.windows(2).all(|w| w[0] < w[1]), "{m:?} {k}: {b:?}");
                for x in &v {
                    assert!(class_of(*x, &b).is_some(), "{m:?} {k} {x}");
                }
            }
        }
        assert_eq!(class_of(100.0, &[0.0, 1.0]), None);
    }

    #[test]
    fn method_ids_round_trip() {
        for m in Method::ALL {
            assert_eq!(Method::from_id(m.id()), Some(m));
        }
        assert_eq!(Method::from_id("kmeans"), None);
    }
}
