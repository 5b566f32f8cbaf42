// The RETEX timings of an incident, measured from what detection, the incident, the composer and the response
// queue recorded, never typed: each is "not reached" when the data has no end point.
import type { Alert } from '../../../shared/domain/detection';
import type { IncidentDetail } from '../../../shared/domain/incident';
import type { ResponseItem } from '../../../shared/domain/responseQueue';
import type { RetexTimings, Timing } from '../../../shared/domain/retex';
import type { StatementDetail } from '../../../shared/domain/statement';

export interface TimingSources {
  readonly incident: IncidentDetail;
  readonly alerts: readonly Alert[];
  /** The incident's own statements. */
  readonly statements: readonly StatementDetail[];
  /** The incident's response queue (its watches, its period). */
  readonly responses: readonly ResponseItem[];
}

const earliest = (values: readonly (string | null | undefined)[]): string | null =>
  values.reduce<string | null>((min, v) => (v && (min === null || Date.parse(v) < Date.parse(min)) ? v : min), null);

function timing(from: string | null, at: string | null): Timing {
  if (from === null || at === null) return { from, at: null, minutes: null };
  const minutes = Math.max(0, Date.parse(at) - Date.parse(from)) / 60_000;
  return { from, at, minutes: Math.round(minutes * 10) / 10 };
}

export function retexTimings({ incident, alerts, statements, responses }: TimingSources): RetexTimings {
  const opened = incident.openedAt;
  const openedMs = Date.parse(opened);
  const scopeStartMs = Date.parse(incident.scope.start);
  // The alert the incident was opened from, or any alert of its watches whose episode reached its period.
  const episodeAlerts = alerts.filter(
    (a) =>
      incident.scope.watchIds.includes(a.watchId) &&
      Date.parse(a.openedAt) <= openedMs &&
      (a.closedAt === null || Date.parse(a.closedAt) >= scopeStartMs),
  );
  const firstAlert = earliest([incident.alert?.raisedAt, ...episodeAlerts.map((a) => a.openedAt)]);

  const calls = incident.mobilisation?.calls ?? [];
  const everyoneReached =
    calls.length > 0 && calls.every((c) => c.acknowledgedAt !== null)
      ? calls.map((c) => c.acknowledgedAt!).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b))
      : null;

  const published = earliest(statements.flatMap((s) => s.outbox.filter((o) => o.state === 'published').map((o) => o.publishedAt)));

  const critics = responses.filter((r) => r.reason === 'complaint' && (r.state === 'answered' || r.state === 'offline'));
  const firstAnswer = earliest(critics.map((r) => r.handledAt));

  return {
    detection: timing(firstAlert, opened),
    mobilisation: timing(opened, everyoneReached),
    firstStatement: timing(opened, published),
    firstAnswerToCritics: timing(opened, firstAnswer),
  };
}
