import { describe, expect, it } from 'vitest';
import { binomialTail, normalTail } from '../../../../../../src/main/features/detection/engine/binomialTail';

describe('binomial tail of the negative-share test', () => {
  it('matches exact small cases and the edges', () => {
    expect(binomialTail(3, 3, 0.5)).toBeCloseTo(0.125, 12);
    expect(binomialTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialTail(0, 10, 0.3)).toBe(1);
    expect(binomialTail(11, 10, 0.3)).toBe(0);
    expect(binomialTail(1, 10, 0)).toBe(0);
  });

  it('is what the normal approximation overstates on a small hour: 10 negative of 21 at a 15.7 % baseline', () => {
    const z = (10 - 21 * 0.157) / Math.sqrt(21 * 0.157 * 0.843);
    expect(z).toBeGreaterThanOrEqual(4);
    expect(binomialTail(10, 21, 0.157)).toBeGreaterThan(normalTail(4) * 10);
  });

  it('agrees with the normal tail on a large hour', () => {
    // 2000 posts at 20 %: mean 400, σ ≈ 17.9; 472 is 4 σ above.
    const tail = binomialTail(472, 2000, 0.2);
    expect(tail).toBeGreaterThan(normalTail(4) / 3);
    expect(tail).toBeLessThan(normalTail(4) * 3);
  });

  it('gives the standard normal tail', () => {
    expect(normalTail(1.96)).toBeCloseTo(0.025, 4);
    expect(normalTail(4)).toBeCloseTo(3.167e-5, 7);
  });
});
