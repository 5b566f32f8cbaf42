// Hash-based navigation: the page path carries the launch token in browser mode, so routes live in the hash.
import { useEffect, useState } from 'react';
import type { AreaId } from './areas';
import { areaOf, parsePeriod, periodHash } from './periodRoute';

/** The page's hash, following every change (links, back and forward, another screen setting it). */
export function useLocationHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** Moving to another area keeps the period and its watches (not the screen's own flags): a past week stays open. */
export function useHashRoute(): [AreaId, (area: AreaId) => void] {
  return [
    areaOf(useLocationHash()),
    (next) => {
      const { from, to, watchIds } = parsePeriod(window.location.hash);
      window.location.hash = periodHash(next, { from, to, watchIds }).slice(1);
    },
  ];
}
