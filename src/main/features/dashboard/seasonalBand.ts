// The seasonal baseline of one bucket: quartiles of the same time of day on the previous days.

/** Fewer days than this say nothing about "usual" for this hour. */
export const MIN_BASELINE_DAYS = 3;

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function seasonalBand(values: readonly number[]): { low: number; median: number; high: number } | null {
  if (values.length < MIN_BASELINE_DAYS) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { low: round(quantile(sorted, 0.25)), median: round(quantile(sorted, 0.5)), high: round(quantile(sorted, 0.75)) };
}
