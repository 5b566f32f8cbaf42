// When the cell should go quiet: at crisis level, once the volume and the negative share have both stayed above
// the plan's crisis line for the plan's set time, the queue suggests pausing scheduled posts and freezing campaigns.
// A pure rule over the readings the detection already makes, so the queue and its tests judge alike.
import type { CrisisLevel } from '../domain/detection';

/** One detection reading of a watch: volume against its usual level, and negative share above its baseline. */
export interface OfflineReading {
  /** UTC ISO minute the reading describes. */
  readonly at: string;
  readonly volumeRatio: number;
  /** Percentage points of negative tone above the watch's baseline. */
  readonly negativeShareDelta: number;
}

/** The plan's crisis line for the watch, and how long it must hold. */
export interface OfflineLine {
  readonly volumeRatio: number;
  readonly negativeShareDelta: number;
  readonly sustainMinutes: number;
}

export interface OfflineSuggestion {
  /** When both signals went above the line and stayed there. */
  readonly since: string;
  readonly minutesAbove: number;
}

/** Readings further apart than this leave a gap: nobody can say the crisis held through it. */
const MAX_GAP_MINUTES = 15;
const MINUTE = 60_000;

/**
 * The suggestion, or null when the level is below crisis, the latest reading is back under the line or stale, or
 * the run above it is shorter than the plan's set time. Readings may come in any order.
 */
export function goingOfflineSuggestion(level: CrisisLevel, readings: readonly OfflineReading[], line: OfflineLine, now: Date): OfflineSuggestion | null {
  if (level !== 'crisis' || readings.length === 0) return null;
  const sorted = [...readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const above = (r: OfflineReading): boolean => r.volumeRatio >= line.volumeRatio && r.negativeShareDelta >= line.negativeShareDelta;
  const latest = sorted.at(-1)!;
  if (!above(latest) || now.getTime() - Date.parse(latest.at) > MAX_GAP_MINUTES * MINUTE) return null;
  let start = latest;
  for (let i = sorted.length - 2; i >= 0; i -= 1) {
    const reading = sorted[i]!;
    if (!above(reading) || Date.parse(start.at) - Date.parse(reading.at) > MAX_GAP_MINUTES * MINUTE) break;
    start = reading;
  }
  const minutesAbove = Math.floor((now.getTime() - Date.parse(start.at)) / MINUTE);
  return minutesAbove >= line.sustainMinutes ? { since: start.at, minutesAbove } : null;
}
