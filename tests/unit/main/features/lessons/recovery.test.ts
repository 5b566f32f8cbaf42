// Recovery: volume and negative share back to the week before the crisis, hour of day by hour of day.
import { describe, expect, it } from 'vitest';
import { BASELINE_DAYS, recoveryOf, WINDOW_HOURS, type HourCounts } from '../../../../../src/main/features/lessons/recovery';

const START = Math.floor(Date.UTC(2026, 4, 11, 8) / 3_600_000);
const iso = (hour: number) => new Date(hour * 3_600_000).toISOString();
/** A brand's ordinary day: busy in daytime, quiet at night, one mention in ten negative. */
const ordinary = (hour: number): HourCounts => {
  const count = hour % 24 >= 7 && hour % 24 < 22 ? 20 : 2;
  return { hour, count, negative: count / 10, toned: count };
};

function series(until: number, crisis: (hour: number) => HourCounts | null): HourCounts[] {
  const hours: HourCounts[] = [];
  for (let hour = START - BASELINE_DAYS * 24; hour < until; hour += 1) hours.push(hour >= START ? (crisis(hour) ?? ordinary(hour)) : ordinary(hour));
  return hours;
}

describe('recovery', () => {
  it('finds when volume and then negative share came back, measured from the crisis start', () => {
    // Ten hours at ×8 volume, 70 % negative; then ordinary volume whose tone stays sour for another 16 hours (to 10:00, a busy hour).
    const data = series(START + 72, (hour) => {
      const base = ordinary(hour);
      if (hour < START + 10) return { hour, count: base.count * 8, negative: base.count * 8 * 0.7, toned: base.count * 8 };
      if (hour < START + 26) return { ...base, negative: base.count * 0.6 };
      return null;
    });
    const recovery = recoveryOf(data, START, START + 72);
    expect(recovery.baselineFrom).toBe(iso(START - 168));
    // (15 day hours × 20 + 9 night hours × 2) / 24 = 13.25, kept to one decimal.
    expect(recovery.baselinePerHour).toBe(13.3);
    expect(recovery.baselineNegativeShare).toBeCloseTo(0.1, 5);
    // The peak is the first busiest hour; a return is a whole window back after the crisis hours.
    expect(recovery.peakAt).toBe(iso(START));
    expect(recovery.volume).toEqual({ at: iso(START + 10 + WINDOW_HOURS), hoursAfterStart: 10 + WINDOW_HOURS });
    expect(recovery.negativeShare).toEqual({ at: iso(START + 26 + WINDOW_HOURS), hoursAfterStart: 26 + WINDOW_HOURS });
  });

  it('a quiet night in the middle of a crisis is not a return', () => {
    // The crisis runs through the night at ×3 of the night's own level: still far above the baseline's nights.
    const data = series(START + 30, (hour) => {
      const base = ordinary(hour);
      return { hour, count: base.count * 3, negative: base.count * 3 * 0.5, toned: base.count * 3 };
    });
    const recovery = recoveryOf(data, START, START + 30);
    expect(recovery.volume).toBeNull();
    expect(recovery.negativeShare).toBeNull();
  });

  it('says nothing is measured without a baseline or without any mention since the start', () => {
    const silent = recoveryOf([{ hour: START + 2, count: 50, negative: 40, toned: 50 }], START, START + 48);
    expect(silent).toMatchObject({ baselinePerHour: 0, baselineNegativeShare: null, volume: null, negativeShare: null });
    const nothingSince = recoveryOf(series(START, () => null), START, START + 48);
    expect(nothingSince).toMatchObject({ peakAt: null, volume: null, negativeShare: null });
  });
});
