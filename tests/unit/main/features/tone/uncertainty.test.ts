import { describe, expect, it } from 'vitest';
import { leastSure, lexiconUncertainty, marginUncertainty, QUEUE_BATCH, randomSample } from '../../../../../src/main/features/tone/uncertainty';
import { seededRandom } from '../../../../../src/main/platform/seededRandom';

describe('uncertainty sampling', () => {
  it('measures a post by the gap between the two likeliest classes', () => {
    expect(marginUncertainty([0.4, 0.35, 0.25])).toBeCloseTo(0.95, 10);
    expect(marginUncertainty([0.05, 0.9, 0.05])).toBeCloseTo(0.15, 10);
    // The spread of the least likely class does not matter: only which of the two leaders is right.
    expect(marginUncertainty([0.45, 0.45, 0.1])).toBe(marginUncertainty([0.5, 0.5, 0]));
  });

  it('measures the lexicon by how close its score is to its decision boundary at 0', () => {
    expect(lexiconUncertainty(0)).toBe(1);
    expect(lexiconUncertainty(-0.9)).toBeCloseTo(0.1, 10);
    expect(lexiconUncertainty(0.2)).toBeGreaterThan(lexiconUncertainty(-0.5));
  });

  it('picks the least sure, most uncertain first, stays at 20, and keeps the pool order between ties', () => {
    const pool = Array.from({ length: 50 }, (_, i) => ({ id: i, u: (i * 37) % 50 === 0 ? 1 : ((i * 37) % 50) / 50 }));
    const chosen = leastSure(pool, (p) => p.u);
    expect(chosen).toHaveLength(QUEUE_BATCH);
    const threshold = Math.min(...chosen.map((c) => c.uncertainty));
    const left = pool.filter((p) => !chosen.some((c) => c.item.id === p.id));
    expect(Math.max(...left.map((p) => p.u))).toBeLessThanOrEqual(threshold);
    expect(chosen.map((c) => c.uncertainty)).toEqual([...chosen.map((c) => c.uncertainty)].sort((a, b) => b - a));
    const ties = leastSure([{ id: 'newer', u: 0.5 }, { id: 'older', u: 0.5 }, { id: 'sure', u: 0.1 }], (p) => p.u, 2);
    expect(ties.map((c) => c.item.id)).toEqual(['newer', 'older']);
    expect(leastSure(pool.slice(0, 5), (p) => p.u)).toHaveLength(5);
  });

  it('draws 20 distinct items uniformly at random, all of them when fewer, without touching the pool', () => {
    const pool = Array.from({ length: 100 }, (_, i) => i);
    const drawn = randomSample(pool, seededRandom(3));
    expect(drawn).toHaveLength(QUEUE_BATCH);
    expect(new Set(drawn).size).toBe(QUEUE_BATCH);
    expect(pool).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(randomSample(pool.slice(0, 5), seededRandom(3)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    // Every item as likely as any other: over 2000 draws of 20 out of 100, each is drawn about 400 times.
    const random = seededRandom(11);
    const counts = new Array<number>(100).fill(0);
    for (let d = 0; d < 2000; d += 1) for (const i of randomSample(pool, random)) counts[i]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(330);
    expect(Math.max(...counts)).toBeLessThan(470);
  });
});
