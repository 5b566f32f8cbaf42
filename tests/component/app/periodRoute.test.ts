import { describe, expect, it } from 'vitest';
import { areaOf, parsePeriod, periodHash } from '../../../src/renderer/src/app/periodRoute';

describe('period route', () => {
  it('round-trips a period, its watches and flags through the hash', () => {
    const hash = periodHash('alerts', { from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z', watchIds: [3, 7], flags: { backtest: '1' } });
    expect(areaOf(hash)).toBe('alerts');
    expect(parsePeriod(hash)).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z', watchIds: [3, 7], flags: { backtest: '1' } });
  });

  it('drops a reversed or malformed period and bad watch ids instead of trusting them', () => {
    expect(parsePeriod('#/dashboard?from=2026-03-08T00:00:00Z&to=2026-03-01T00:00:00Z&watch=x&watch=-2&watch=4')).toEqual({ watchIds: [4], flags: {} });
    expect(parsePeriod('#/dashboard?from=yesterday&to=2026-03-01T00:00:00Z')).toEqual({ watchIds: [], flags: {} });
  });

  it('reads the area whatever query or sub-path follows, and falls back to the dashboard', () => {
    expect(areaOf('#/mentions?watch=2')).toBe('mentions');
    expect(areaOf('#/incidents/abc/log')).toBe('incidents');
    expect(areaOf('#/nowhere')).toBe('dashboard');
    expect(periodHash('dashboard', {})).toBe('#/dashboard');
  });
});
