// Wall-clock time in a named IANA zone → UTC instant, from the runtime's own time-zone database (Intl), with the
// disambiguation Temporal calls "compatible": a time skipped by a spring-forward gap is read with the offset
// before the gap (02:30 → 03:30), a time repeated by a fall-back is read as its first occurrence.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Milliseconds to add to a UTC instant to get the zone's wall clock at that instant. */
function offsetAt(zone: string, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;

export function zonedToEpoch(zone: string, year: number, month: number, day: number, hours: number, minutes: number, seconds: number): number {
  const wall = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const before = offsetAt(zone, wall - DAY_MS);
  const after = offsetAt(zone, wall + DAY_MS);
  if (before === after) return wall - before;
  const earlier = wall - Math.max(before, after);
  const later = wall - Math.min(before, after);
  const fits = (instant: number): boolean => offsetAt(zone, instant) === wall - instant;
  if (fits(earlier)) return earlier;
  if (fits(later)) return later;
  return wall - before;
}
