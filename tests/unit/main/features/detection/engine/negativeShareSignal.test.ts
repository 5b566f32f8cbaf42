// The negative-share signal reads the share corrected by the workspace's measured tone confusion, with its band.
import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../../../../src/main/features/detection/engine/buildVocabulary';
import { BUCKET_MS, WatchEvaluator } from '../../../../../../src/main/features/detection/engine/watchEvaluator';
import { loadDefaultPlan } from '../../../../../../src/main/features/plan/defaultPlan';
import { loadLexicons } from '../../../../../../src/main/features/tone/lexicon';
import type { NegativeConfusion } from '../../../../../../src/main/features/tone/negativeShare';

const settings = loadDefaultPlan().thresholds.defaults;
const vocabulary = buildVocabulary(settings, loadLexicons());
const NOW = Date.UTC(2026, 2, 9, 12, 0);
const current = Math.floor(NOW / BUCKET_MS);
/** Catches 70 % of negative posts, calls 12 % of the others negative. */
const CONFUSION: NegativeConfusion = { negatives: 1000, negativesCaught: 700, others: 1000, othersCalledNegative: 120, source: 'corrections' };

/** A week at 20 % classified negative, then an hour at 40 % (48 of 120). */
function evaluator(confusion: NegativeConfusion | null): WatchEvaluator {
  const ev = new WatchEvaluator(settings, vocabulary, { cooldownMs: 3_600_000, shareConfusion: () => confusion });
  const rows = [];
  for (let b = current - 7 * 288; b <= current - 12; b += 1) rows.push({ bucket: b, count: 10, negative: 2, toned: 10 });
  for (let b = current - 11; b <= current; b += 1) rows.push({ bucket: b, count: 10, negative: 4, toned: 10 });
  ev.warmBuckets(rows);
  return ev;
}

const shareSignal = (ev: WatchEvaluator) => ev.evaluate(NOW + 60_000).signals.find((s) => s.kind === 'negativeShare')!;

describe('negative-share signal', () => {
  it('is the share as classified, with its sampling band, while no confusion is measured', () => {
    const s = shareSignal(evaluator(null));
    expect(s.value).toBe(40);
    expect(s.reference).toBe(20);
    expect(s.band!.corrected).toBe(false);
    expect(s.band!.low).toBeLessThan(40);
    expect(s.band!.high).toBeGreaterThan(40);
  });

  it('corrects the hour and the week alike once the confusion is known: the true rise is larger than it reads', () => {
    const s = shareSignal(evaluator(CONFUSION));
    // (0.40 − 0.12) / (0.70 − 0.12) and (0.20 − 0.12) / (0.70 − 0.12), with the rates' half pseudo-counts.
    expect(s.value).toBeCloseTo(48.3, 0);
    expect(s.reference).toBeCloseTo(13.8, 0);
    expect(s.band).toMatchObject({ corrected: true });
    expect(s.band!.low).toBeLessThan(s.value);
    expect(s.band!.high).toBeGreaterThan(s.value);
    expect(s.value - s.reference!).toBeGreaterThan(30);
  });
});

describe('negative-share significance on a small hour', () => {
  it('does not fire on 10 negative posts of 21 against a 15.7 % week: the exact binomial tail is not 4 σ rare', () => {
    const ev = new WatchEvaluator({ ...settings, minMentionsPerHour: 5 }, vocabulary, { cooldownMs: 3_600_000 });
    const rows = [];
    for (let b = current - 7 * 288; b <= current - 12; b += 1) rows.push({ bucket: b, count: 1000, negative: 157, toned: 1000 });
    // 21 toned posts in the hour, 10 of them negative.
    for (let b = current - 11; b <= current; b += 1) {
      const k = b - (current - 11);
      rows.push({ bucket: b, count: k < 9 ? 2 : 1, negative: k < 10 ? 1 : 0, toned: k < 9 ? 2 : 1 });
    }
    ev.warmBuckets(rows);
    const s = shareSignal(ev);
    expect(s.value).toBeCloseTo(47.6, 1);
    expect(s.reference).toBe(15.7);
    expect(s.level).toBe('calm');
  });
});
