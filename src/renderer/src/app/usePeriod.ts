// The period of the current screen, read from and written to the hash's query (see periodRoute).
import { useCallback, useMemo } from 'react';
import { areaOf, parsePeriod, periodHash, type PeriodParams } from './periodRoute';
import { useLocationHash } from './useHashRoute';

export type PeriodUpdate = Partial<Pick<PeriodParams, 'watchIds' | 'flags'>> & { from?: string | null; to?: string | null };

/** The hash's period, and a setter that keeps what it is not told to change (null clears the bounds). */
export function usePeriod(): [PeriodParams, (update: PeriodUpdate) => void] {
  const hash = useLocationHash();
  const period = useMemo(() => parsePeriod(hash), [hash]);
  const update = useCallback((next: PeriodUpdate) => {
    const current = parsePeriod(window.location.hash);
    const bounds = next.from === null || next.to === null ? {} : { from: next.from ?? current.from, to: next.to ?? current.to };
    const target = periodHash(areaOf(window.location.hash), {
      ...bounds,
      watchIds: next.watchIds ?? current.watchIds,
      flags: next.flags ?? current.flags,
    });
    if (target !== window.location.hash) window.location.hash = target.slice(1);
  }, []);
  return [period, update];
}
