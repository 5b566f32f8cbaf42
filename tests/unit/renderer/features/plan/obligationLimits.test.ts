// A deadline limit of the firm's own obligation as the editor shows it (an amount in minutes, hours, days or
// calendar months, counted from awareness, classification or an earlier step's sending) and back.
import { describe, expect, it } from 'vitest';
import { amountOf, anchored, withAmount } from '../../../../../src/renderer/src/features/plan/obligationLimits';
import { deadlineLimitSchema, type DeadlineLimit } from '../../../../../src/shared/domain/plan';

const limit = (after: string, months = 0): DeadlineLimit => ({ from: 'classification', months, after });

describe('obligation limits in the editor', () => {
  it('reads a limit in the largest whole unit, months first', () => {
    expect(amountOf(limit('PT90M'))).toEqual({ amount: 90, unit: 'minutes' });
    expect(amountOf(limit('PT4H'))).toEqual({ amount: 4, unit: 'hours' });
    expect(amountOf(limit('PT72H'))).toEqual({ amount: 3, unit: 'days' });
    expect(amountOf(limit('P1DT12H'))).toEqual({ amount: 36, unit: 'hours' });
    expect(amountOf(limit('PT0M', 1))).toEqual({ amount: 1, unit: 'months' });
  });

  it('writes an amount in any unit as a limit the plan accepts, and back', () => {
    for (const [amount, unit, after, months] of [
      [30, 'minutes', 'PT30M', 0],
      [4, 'hours', 'PT4H', 0],
      [5, 'days', 'P5D', 0],
      [1, 'months', 'PT0M', 1],
    ] as const) {
      const written = withAmount(limit('PT2H'), amount, unit);
      expect(written).toEqual({ from: 'classification', months, after });
      expect(deadlineLimitSchema.safeParse(written).success).toBe(true);
      expect(amountOf(written)).toEqual({ amount, unit });
    }
    // Out of range: at least 1, at most a year.
    expect(withAmount(limit('PT2H'), 0, 'hours').after).toBe('PT1H');
    expect(withAmount(limit('PT2H'), 40, 'months').months).toBe(12);
  });

  it('counts from an anchor or from the sending of an earlier step, never keeping a stale step', () => {
    const fromStep = anchored(limit('P1D'), 'step:initial');
    expect(fromStep).toEqual({ from: 'stepSent', step: 'initial', months: 0, after: 'P1D' });
    expect(deadlineLimitSchema.safeParse(fromStep).success).toBe(true);
    expect(anchored(fromStep, 'awareness')).toEqual({ from: 'awareness', months: 0, after: 'P1D' });
  });
});
