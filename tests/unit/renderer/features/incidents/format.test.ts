import { describe, expect, it } from 'vitest';
import { formatCountdown, formatOffset } from '../../../../../src/renderer/src/features/incidents/format';

describe('war-room time wording', () => {
  it('says deadlines as crisis cells do: H+n, H+nmin, D+n', () => {
    expect(formatOffset(15)).toBe('H+15min');
    expect(formatOffset(60)).toBe('H+1');
    expect(formatOffset(90)).toBe('H+1h30');
    expect(formatOffset(240)).toBe('H+4');
    expect(formatOffset(1440)).toBe('D+1');
    expect(formatOffset(2880)).toBe('D+2');
    expect(formatOffset(1500)).toBe('H+25');
  });

  it('counts down to the next status meeting and goes negative once it is late', () => {
    const at = '2026-03-02T10:00:00.000Z';
    expect(formatCountdown(at, Date.parse('2026-03-02T08:00:00Z'))).toBe('2:00:00');
    expect(formatCountdown(at, Date.parse('2026-03-02T09:58:55Z'))).toBe('0:01:05');
    expect(formatCountdown(at, Date.parse('2026-03-02T10:03:07Z'))).toBe('−0:03:07');
  });
});
