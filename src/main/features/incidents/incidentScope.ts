// An incident's scope as the figures read it: its watches, and its period with an open end read as "now".
import type { IncidentScope } from '../../../shared/domain/incident';

export type { IncidentScope };

export interface ScopeWindow {
  readonly watchIds: readonly number[];
  /** ISO instants, [from, to). */
  readonly from: string;
  readonly to: string;
}

/** The period an incident's figures cover: from its start to its closing, or to `now` while it is open. */
export function scopeWindow(scope: IncidentScope, now: Date): ScopeWindow {
  const to = scope.end ?? new Date(Math.max(now.getTime(), Date.parse(scope.start))).toISOString();
  return { watchIds: scope.watchIds, from: scope.start, to };
}
