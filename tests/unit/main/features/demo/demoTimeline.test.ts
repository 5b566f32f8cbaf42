import { describe, expect, it } from 'vitest';
import { DEMO_KEYWORD, DemoTimeline } from '../../../../../src/main/features/demo/demoTimeline';
import { loadResponseRules } from '../../../../../src/main/features/composer/responseRules';

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

  it('asks the response queue a plausible number of different questions, not the same one hundreds of times', () => {
    const triage = loadResponseRules();
    const questions = (mentions: ReturnType<DemoTimeline['between']>) =>
      mentions.filter((m) => triage({ text: m.text, title: null, authorKind: m.author.kind ?? 'public', staff: false }) === 'question').map((m) => m.text);
    // The first start: four days of ordinary history.
    const history = questions(timeline.between(T0, T0 + 96 * HOUR, false));
    expect(history.length).toBeGreaterThan(20);
    expect(history.length).toBeLessThan(4 * 30);
    // Then six running hours, each with its crisis wave.
    const running = questions(timeline.between(T0 + 96 * HOUR, T0 + 102 * HOUR, true));
    expect(running.length).toBeLessThan(6 * 20);
    const all = [...history, ...running];
    const counts = new Map<string, number>();
    for (const q of all) counts.set(q, (counts.get(q) ?? 0) + 1);
    const repeats = Math.max(...counts.values());
    expect(repeats).toBeLessThanOrEqual(4);
    expect(new Set(all).size).toBeGreaterThan(all.length * 0.6);
    expect(all.every((q) => q.includes(DEMO_KEYWORD))).toBe(true);
  });

  it('writes the crisis hashtag in one word and keeps the crisis vocabulary in its waves', () => {
    const wave = timeline.between(T0 + 14 * HOUR + 20 * 60_000, T0 + 14 * HOUR + 35 * 60_000, true);
    expect(wave.map((m) => m.text).join('\n')).toContain('#FuiteLemania');
    expect(wave.some((m) => m.text.includes('#BreachLemania'))).toBe(true);
    expect(wave.filter((m) => /#FuiteBanque|#BreachLemania Bank/u.test(m.text))).toEqual([]);
    expect(wave.filter((m) => /fuite de données|data breach/iu.test(m.text)).length).toBeGreaterThan(wave.length / 10);
  });
});
