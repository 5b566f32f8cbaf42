// A poll failure with a message fit for the Sources screen, and what the server said about retrying.
import { healthMessage, type HealthMessage } from '../../../../shared/domain/healthMessage';
import { HealthError } from '../../../platform/healthError';

export type ConnectorFailureKind = 'http' | 'rate-limited' | 'unparseable' | 'config';

export class ConnectorError extends HealthError {
  constructor(
    readonly kind: ConnectorFailureKind,
    health: HealthMessage,
    /** From `Retry-After`: the scheduler waits at least this long before the next attempt. */
    readonly retryAfterMs?: number,
  ) {
    super(health);
    this.name = 'ConnectorError';
  }
}

/** `Retry-After` is either delta-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Turns a non-2xx answer into a human message; 429 and 503 carry the server's retry delay. */
export function httpFailure(status: number, host: string, retryAfter: string | null, now: Date): ConnectorError {
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  if (status === 429) {
    return new ConnectorError('rate-limited', healthMessage('rateLimited', { host }), retryAfterMs);
  }
  if (status === 401 || status === 403) return new ConnectorError('http', healthMessage('accessRefused', { host, status }));
  if (status === 404 || status === 410) return new ConnectorError('http', healthMessage('noFeed', { host, status }));
  if (status >= 500) return new ConnectorError('http', healthMessage('serverProblem', { host, status }), status === 503 ? retryAfterMs : undefined);
  return new ConnectorError('http', healthMessage('httpStatus', { host, status }));
}
