//! Column widths for tables, shared by the writers that lay tables out
//! themselves (plain text in character cells, PDF in points).

/// Widths for columns that need at least `narrow` and would like `natural`,
/// summing to `room` where possible.
///
/// The natural widths are taken when they fit. Otherwise the room is filled
/// like water: every column gets `clamp(level, narrow, natural)` for the one
/// level that uses the room exactly, so short columns keep their natural
/// width and only the long ones wrap, all to the same width. When even the
/// narrow widths do not fit they are scaled down to the room.
pub fn fit(narrow: &[f64], natural: &[f64], room: f64) -> Vec<f64> {
    let natural: Vec<f64> = natural.iter().zip(narrow).map(|(n, w)| n.max(*w)).collect();
    let total = |level: f64| -> f64 {
        narrow
            .iter()
            .zip(&natural)
            .map(|(lo, hi)| level.clamp(*lo, *hi))
            .sum()
    };
    if natural.iter().sum::<f64>() <= room {
        return natural;
    }
    let base: f64 = narrow.iter().sum();
    if base >= room {
        let scale = if base > 0.0 { room / base } else { 0.0 };
        return narrow.iter().map(|w| w * scale).collect();
    }
    // total(level) grows with level from `base` to the natural sum; find
    // the level where it meets the room by bisection.
    let (mut lo, mut hi) = (0.0, natural.iter().cloned().fold(0.0, f64::max));
    for _ in 0..64 {
        let mid = (lo + hi) / 2.0;
        if total(mid) <= room {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    narrow
        .iter()
        .zip(&natural)
        .map(|(a, b)| lo.clamp(*a, *b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_widths_when_they_fit() {
        assert_eq!(fit(&[1.0, 2.0], &[5.0, 6.0], 20.0), vec![5.0, 6.0]);
    }

    #[test]
    fn short_columns_keep_their_width_and_long_ones_share_the_rest() {
        let w = fit(&[7.0, 5.0, 9.0], &[12.0, 9.0, 64.0], 68.0);
        assert!(
            (w[0] - 12.0).abs() < 1e-6 && (w[1] - 9.0).abs() < 1e-6,
            "{w:?}"
        );
        assert!((w[2] - 47.0).abs() < 1e-6, "{w:?}");
        let w = fit(&[1.0, 1.0], &[50.0, 80.0], 60.0);
        assert!(
            (w[0] - 30.0).abs() < 1e-6 && (w[1] - 30.0).abs() < 1e-6,
            "{w:?}"
        );
    }

    #[test]
    fn narrow_widths_scale_down_when_nothing_fits() {
        let w = fit(&[10.0, 30.0], &[20.0, 40.0], 20.0);
        assert!(
            (w[0] - 5.0).abs() < 1e-6 && (w[1] - 15.0).abs() < 1e-6,
            "{w:?}"
        );
        assert_eq!(fit(&[0.0], &[0.0], 0.0), vec![0.0]);
    }
}
