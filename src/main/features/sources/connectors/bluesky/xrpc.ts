// Minimal XRPC over the outbound gate: GET queries and POST procedures, with the error body XRPC defines
// (`{ "error": "ExpiredToken", "message": "…" }`) turned into something the connector can act on.
import { healthMessage } from '../../../../../shared/domain/healthMessage';
import type { OutboundGate, OutboundResponse } from '../../../../platform/net/outboundGate';
import { ConnectorError, httpFailure } from '../connectorError';

export class XrpcError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly response: OutboundResponse,
  ) {
    super(message);
    this.name = 'XrpcError';
  }
}

export interface XrpcOptions {
  readonly gate: OutboundGate;
  readonly service: string;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function xrpc(
  options: XrpcOptions,
  nsid: string,
  request: { method?: 'GET' | 'POST'; query?: Record<string, string | undefined>; body?: unknown; bearer?: string },
): Promise<unknown> {
  const url = new URL(`/xrpc/${nsid}`, options.service);
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await options.gate.request(url.toString(), {
    method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    purpose: 'source:bluesky',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_BODY_BYTES,
  });
  let json: unknown;
  try {
    json = JSON.parse(response.text());
  } catch {
    json = undefined;
  }
  if (response.status >= 200 && response.status < 300) {
    if (json === undefined) throw new ConnectorError('unparseable', healthMessage('notJson', { host: url.host, status: response.status }));
    return json;
  }
  const body = (typeof json === 'object' && json !== null ? json : {}) as { error?: unknown; message?: unknown };
  const error = typeof body.error === 'string' ? body.error : '';
  const message = typeof body.message === 'string' ? body.message.slice(0, 200) : '';
  throw new XrpcError(response.status, error, message || `HTTP ${response.status}`, response);
}

/** The human message for an XRPC failure the connector could not recover from. */
export function xrpcFailure(error: XrpcError, host: string, now: Date): ConnectorError {
  if (error.status === 401 || error.error === 'AuthenticationRequired' || error.error === 'InvalidToken') {
    return new ConnectorError('http', healthMessage('blueskyPasswordRefused', { host, detail: error.error || 'HTTP 401' }));
  }
  if (error.status === 429) {
    // Bluesky sends RateLimit-Reset as epoch seconds; Retry-After when present wins.
    const reset = Number(error.response.headers.get('ratelimit-reset'));
    const fromReset = Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now.getTime()) : undefined;
    const failure = httpFailure(429, host, error.response.headers.get('retry-after'), now);
    return new ConnectorError('rate-limited', failure.health, failure.retryAfterMs ?? fromReset);
  }
  if (error.status === 400 && error.error) return new ConnectorError('http', healthMessage('blueskySearchRefused', { host, detail: `${error.error}: ${error.message}` }));
  return httpFailure(error.status, host, error.response.headers.get('retry-after'), now);
}
