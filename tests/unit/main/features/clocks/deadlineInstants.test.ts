// @vitest-environment node
// Deadlines are instants: the same on every laptop whatever its own time zone, and a calendar month is counted on
// the firm's wall clock across the daylight-saving changes of Europe/Zurich (end of March, end of October).
import { afterEach, describe, expect, it } from 'vitest';
import { reminderInstants, stepDeadlines } from '../../../../../src/main/features/clocks/deadlines';
import { OBLIGATION_PRESETS } from '../../../../../src/shared/domain/obligationPresets';
import { addCalendarMonths, instantOf } from '../../../../../src/shared/regulatory/zonedTime';

const ZURICH = 'Europe/Zurich';
const dora = OBLIGATION_PRESETS.find((o) => o.id === 'dora-major-ict')!;
const nis2 = OBLIGATION_PRESETS.find((o) => o.id === 'nis2-significant')!;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const originalTz = process.env.TZ;

/** DORA's final report after an intermediate report sent at `sent`. */
const doraFinal = (sent: string) =>
  iso(stepDeadlines(dora, { awarenessAt: at(sent) - 3 * 86_400_000, classifiedAt: at(sent) - 3 * 86_400_000, sentAt: new Map([['initial', at(sent) - 86_400_000], ['intermediate', at(sent)]]) }, ZURICH)[2]!.dueAt);

describe('deadline instants', () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('counts a month on Zurich’s wall clock across the March and October changes', () => {
    // 10:00 winter time on 10 March → 10:00 summer time on 10 April (08:00 UTC, not 09:00).
    expect(doraFinal('2026-03-10T09:00:00.000Z')).toBe('2026-04-10T08:00:00.000Z');
    // 10:00 summer time on 1 October → 10:00 winter time on 1 November.
    expect(doraFinal('2026-10-01T08:00:00.000Z')).toBe('2026-11-01T09:00:00.000Z');
    // 31 January → the last day of February.
    expect(iso(addCalendarMonths(at('2026-01-31T10:00:00Z'), 1, ZURICH))).toBe('2026-02-28T10:00:00.000Z');
    // A wall time that does not exist (02:30 on 29 March 2026) moves forward by the gap; a repeated one
    // (02:30 on 25 October) is its first occurrence.
    expect(iso(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 }, ZURICH))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, millisecond: 0 }, ZURICH))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('counts hours as elapsed time across the change', () => {
    // NIS2 early warning and notification from 08:00 on Saturday 28 March: 24 h and 72 h of real time.
    const steps = stepDeadlines(nis2, { awarenessAt: at('2026-03-28T07:00:00Z'), classifiedAt: at('2026-03-28T09:00:00Z'), sentAt: new Map() }, ZURICH);
    expect(steps.map((s) => iso(s.dueAt))).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-31T07:00:00.000Z', null]);
  });

  it('gives the same instants on a laptop in New York, Tokyo or Zurich', () => {
    const compute = () => [
      doraFinal('2026-03-10T09:00:00.000Z'),
      doraFinal('2026-10-01T08:00:00.000Z'),
      iso(stepDeadlines(dora, { awarenessAt: at('2026-03-27T07:00:00Z'), classifiedAt: at('2026-03-27T10:00:00Z'), sentAt: new Map() }, ZURICH)[0]!.dueAt),
    ];
    const offsets: number[] = [];
    const results = ['Europe/Zurich', 'America/New_York', 'Asia/Tokyo'].map((zone) => {
      process.env.TZ = zone;
      offsets.push(new Date('2026-01-15T12:00:00Z').getTimezoneOffset());
      return compute();
    });
    // The process really changed zone (otherwise this test could not fail).
    expect(new Set(offsets).size).toBe(3);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]).toEqual(['2026-04-10T08:00:00.000Z', '2026-11-01T09:00:00.000Z', '2026-03-27T14:00:00.000Z']);
  });

  it('places reminders at fractions of the time from start to deadline', () => {
    expect(reminderInstants(0, 4 * 3_600_000, [0.9, 0.5, 0.75]).map((r) => [r.fraction, r.at / 60_000])).toEqual([
      [0.5, 120],
      [0.75, 180],
      [0.9, 216],
    ]);
    expect(reminderInstants(10, 5, [0.5])).toEqual([]);
  });
});
