//! The benchmarks' one timer: the median seconds per call of `f`.

use std::time::Instant;

/// Median seconds per call over `batches` batches of `per_batch` calls, after one warm-up batch.
pub(crate) fn median_seconds(per_batch: u32, batches: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..per_batch {
        f();
    }
    let mut samples: Vec<f64> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed().as_secs_f64() / f64::from(per_batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}
