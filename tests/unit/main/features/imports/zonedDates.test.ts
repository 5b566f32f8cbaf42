// Zone-less dates are read in the zone chosen at import, whatever this computer's zone; dates that carry a zone
// are read as they say; daylight-saving edges follow the "compatible" rule.
import { describe, expect, it } from 'vitest';
import { readDate } from '../../../../../src/main/features/imports/parseDate';
import { instantOf } from '../../../../../src/shared/regulatory/zonedTime';
import { isTimeZone } from '../../../../../src/shared/domain/fileImport';

describe('readDate in a chosen zone', () => {
  it('reads a zone-less UTC export as UTC, not shifted by the Zurich hour', () => {
    expect(readDate('2026-03-10 14:00:00', undefined, 'UTC')).toEqual({ iso: '2026-03-10T14:00:00.000Z', zoned: false });
    expect(readDate('2026-03-10 14:00:00', undefined, 'Europe/Zurich')).toEqual({ iso: '2026-03-10T13:00:00.000Z', zoned: false });
    expect(readDate('10/07/2026 14:00', undefined, 'Europe/Zurich')?.iso).toBe('2026-07-10T12:00:00.000Z');
    expect(readDate('Jul 10, 2026 2:00 PM', undefined, 'America/New_York')?.iso).toBe('2026-07-10T18:00:00.000Z');
  });

  it('reads dates that carry a zone as they say, whatever zone is chosen', () => {
    for (const zone of ['UTC', 'Europe/Zurich', 'Asia/Tokyo']) {
      expect(readDate('2026-03-10T14:00:00Z', undefined, zone)).toEqual({ iso: '2026-03-10T14:00:00.000Z', zoned: true });
      expect(readDate('2026-03-10 15:00:00+01:00', undefined, zone)).toEqual({ iso: '2026-03-10T14:00:00.000Z', zoned: true });
      expect(readDate('Tue, 10 Mar 2026 14:00:00 GMT', undefined, zone)?.zoned).toBe(true);
      expect(readDate('1773151200', undefined, zone)).toEqual({ iso: '2026-03-10T14:00:00.000Z', zoned: true });
    }
  });

  it('handles the spring-forward gap and the fall-back repeat in Zurich', () => {
    // 29 March 2026: 02:00 → 03:00. 01:59 is still winter time, 02:30 does not exist and reads as 03:30 summer time.
    expect(readDate('2026-03-29 01:59', undefined, 'Europe/Zurich')?.iso).toBe('2026-03-29T00:59:00.000Z');
    expect(readDate('2026-03-29 02:30', undefined, 'Europe/Zurich')?.iso).toBe('2026-03-29T01:30:00.000Z');
    expect(readDate('2026-03-29 03:00', undefined, 'Europe/Zurich')?.iso).toBe('2026-03-29T01:00:00.000Z');
    // 25 October 2026: 03:00 → 02:00. 02:30 happens twice; the first (summer time) is taken.
    expect(readDate('2026-10-25 02:30', undefined, 'Europe/Zurich')?.iso).toBe('2026-10-25T00:30:00.000Z');
    expect(readDate('2026-10-25 03:00', undefined, 'Europe/Zurich')?.iso).toBe('2026-10-25T02:00:00.000Z');
    // A whole day across the change is 23 and 25 hours long.
    const span = (a: string, b: string) => (Date.parse(readDate(b, undefined, 'Europe/Zurich')!.iso) - Date.parse(readDate(a, undefined, 'Europe/Zurich')!.iso)) / 3_600_000;
    expect(span('2026-03-29 00:00', '2026-03-30 00:00')).toBe(23);
    expect(span('2026-10-25 00:00', '2026-10-26 00:00')).toBe(25);
  });

  it('keeps refusing impossible dates in any zone', () => {
    expect(readDate('31/02/2026 10:00', undefined, 'UTC')).toBeUndefined();
    expect(readDate('2026-02-29', undefined, 'Europe/Zurich')).toBeUndefined();
  });

  it('knows IANA zones from names that are not', () => {
    expect(isTimeZone('Europe/Zurich')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(instantOf({ year: 2026, month: 1, day: 1, hour: 5, minute: 30, second: 0, millisecond: 0 }, 'Asia/Kolkata')).toBe(Date.UTC(2026, 0, 1));
  });
});
