//! What every benchmark reports of its timings: percentiles.

use std::time::Duration;

/// The time at fraction `p` (0.5 for the median) of times sorted ascending.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted
        .get(((sorted.len().max(1) - 1) as f64 * p).round() as usize)
        .copied()
        .unwrap_or_default()
}
