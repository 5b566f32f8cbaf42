// One message through a generic HTTP gateway (an SMS provider, a Teams, Mattermost or Slack incoming webhook),
// sent through the workspace's outbound gate. The body is the settings' template with its placeholders escaped for
// its format; an Idempotency-Key header carries the message's own identifier so a gateway that honours it drops a
// resend after a crash, and an optional HMAC-SHA256 header signs the exact bytes sent.
import { createHmac } from 'node:crypto';
import { fillTemplate } from '../../../shared/domain/plan';
import { healthMessage } from '../../../shared/domain/healthMessage';
import type { GatewaySettings } from '../../../shared/domain/notify';
import { OutboundError, type OutboundGate } from '../../platform/net/outboundGate';
import { DeliveryError, isCertificateCause } from './deliveryError';

export interface GatewayMessage {
  readonly id: string;
  /** Placeholder values: to, text, subject, messageId, incident, level, role, person. */
  readonly values: Readonly<Record<string, string>>;
}

export interface GatewayResult {
  readonly delivered: boolean;
  readonly reply: string;
}

const CONTENT_TYPES = { json: 'application/json', form: 'application/x-www-form-urlencoded', text: 'text/plain; charset=utf-8' } as const;
const MAX_RETRY_AFTER_MS = 6 * 3600_000;

/** Each value escaped for where it lands, so a message text cannot break out of the JSON or the form. */
function escapedValues(values: Readonly<Record<string, string>>, format: GatewaySettings['bodyFormat']): Record<string, string> {
  const escape = format === 'json' ? (v: string) => JSON.stringify(v).slice(1, -1) : format === 'form' ? encodeURIComponent : (v: string) => v;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escape(v)]));
}

export function gatewayRequest(settings: GatewaySettings, message: GatewayMessage): { url: string; headers: Record<string, string>; body: string | undefined } {
  const url = fillTemplate(settings.url, escapedValues(message.values, 'form'));
  const body = settings.method === 'GET' ? undefined : fillTemplate(settings.bodyTemplate, escapedValues(message.values, settings.bodyFormat));
  const headers: Record<string, string> = { 'idempotency-key': message.id };
  if (body !== undefined) headers['content-type'] = CONTENT_TYPES[settings.bodyFormat];
  for (const [name, value] of Object.entries(settings.headers)) headers[name.toLowerCase()] = value;
  if (settings.hmac) {
    headers[settings.hmac.header.toLowerCase()] = `sha256=${createHmac('sha256', settings.hmac.secret).update(body ?? '').digest('hex')}`;
  }
  return { url, headers, body };
}

export async function sendThroughGateway(
  gate: OutboundGate,
  settings: GatewaySettings,
  message: GatewayMessage,
  { timeoutMs, purpose, now }: { timeoutMs: number; purpose: string; now: Date },
): Promise<GatewayResult> {
  const { url, headers, body } = gatewayRequest(settings, message);
  let response;
  try {
    response = await gate.request(url, { method: settings.method, headers, body, timeoutMs, maxBytes: 256 * 1024, purpose });
  } catch (error) {
    if (error instanceof OutboundError) {
      const cause = String(error.health.params.cause ?? '');
      if (error.kind === 'network' && isCertificateCause(cause)) {
        throw new DeliveryError(healthMessage('tlsCertificate', { host: hostOf(url), cause }), false);
      }
      throw new DeliveryError(error.health, false);
    }
    throw error;
  }
  const host = hostOf(url);
  const reply = response.text().slice(0, 500);
  if (response.status === 429) {
    throw new DeliveryError(healthMessage('rateLimited', { host }), false, retryAfterMs(response.headers.get('retry-after'), now));
  }
  if (response.status >= 500) throw new DeliveryError(healthMessage('serverProblem', { host, status: response.status }), false);
  if (response.status >= 400) throw new DeliveryError(healthMessage('gatewayRefused', { host, status: response.status }), true);
  if (response.status >= 300) throw new DeliveryError(healthMessage('httpStatus', { host, status: response.status }), true);
  return { delivered: saysDelivered(settings, reply), reply };
}

/** Retry-After in seconds or as an HTTP date, bounded so a hostile value cannot park a message for ever. */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now.getTime();
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS) : undefined;
}

function saysDelivered(settings: GatewaySettings, reply: string): boolean {
  if (!settings.deliveredPath) return false;
  try {
    let value: unknown = JSON.parse(reply);
    for (const part of settings.deliveredPath.split('.')) {
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    }
    return String(value) === settings.deliveredValue;
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 200);
  }
}
