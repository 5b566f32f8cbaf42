// Hash-based navigation: the page path carries the launch token in browser mode, so routes live in the hash.
import { useEffect, useState } from 'react';
import { AREAS, type AreaId } from './areas';

const parse = (hash: string): AreaId => {
  const id = hash.replace(/^#\/?/, '').split('/')[0];
  return (AREAS as readonly string[]).includes(id ?? '') ? (id as AreaId) : 'dashboard';
};

export function useHashRoute(): [AreaId, (area: AreaId) => void] {
  const [area, setArea] = useState<AreaId>(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setArea(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [area, (next) => void (window.location.hash = `/${next}`)];
}
