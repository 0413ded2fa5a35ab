/** Shrinking coverage series for charts. */

/**
 * The bucket (in intervals) that keeps a chart series at or under `maxPoints`: 1 when it
 * already fits, else whole hours (4, 8, …). 28 days (2,688 intervals) → 4, hourly.
 */
export function chartBucket(intervalCount: number, maxPoints = 1000): number {
  if (intervalCount <= maxPoints) return 1;
  return 4 * Math.ceil(intervalCount / (4 * maxPoints));
}

/**
 * Shrinks a series for charts: each point is the mean (or max) of `bucket` intervals; the
 * last bucket may be shorter. downsampleSeries([1,2,3,4,5], 2, "mean") → [1.5, 3.5, 5].
 */
export function downsampleSeries(values: Float64Array, bucket: number, mode: "mean" | "max"): Float64Array {
  const size = Math.max(1, Math.floor(bucket) || 1);
  const n = values.length;
  const out = new Float64Array(Math.ceil(n / size));
  for (let p = 0; p < out.length; p++) {
    const from = p * size;
    const to = Math.min(n, from + size);
    if (mode === "max") {
      let m = -Infinity;
      for (let i = from; i < to; i++) if (values[i] > m) m = values[i];
      out[p] = m;
    } else {
      let sum = 0;
      for (let i = from; i < to; i++) sum += values[i];
      out[p] = sum / (to - from);
    }
  }
  return out;
}
