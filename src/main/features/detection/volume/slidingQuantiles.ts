/**
 * The last `capacity` values of a stream kept both in arrival order and sorted, so that quantiles (median,
 * quartiles) of the window cost O(1) to read and O(capacity) memory moves to update, never a sort.
 */
export class SlidingQuantiles {
  private readonly arrival: Float64Array;
  private readonly sorted: Float64Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('sliding quantiles: capacity must be a positive whole number');
    this.arrival = new Float64Array(capacity);
    this.sorted = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.capacity) {
      const oldest = this.arrival[this.head]!;
      const at = this.indexOf(oldest);
      this.sorted.copyWithin(at, at + 1, this.count);
      this.count -= 1;
    }
    const at = this.insertionPoint(value);
    this.sorted.copyWithin(at + 1, at, this.count);
    this.sorted[at] = value;
    this.count += 1;
    this.arrival[this.head] = value;
    this.head = (this.head + 1) % this.capacity;
  }

  /** Quantile q in [0, 1] by linear interpolation between order statistics; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const pos = q * (this.count - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, this.count - 1);
    return this.sorted[lo]! + (pos - lo) * (this.sorted[hi]! - this.sorted[lo]!);
  }

  /** The most recent `k` values, oldest first. */
  latest(k: number): number[] {
    const n = Math.min(k, this.count);
    const out = new Array<number>(n);
    for (let i = 0; i < n; i += 1) out[i] = this.arrival[(this.head - n + i + this.capacity) % this.capacity]!;
    return out;
  }

  private insertionPoint(value: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexOf(value: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
