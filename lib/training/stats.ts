/** Small statistics for the widgets: histograms on shared bins. */
import type { Histogram } from './protocol';

/** Counts of `values` in `bins` equal-width bins over [lo, hi] (values outside are clamped into the end bins). */
export function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins || 1;
  for (let i = 0; i < values.length; i++) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((values[i]! - lo) / width)));
    counts[k]! += 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  return { edges, counts };
}

/** The range [min, max] of values, widened a little so the extremes fall inside; [−1, 1] for an empty array. */
export function range(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  const pad = (hi - lo) * 1e-6 || 1e-6;
  return [lo - pad, hi + pad];
}
