import { describe, expect, it } from 'vitest';
import { DEMO_KEYWORD, DemoTimeline } from '../../../../../src/main/features/demo/demoTimeline';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-10T00:00:00.000Z');

describe('DemoTimeline', () => {
  const timeline = new DemoTimeline();

  it('is deterministic and splits cleanly: consecutive steps give exactly the mentions of the whole span', () => {
    const whole = timeline.between(T0 + 9 * HOUR, T0 + 12 * HOUR, true).map((m) => m.externalId);
    const steps: string[] = [];
    for (let t = T0 + 9 * HOUR; t < T0 + 12 * HOUR; t += 7 * 60_000 + 13_000) {
      steps.push(...timeline.between(t, Math.min(t + 7 * 60_000 + 13_000, T0 + 12 * HOUR), true).map((m) => m.externalId));
    }
    expect(steps).toEqual(whole);
    expect(new Set(whole).size).toBe(whole.length);
    expect(new DemoTimeline().between(T0 + 9 * HOUR, T0 + 12 * HOUR, true).map((m) => m.externalId)).toEqual(whole);
  });

  it('repeats the same day and sends FR and EN posts naming the demo brand, marked DEMO', () => {
    const day1 = timeline.between(T0, T0 + 24 * HOUR, false);
    const day2 = timeline.between(T0 + 24 * HOUR, T0 + 48 * HOUR, false);
    expect(day1.length).toBeGreaterThan(500);
    expect(day2.length).toBe(day1.length);
    expect(day2[0]?.externalId).not.toBe(day1[0]?.externalId);
    expect(new Set(day1.map((m) => m.language))).toEqual(new Set(['fr', 'en']));
    expect(day1.every((m) => m.text.includes(DEMO_KEYWORD) && m.sourceName === 'DEMO')).toBe(true);
  });

  it('adds an hourly crisis wave, many times the ordinary volume, only when asked', () => {
    const from = T0 + 14 * HOUR;
    const ordinary = timeline.between(from + 20 * 60_000, from + 35 * 60_000, false).length;
    const withWave = timeline.between(from + 20 * 60_000, from + 35 * 60_000, true);
    expect(withWave.length).toBeGreaterThan(ordinary * 5);
    expect(timeline.between(from + 40 * 60_000, from + 60 * 60_000, true).length).toBe(timeline.between(from + 40 * 60_000, from + 60 * 60_000, false).length);
    expect(withWave.some((m) => (m.author.audience ?? 0) >= 250_000)).toBe(true);
  });
});
