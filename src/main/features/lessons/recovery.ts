// Recovery ("rebondir"): after the peak of a crisis, when the volume and the negative share of the incident's watches
// came back to their pre-crisis baseline. The baseline is the week before the crisis, hour of day by hour of day, so
// a quiet night is not mistaken for a return; a return is a whole window back at the baseline, not one calm hour.
import { RECOVERY_WINDOW_HOURS, type Recovery, type RecoveryReturn } from '../../../shared/domain/retex';

/** Counts of one hour of the incident's watches together; hour = epoch hour. */
export interface HourCounts {
  readonly hour: number;
  readonly count: number;
  readonly negative: number;
  /** Mentions with a tone (negative, neutral or positive). */
  readonly toned: number;
}

export const BASELINE_DAYS = 7;
export const WINDOW_HOURS = RECOVERY_WINDOW_HOURS;
/** Volume is back when a window holds at most this many times what the same hours held before the crisis. */
export const VOLUME_TOLERANCE = 1.25;
/** Negative share is back when a window's share is at most this many points above the baseline's. */
export const NEGATIVE_TOLERANCE_POINTS = 5;

const HOUR_MS = 3_600_000;
const isoHour = (hour: number) => new Date(hour * HOUR_MS).toISOString();
const hourOfDay = (hour: number) => ((hour % 24) + 24) % 24;

/**
 * `series` covers [crisisStartHour - BASELINE_DAYS days, nowHour); hours missing from it had no mention.
 * Only whole hours before `nowHour` are read.
 */
export function recoveryOf(series: readonly HourCounts[], crisisStartHour: number, nowHour: number): Recovery {
  const byHour = new Map(series.map((h) => [h.hour, h]));
  const at = (hour: number): HourCounts => byHour.get(hour) ?? { hour, count: 0, negative: 0, toned: 0 };
  const baselineFrom = crisisStartHour - BASELINE_DAYS * 24;
  const expected = new Array<number>(24).fill(0);
  let baselineCount = 0;
  let baselineNegative = 0;
  let baselineToned = 0;
  for (let hour = baselineFrom; hour < crisisStartHour; hour += 1) {
    const h = at(hour);
    expected[hourOfDay(hour)]! += h.count / BASELINE_DAYS;
    baselineCount += h.count;
    baselineNegative += h.negative;
    baselineToned += h.toned;
  }
  const baselineShare = baselineToned > 0 ? baselineNegative / baselineToned : null;
  const base = {
    baselineFrom: isoHour(baselineFrom),
    baselineTo: isoHour(crisisStartHour),
    baselinePerHour: Math.round((baselineCount / (BASELINE_DAYS * 24)) * 10) / 10,
    baselineNegativeShare: baselineShare,
  };
  let peakHour: number | null = null;
  for (let hour = crisisStartHour; hour < nowHour; hour += 1) {
    if (at(hour).count > 0 && (peakHour === null || at(hour).count > at(peakHour).count)) peakHour = hour;
  }
  if (baselineCount === 0 || peakHour === null) return { ...base, peakAt: peakHour === null ? null : isoHour(peakHour), volume: null, negativeShare: null };

  const returned = (test: (from: number, to: number) => boolean): RecoveryReturn | null => {
    for (let end = peakHour + 1 + WINDOW_HOURS; end <= nowHour; end += 1) {
      if (test(end - WINDOW_HOURS, end)) return { at: isoHour(end), hoursAfterStart: end - crisisStartHour };
    }
    return null;
  };
  const windowSum = (from: number, to: number, value: (hour: number) => number): number => {
    let total = 0;
    for (let hour = from; hour < to; hour += 1) total += value(hour);
    return total;
  };
  const volume = returned(
    (from, to) => windowSum(from, to, (h) => at(h).count) <= VOLUME_TOLERANCE * windowSum(from, to, (h) => expected[hourOfDay(h)]!),
  );
  const negativeShare =
    baselineShare === null
      ? null
      : returned((from, to) => {
          const toned = windowSum(from, to, (h) => at(h).toned);
          return toned > 0 && windowSum(from, to, (h) => at(h).negative) / toned <= baselineShare + NEGATIVE_TOLERANCE_POINTS / 100;
        });
  return { ...base, peakAt: isoHour(peakHour), volume, negativeShare };
}
