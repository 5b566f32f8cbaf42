// Wall-clock arithmetic in a named time zone with Intl only. dayjs's timezone plugin adds a month across a
// daylight-saving change an hour off (2026-03-10 10:00 Zurich + 1 month gives 11:00), so it is not used here.

interface WallClock {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(value: string): boolean {
  try {
    formatterFor(value);
    return true;
  } catch {
    return false;
  }
}

export function wallClockIn(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((instantMs % 1000) + 1000) % 1000,
  };
}

const asUtc = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);

/** The zone's offset from UTC at an instant, in milliseconds (what to add to the instant to read its wall clock). */
export const offsetAt = (instantMs: number, timeZone: string): number => asUtc(wallClockIn(instantMs, timeZone)) - instantMs;

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time names in a zone. A time repeated when clocks go back is its first occurrence;
 * a time skipped when they go forward is moved forward by the gap (what Temporal calls "compatible").
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  const local = asUtc(wall);
  const before = local - offsetAt(local - DAY_MS, timeZone);
  const after = local - offsetAt(local + DAY_MS, timeZone);
  const names = (instant: number) => asUtc(wallClockIn(instant, timeZone)) === local;
  const valid = [before, after].filter(names);
  if (valid.length) return Math.min(...valid);
  return before;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Calendar months added on the zone's wall clock, the day clamped to the month's last (31 Jan + 1 → 28/29 Feb). */
export function addCalendarMonths(instantMs: number, months: number, timeZone: string): number {
  if (months === 0) return instantMs;
  const wall = wallClockIn(instantMs, timeZone);
  const index = wall.year * 12 + (wall.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return instantOf({ ...wall, year, month, day: Math.min(wall.day, daysInMonth(year, month)) }, timeZone);
}

/** A stretch of time over which a zone's offset does not change, in whole minutes since the epoch. */
export interface OffsetSpan {
  readonly fromMinute: number;
  readonly toMinute: number;
  /** Minutes to add to the UTC minute to read the wall clock. */
  readonly offsetMinutes: number;
}

const MINUTE_MS = 60_000;
/** Offsets are sampled this often and the changes found by bisection: zones change offset at most a few times a year. */
const SAMPLE_MINUTES = 720;

const offsetMinutesAt = (minute: number, timeZone: string): number => Math.round(offsetAt(minute * MINUTE_MS, timeZone) / MINUTE_MS);

/** [fromMinute, toMinute) cut where the zone's offset changes (daylight saving), each piece with its offset. */
export function offsetSpans(fromMinute: number, toMinute: number, timeZone: string): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let start = fromMinute;
  let offset = offsetMinutesAt(fromMinute, timeZone);
  for (let probe = fromMinute; probe < toMinute; ) {
    const next = Math.min(probe + SAMPLE_MINUTES, toMinute);
    if (offsetMinutesAt(next, timeZone) === offset) {
      probe = next;
      continue;
    }
    // The first minute with the new offset lies in (probe, next]: bisect.
    let low = probe;
    let high = next;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (offsetMinutesAt(mid, timeZone) === offset) low = mid;
      else high = mid;
    }
    if (high >= toMinute) break;
    spans.push({ fromMinute: start, toMinute: high, offsetMinutes: offset });
    start = high;
    offset = offsetMinutesAt(high, timeZone);
    probe = high;
  }
  spans.push({ fromMinute: start, toMinute, offsetMinutes: offset });
  return spans;
}
