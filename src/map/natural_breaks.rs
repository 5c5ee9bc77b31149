//! Natural breaks: the optimal split of sorted values into `k` classes with the
//! least total within-class sum of squares (Jenks' criterion), found exactly by
//! dynamic programming as in Wang & Song's Ckmeans.1d.dp (2011).
//!
//! Written here rather than taken from the `ckmeans` crate: that crate exports
//! its own `#[wasm_bindgen]` functions on wasm32, which cost about 20 KB of this
//! app's wasm (measured with twiggy) for code the app never calls. This is the
//! plain O(k·n²) recurrence; with at most a few hundred values it takes well
//! under a millisecond.

/// Start indices of each class in `sorted` (ascending, finite) for the best split
/// into `k` classes. The first start is 0. Returns fewer classes when there are
/// fewer values than `k`; an empty vector for no values.
pub fn class_starts(sorted: &[f64], k: usize) -> Vec<usize> {
    let n = sorted.len();
    if n == 0 || k == 0 {
        return Vec::new();
    }
    let k = k.min(n);
    // Prefix sums make the cost of any run [i, j] O(1).
    let mut s1 = vec![0.0; n + 1];
    let mut s2 = vec![0.0; n + 1];
    for (i, &x) in sorted.iter().enumerate() {
        s1[i + 1] = s1[i] + x;
        s2[i + 1] = s2[i] + x * x;
    }
    let cost = |i: usize, j: usize| {
        // Sum of squared deviations of sorted[i..=j] from their mean.
        let m = (j - i + 1) as f64;
        let sum = s1[j + 1] - s1[i];
        (s2[j + 1] - s2[i] - sum * sum / m).max(0.0)
    };
    // best[c][j]: least cost of sorted[0..=j] in c + 1 classes; from[c][j]: where the last class starts.
    let mut best = vec![vec![f64::INFINITY; n]; k];
    let mut from = vec![vec![0usize; n]; k];
    for (j, b) in best[0].iter_mut().enumerate() {
        *b = cost(0, j);
    }
    for c in 1..k {
        for j in c..n {
            for start in c..=j {
                let v = best[c - 1][start - 1] + cost(start, j);
                if v < best[c][j] {
                    best[c][j] = v;
                    from[c][j] = start;
                }
            }
        }
    }
    let mut starts = vec![0; k];
    let mut j = n - 1;
    for c in (1..k).rev() {
        starts[c] = from[c][j];
        j = starts[c] - 1;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of Ckmeans.1d.dp's documentation: {1 … 7}, {12 … 16}, {78, 82}.
    #[test]
    fn finds_the_published_clusters() {
        let v = [
            1.0, 1.0, 1.0, 1.0, 1.1, 1.3, 2.0, 2.0, 2.0, 3.0, 5.0, 5.0, 5.0, 7.0, 7.0, 12.0, 13.0,
            14.0, 15.0, 16.0, 78.0, 82.0,
        ];
        assert_eq!(class_starts(&v, 3), vec![0, 15, 20]);
    }

    /// Jenks' own textbook case: 1, 2, 4, 5, 7, 9, 10, 20 in three classes is
    /// {1, 2, 4, 5}, {7, 9, 10}, {20}.
    #[test]
    fn splits_the_classic_example() {
        assert_eq!(
            class_starts(&[1.0, 2.0, 4.0, 5.0, 7.0, 9.0, 10.0, 20.0], 3),
            vec![0, 4, 7]
        );
    }

    #[test]
    fn small_inputs() {
        assert!(class_starts(&[], 3).is_empty());
        assert_eq!(class_starts(&[5.0], 3), vec![0]);
        assert_eq!(class_starts(&[1.0, 2.0], 3), vec![0, 1]);
    }

    /// Exhaustive check on small random-ish inputs: no split beats the one found.
    #[test]
    fn is_optimal() {
        let v: Vec<f64> = {
            let mut v: Vec<f64> = (0..9).map(|i| ((i * 37 % 11) as f64).powf(1.3)).collect();
            v.sort_by(f64::total_cmp);
            v
        };
        let sse = |starts: &[usize]| {
            let mut total = 0.0;
            for (c, &s) in starts.iter().enumerate() {
                let e = starts.get(c + 1).copied().unwrap_or(v.len());
                let run = &v[s..e];
                let m = run.iter().sum::<f64>() / run.len() as f64;
                total += run.iter().map(|x| (x - m).powi(2)).sum::<f64>();
            }
            total
        };
        let found = sse(&class_starts(&v, 3));
        for a in 1..v.len() {
            for b in a + 1..v.len() {
                assert!(found <= sse(&[0, a, b]) + 1e-9);
            }
        }
    }
}
