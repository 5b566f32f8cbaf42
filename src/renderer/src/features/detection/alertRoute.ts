// The alerts area's sub-route: #/alerts/<id> opens one alert, from an incident's link or an address shared in the cell.
import { useLocationHash } from '../../app/useHashRoute';

export const alertHash = (alertId: number | string): string => `#/alerts/${alertId}`;

export function useAlertRoute(): number | null {
  const id = /^#\/?alerts\/(\d+)$/.exec(useLocationHash())?.[1];
  return id ? Number(id) : null;
}
