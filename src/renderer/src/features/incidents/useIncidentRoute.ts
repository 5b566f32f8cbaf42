// The incidents area's own sub-route, read from the hash: #/incidents[/<id>[/<tab>|/wall|/calltree]].
import { useEffect, useState } from 'react';

export const INCIDENT_TABS = ['overview', 'roster', 'checklists', 'clocks', 'log', 'situation', 'press', 'compensation', 'retex'] as const;
export type IncidentTab = (typeof INCIDENT_TABS)[number];
export type IncidentView = IncidentTab | 'wall' | 'calltree';

export interface IncidentRoute {
  readonly incidentId: string | null;
  readonly view: IncidentView;
  /** The workspace's general log: entries about no incident in particular (before one is opened). */
  readonly generalLog: boolean;
}

export const GENERAL_LOG_HASH = '#/incidents/general-log';

const VIEWS: readonly string[] = [...INCIDENT_TABS, 'wall', 'calltree'];

function parse(hash: string): IncidentRoute {
  const [, id, view] = hash.replace(/^#\/?/, '').split('/');
  if (id === 'general-log') return { incidentId: null, view: 'log', generalLog: true };
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return { incidentId: null, view: 'overview', generalLog: false };
  return { incidentId: id, view: VIEWS.includes(view ?? '') ? (view as IncidentView) : 'overview', generalLog: false };
}

export const incidentHash = (incidentId: string | null, view: IncidentView = 'overview'): string =>
  incidentId ? `#/incidents/${incidentId}/${view}` : '#/incidents';

export function useIncidentRoute(): [IncidentRoute, (incidentId: string | null, view?: IncidentView) => void] {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (incidentId, view) => void (window.location.hash = incidentHash(incidentId, view))];
}
