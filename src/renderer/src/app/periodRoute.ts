// A period and the watches it concerns, carried in the hash's query (#/<area>?from=…&to=…&watch=…) so that the
// range chosen on one screen survives moving to another and a link can open any screen on a past period.
import { AREAS, type AreaId } from './areas';

export interface PeriodParams {
  /** ISO instants in UTC; both present or both absent ("last N" ranges are the screen's own state). */
  readonly from?: string;
  readonly to?: string;
  readonly watchIds: readonly number[];
  /** Other flags a screen reads, e.g. `backtest=1` on the alerts screen. */
  readonly flags: Readonly<Record<string, string>>;
}

const isInstant = (v: string | null): v is string => v !== null && !Number.isNaN(Date.parse(v));

/** Reads the query part of a hash; malformed values are dropped rather than trusted. */
export function parsePeriod(hash: string): PeriodParams {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const from = query.get('from');
  const to = query.get('to');
  const bounded = isInstant(from) && isInstant(to) && Date.parse(from) < Date.parse(to);
  const watchIds = query
    .getAll('watch')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  const flags: Record<string, string> = {};
  for (const [key, value] of query) if (key !== 'from' && key !== 'to' && key !== 'watch') flags[key] = value;
  return bounded ? { from: new Date(from).toISOString(), to: new Date(to).toISOString(), watchIds, flags } : { watchIds, flags };
}

export function periodHash(area: AreaId, period: Partial<PeriodParams>): string {
  const query = new URLSearchParams();
  if (period.from && period.to) {
    query.set('from', period.from);
    query.set('to', period.to);
  }
  for (const id of period.watchIds ?? []) query.append('watch', String(id));
  for (const [key, value] of Object.entries(period.flags ?? {})) query.set(key, value);
  const text = query.toString();
  return text ? `#/${area}?${text}` : `#/${area}`;
}

/** The area a hash names, whatever query follows it. */
export function areaOf(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (AREAS as readonly string[]).includes(id ?? '') ? (id as AreaId) : 'dashboard';
}
