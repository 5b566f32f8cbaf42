// Chart buckets cut on the reader's wall clock: a bucket of hours starts at local midnight, 06:00, 12:00… on every
// day of a period, whatever daylight-saving change lies inside it and whatever the zone's offset (+05:30 included).
import { offsetSpans, type OffsetSpan } from '../../../shared/regulatory/zonedTime';

const MINUTES_PER_DAY = 1440;

const mod = (a: number, b: number): number => ((a % b) + b) % b;

interface Edge {
  readonly minute: number;
  readonly wall: number;
}

/**
 * Every instant the wall clock reads a multiple of the width, plus the instant clocks jump forward over one (02:00
 * skipped: that bucket starts at 03:00). Widths divide a day or are whole days, so multiples count from local midnight.
 */
function candidates(spans: readonly OffsetSpan[], width: number): Edge[] {
  const edges: Edge[] = [];
  spans.forEach((span, i) => {
    const offset = span.offsetMinutes;
    const previous = spans[i - 1];
    const wall = span.fromMinute + offset;
    if (previous && mod(wall, width) !== 0 && Math.floor(wall / width) > Math.floor((span.fromMinute - 1 + previous.offsetMinutes) / width)) {
      edges.push({ minute: span.fromMinute, wall });
    }
    for (let minute = span.fromMinute + mod(-wall, width); minute < span.toMinute; minute += width) edges.push({ minute, wall: minute + offset });
  });
  return edges;
}

/**
 * When clocks go back, the repeated wall time starts a new bucket only if a whole bucket has passed (hours repeat,
 * a 6-hour bucket just lasts 7); otherwise two buckets would bear the same local time.
 */
function kept(edges: readonly Edge[], width: number): number[] {
  const out: Edge[] = [];
  for (const edge of edges) {
    const last = out[out.length - 1];
    if (!last || edge.wall > last.wall || edge.minute - last.minute >= width) out.push(edge);
  }
  return out.map((e) => e.minute);
}

/**
 * Bucket edges (each bucket's first minute, then the last one's end) of a nominal width in a zone, from the last edge
 * at or before `fromMinute` to the first at or after `toMinute`.
 */
export function localBucketEdges(fromMinute: number, toMinute: number, width: number, timeZone: string): number[] {
  const margin = width + MINUTES_PER_DAY;
  const all = kept(candidates(offsetSpans(fromMinute - margin, toMinute + margin, timeZone), width), width);
  let first = 0;
  while (all[first + 1] !== undefined && all[first + 1]! <= fromMinute) first += 1;
  let last = first;
  while (all[last]! < toMinute) last += 1;
  return all.slice(first, last + 1);
}

/** Index of the bucket holding a minute: the last edge at or before it. */
export function bucketIndex(edges: readonly number[], minute: number): number {
  let low = 0;
  let high = edges.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (edges[mid]! <= minute) low = mid;
    else high = mid;
  }
  return low;
}
