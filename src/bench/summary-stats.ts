// Medians and percentiles of timings, the way the benchmark reports them.

/** Median, 99th percentile (nearest rank), mean and count of a list of milliseconds. */
export interface TimingSummary {
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  count: number;
}

/** The `p`th percentile by nearest rank (p in 0..100) of `values`; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Sums up timings in milliseconds. */
export function summarise(values: readonly number[]): TimingSummary {
  const total = values.reduce((sum, v) => sum + v, 0);
  return {
    medianMs: percentile(values, 50),
    p99Ms: percentile(values, 99),
    meanMs: values.length > 0 ? total / values.length : NaN,
    count: values.length,
  };
}
