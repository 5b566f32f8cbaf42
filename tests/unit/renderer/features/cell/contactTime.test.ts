// The cell's times (last contact, "offline since") read in the reader's local time: the clock time alone today,
// with the day once it is another day.
import { describe, expect, it } from 'vitest';
import { formatContactTime } from '../../../../../src/renderer/src/features/cell/contactTime';

describe('cell contact times', () => {
  const now = new Date(2026, 11, 7, 15, 0);

  it('shows only the local clock time for today', () => {
    const at = new Date(2026, 11, 7, 10, 42).toISOString();
    expect(formatContactTime(at, 'fr', now)).toBe('10:42');
    expect(formatContactTime(at, 'en', now)).toBe('10:42');
  });

  it('adds the day for an earlier day', () => {
    const at = new Date(2026, 11, 5, 9, 5).toISOString();
    expect(formatContactTime(at, 'fr', now)).toMatch(/^5 déc\.?,? (à )?09:05$/);
    expect(formatContactTime(at, 'en', now)).toMatch(/^5 Dec,? 09:05$/);
  });
});
