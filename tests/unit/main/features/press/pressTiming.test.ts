// When a press inquiry counts as late: still open past its deadline, or answered after it.
import { describe, expect, it } from 'vitest';
import { pressSummary, pressTiming } from '../../../../../src/shared/domain/press';

const DEADLINE = '2026-03-03T15:00:00.000Z';
const before = new Date('2026-03-03T14:59:59.000Z');
const after = new Date('2026-03-03T15:00:01.000Z');

describe('press inquiry timing', () => {
  it('shows an open inquiry as late only once its deadline has passed', () => {
    expect(pressTiming({ status: 'open', deadline: DEADLINE, closedAt: null }, before)).toEqual({ status: 'open', late: false });
    expect(pressTiming({ status: 'open', deadline: DEADLINE, closedAt: null }, new Date(DEADLINE))).toEqual({ status: 'open', late: false });
    expect(pressTiming({ status: 'open', deadline: DEADLINE, closedAt: null }, after)).toEqual({ status: 'late', late: true });
  });

  it('judges an answer by when it was given, not by when it is read', () => {
    expect(pressTiming({ status: 'answered', deadline: DEADLINE, closedAt: before.toISOString() }, after)).toEqual({ status: 'answered', late: false });
    expect(pressTiming({ status: 'answered', deadline: DEADLINE, closedAt: after.toISOString() }, after)).toEqual({ status: 'answered', late: true });
    expect(pressTiming({ status: 'declined', deadline: DEADLINE, closedAt: after.toISOString() }, before)).toEqual({ status: 'declined', late: true });
  });

  it('counts open, overdue, on-time and late answers apart', () => {
    expect(
      pressSummary([
        { status: 'open', late: false },
        { status: 'late', late: true },
        { status: 'answered', late: false },
        { status: 'answered', late: true },
        { status: 'answered', late: true },
        { status: 'declined', late: false },
      ]),
    ).toEqual({ total: 6, open: 2, overdue: 1, answeredOnTime: 1, answeredLate: 2, declined: 1 });
  });
});
