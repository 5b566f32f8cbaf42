// Mastodon connector: hashtag timeline or status search on the user's instance, through the outbound gate.
// It keeps the newest status id as cursor and pages forward with min_id (following the Link header where the
// server sends one), so after an outage the next poll fetches what was missed, oldest pages first.
import { healthMessage } from '../../../../../shared/domain/healthMessage';
import type { MentionInput } from '../../../../../shared/domain/mention';
import type { OutboundGate, OutboundResponse } from '../../../../platform/net/outboundGate';
import { ConnectorError, httpFailure, parseRetryAfter } from '../connectorError';
import type { Connector, PollContext, PollResult } from '../types';
import { compareIds, mastodonStatusSchema, type MastodonStatus } from './mastodonStatus';
import { validateMastodonConfig, type MastodonConfig } from './mastodonConfig';
import { statusToMention } from './statusToMention';
import { streamingBase } from './streamingBase';
import { inEnglish } from '../../../../platform/i18n/failure';

const PAGE_LIMIT = 40;
/** 300 requests per 5 minutes is the default budget; a poll never spends more than this many of them. */
const MAX_PAGES_PER_POLL = 10;
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20_000;

export const mastodonConnector: Connector = {
  kind: 'mastodon',
  defaultIntervalSeconds: 120,
  validateConfig: (config) => void validateMastodonConfig(config),

  async poll({ gate, signal, config, credentials, cursor, now }: PollContext): Promise<PollResult> {
    const settings = validateMastodonConfig(config);
    const token = credentials.accessToken?.trim();
    if (settings.mode === 'search' && !token) {
      throw new ConnectorError('config', healthMessage('mastodonNeedsToken'));
    }
    const since = typeof cursor?.minId === 'string' && /^\d{1,30}$/.test(cursor.minId) ? cursor.minId : undefined;
    // The streaming host is looked up once per saved configuration (editing a source resets its cursor).
    const streaming =
      cursor && 'streaming' in cursor
        ? (cursor.streaming as string | null)
        : settings.mode === 'hashtag' && token
          ? await discoverStreaming(gate, settings, signal)
          : null;
    const fetchPage = pageFetcher(gate, settings, token, signal, now);
    const host = new URL(settings.instance).host;

    const mentions: MentionInput[] = [];
    const rejected: { reason: string }[] = [];
    let newest = since;
    let next: string | undefined = firstPageUrl(settings, since);
    for (let page = 0; next && page < MAX_PAGES_PER_POLL; page++) {
      const { items, prevLink, exhausted } = await fetchPage(next);
      const before = newest;
      const statuses = parseStatuses(items, rejected);
      for (const status of statuses) {
        mentions.push(statusToMention(status, host));
        if (!newest || compareIds(status.id, newest) > 0) newest = status.id;
      }
      // Without a cursor there is nothing "missed" to catch up: the newest page is enough.
      // A page that brings nothing newer (a confused or hostile server) ends the poll rather than looping.
      if (!since || statuses.length === 0 || exhausted || newest === before) break;
      next = prevLink ?? (newest ? firstPageUrl(settings, newest) : undefined);
    }
    return { mentions, cursor: { ...(newest ? { minId: newest } : {}), streaming }, rejected };
  },
};

/** Null when the instance does not say (older versions): the live feed then uses the instance itself. */
async function discoverStreaming(gate: OutboundGate, settings: MastodonConfig, signal: AbortSignal): Promise<string | null> {
  try {
    const response = await gate.request(`${settings.instance}/api/v2/instance`, {
      purpose: 'source:mastodon',
      signal,
      headers: { accept: 'application/json' },
      timeoutMs: settings.timeoutSeconds ? settings.timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS,
      maxBytes: MAX_BODY_BYTES,
    });
    if (response.status !== 200) return null;
    const body = JSON.parse(response.text()) as { configuration?: { urls?: { streaming?: unknown } } };
    return streamingBase(settings.instance, body.configuration?.urls?.streaming) ?? null;
  } catch {
    return null;
  }
}

function firstPageUrl(settings: MastodonConfig, minId: string | undefined): string {
  const base = settings.instance;
  const params = new URLSearchParams({ limit: String(PAGE_LIMIT) });
  if (minId) params.set('min_id', minId);
  if (settings.mode === 'hashtag') {
    if (settings.localOnly) params.set('local', 'true');
    const tag = settings.query.replace(/^#/, '');
    return `${base}/api/v1/timelines/tag/${encodeURIComponent(tag)}?${params}`;
  }
  params.set('q', settings.query);
  params.set('type', 'statuses');
  return `${base}/api/v2/search?${params}`;
}

interface Page {
  readonly items: unknown[];
  readonly prevLink?: string;
  /** The instance said the rate-limit budget is spent: stop paging until the next poll. */
  readonly exhausted: boolean;
}

function pageFetcher(gate: OutboundGate, settings: MastodonConfig, token: string | undefined, signal: AbortSignal, now: Date) {
  const host = new URL(settings.instance).host;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return async (url: string): Promise<Page> => {
    const response = await gate.request(url, {
      purpose: 'source:mastodon',
      signal,
      headers,
      timeoutMs: settings.timeoutSeconds ? settings.timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS,
      maxBytes: MAX_BODY_BYTES,
    });
    if (response.status < 200 || response.status >= 300) throw mastodonFailure(response, host, now);
    let body: unknown;
    try {
      body = JSON.parse(response.text());
    } catch {
      throw new ConnectorError('unparseable', healthMessage('notJson', { host, status: response.status }));
    }
    const items = settings.mode === 'search' ? searchStatuses(body) : body;
    if (!Array.isArray(items)) throw new ConnectorError('unparseable', healthMessage('mastodonUnexpectedShape', { host }));
    return { items, prevLink: prevLink(response, settings.instance), exhausted: response.headers.get('x-ratelimit-remaining') === '0' };
  };
}

function searchStatuses(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'statuses' in body ? (body as { statuses: unknown }).statuses : undefined;
}

function parseStatuses(items: readonly unknown[], rejected: { reason: string }[]): MastodonStatus[] {
  const statuses: MastodonStatus[] = [];
  for (const item of items) {
    const parsed = mastodonStatusSchema.safeParse(item);
    if (parsed.success) statuses.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      rejected.push({ reason: inEnglish('socialSources.failures.malformedPost', { detail: issue ? ` (${issue.path.join('.')}: ${issue.message})` : '' }) });
    }
  }
  return statuses;
}

/** `Link: <…?min_id=…>; rel="prev"` — followed only when it stays on the instance itself. */
function prevLink(response: OutboundResponse, instance: string): string | undefined {
  const header = response.headers.get('link');
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?prev"?/i.exec(part.trim());
    if (!match) continue;
    try {
      const url = new URL(match[1]!);
      return url.origin === instance ? url.toString() : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function mastodonFailure(response: OutboundResponse, host: string, now: Date): ConnectorError {
  if (response.status === 429) {
    // Mastodon says when the window resets (ISO date); Retry-After is honoured too when present.
    const reset = response.headers.get('x-ratelimit-reset');
    const resetMs = reset ? Date.parse(reset) - now.getTime() : Number.NaN;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now) ?? (Number.isFinite(resetMs) ? Math.max(0, resetMs) : undefined);
    return new ConnectorError('rate-limited', healthMessage('mastodonRateLimited', { host }), retryAfterMs);
  }
  if (response.status === 401) {
    return new ConnectorError('http', healthMessage('mastodonTokenRefused', { host }));
  }
  if (response.status === 404) return new ConnectorError('http', healthMessage('mastodonNoApi', { host }));
  return httpFailure(response.status, host, response.headers.get('retry-after'), now);
}
