import { describe, expect, it } from 'vitest';
import { confusionFrom, estimateNegativeShare, wilson, type NegativeConfusion } from '../../../../../src/main/features/tone/negativeShare';
import { seededRandom } from '../../../../../src/main/platform/seededRandom';

/** A classifier that catches 70 % of negative posts and calls 12 % of the others negative, measured on 2000 posts. */
const KNOWN: NegativeConfusion = { negatives: 1000, negativesCaught: 700, others: 1000, othersCalledNegative: 120, source: 'labelled' };

function classifiedNegatives(truth: number, n: number, random: () => number): number {
  let called = 0;
  for (let i = 0; i < n; i += 1) {
    const negative = i < Math.round(truth * n);
    if (random() < (negative ? 0.7 : 0.12)) called += 1;
  }
  return called;
}

describe('adjusted classify-and-count', () => {
  it('is unbiased on synthetic windows where the raw share is not', () => {
    const random = seededRandom(7);
    for (const truth of [0.05, 0.3, 0.6]) {
      let raw = 0;
      let corrected = 0;
      const runs = 400;
      for (let r = 0; r < runs; r += 1) {
        const e = estimateNegativeShare(classifiedNegatives(truth, 1000, random), 1000, KNOWN);
        raw += e.raw;
        corrected += e.share;
      }
      expect(Math.abs(corrected / runs - truth)).toBeLessThan(0.01);
      // Expected raw share: 0.7·p + 0.12·(1 − p), off by 0.07 at 5 % and by −0.13 at 60 %.
      expect(Math.abs(raw / runs - (0.7 * truth + 0.12 * (1 - truth)))).toBeLessThan(0.01);
    }
  });

  it('clips to [0, 1] and keeps the estimate inside its band', () => {
    const none = estimateNegativeShare(2, 100, KNOWN);
    expect(none.share).toBe(0);
    const all = estimateNegativeShare(95, 100, KNOWN);
    expect(all.share).toBe(1);
    for (const e of [none, all, estimateNegativeShare(40, 100, KNOWN)]) {
      expect(e.low).toBeLessThanOrEqual(e.share);
      expect(e.high).toBeGreaterThanOrEqual(e.share);
    }
  });

  it('narrows the band as the window grows, and as the rates are measured on more posts', () => {
    const width = (n: number, c = KNOWN) => {
      const e = estimateNegativeShare(Math.round(0.35 * n), n, c);
      return e.high - e.low;
    };
    expect(width(20)).toBeGreaterThan(width(100));
    expect(width(100)).toBeGreaterThan(width(1000));
    const fewLabels: NegativeConfusion = { negatives: 40, negativesCaught: 28, others: 40, othersCalledNegative: 5, source: 'corrections' };
    expect(width(1000, fewLabels)).toBeGreaterThan(width(1000));
  });

  it('covers the true share about 95 % of the time on windows of 100 posts', () => {
    const random = seededRandom(11);
    let covered = 0;
    const runs = 500;
    for (let r = 0; r < runs; r += 1) {
      const truth = 0.05 + random() * 0.55;
      const e = estimateNegativeShare(classifiedNegatives(truth, 100, random), 100, KNOWN);
      if (e.low <= Math.round(truth * 100) / 100 && Math.round(truth * 100) / 100 <= e.high) covered += 1;
    }
    expect(covered / runs).toBeGreaterThan(0.9);
  });

  it('reports the raw share when the classifier barely separates negative posts from the others', () => {
    const blind: NegativeConfusion = { negatives: 500, negativesCaught: 250, others: 500, othersCalledNegative: 220, source: 'labelled' };
    const e = estimateNegativeShare(30, 100, blind);
    expect(e.corrected).toBe(false);
    expect(e.share).toBe(0.3);
    expect(estimateNegativeShare(0, 0, KNOWN)).toMatchObject({ low: 0, high: 1, corrected: false });
  });

  it('counts confusion from verdicts and truths', () => {
    const c = confusionFrom(
      [
        { predictedNegative: true, negative: true },
        { predictedNegative: false, negative: true },
        { predictedNegative: true, negative: false },
        { predictedNegative: false, negative: false },
        { predictedNegative: false, negative: false },
      ],
      'corrections',
    );
    expect(c).toEqual({ negatives: 2, negativesCaught: 1, others: 3, othersCalledNegative: 1, source: 'corrections' });
  });

  it('gives the Wilson interval of a proportion', () => {
    // Reference values for 0/10 and 5/10 at 95 %.
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(wilson(5, 10).low).toBeCloseTo(0.2366, 3);
    expect(wilson(5, 10).high).toBeCloseTo(0.7634, 3);
  });
});

describe('negative share without a measured confusion', () => {
  it('is the classified share with its Wilson band', () => {
    const e = estimateNegativeShare(30, 100, null);
    expect(e).toMatchObject({ raw: 0.3, share: 0.3, corrected: false });
    expect(e.low).toBeCloseTo(wilson(30, 100).low, 10);
    expect(e.high).toBeCloseTo(wilson(30, 100).high, 10);
  });
});
