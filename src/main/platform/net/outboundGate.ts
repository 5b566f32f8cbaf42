// The single door for network traffic leaving the app (connectors, publishing): the network policy's
// allow-list and sealed mode are enforced here, on every request and every redirect hop.
import { healthMessage, healthText, type HealthMessage } from '../../../shared/domain/healthMessage';

export interface OutboundRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Whole-request deadline; a slow server must never hold anything else up. */
  readonly timeoutMs?: number;
  /** Bodies larger than this are cut off with an error (hostile or broken servers). */
  readonly maxBytes?: number;
  readonly signal?: AbortSignal;
  /** Who asks, for the health screen and the allow-list (e.g. `source:12`, `outbox:mastodon`). */
  readonly purpose: string;
}

export interface OutboundResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Final URL after redirects. */
  readonly url: string;
  readonly body: Uint8Array;
  text(): string;
}

export interface OutboundGate {
  request(url: string, init: OutboundRequest): Promise<OutboundResponse>;
}

/** Raised for refused, failed, timed-out or oversize requests, with a message fit for the health screen. */
export class OutboundError extends Error {
  constructor(
    readonly kind: 'refused' | 'network' | 'timeout' | 'too-large',
    /** What the health screen shows, in the reader's language. */
    readonly health: HealthMessage,
  ) {
    super(healthText(health));
    this.name = 'OutboundError';
  }
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Gate over the platform fetch; `allow` (the NetworkPolicy in the app) decides per URL and per redirect hop. */
export function createOutboundGate(allow: (url: URL, purpose: string) => HealthMessage | undefined = () => undefined): OutboundGate {
  return {
    async request(rawUrl, init) {
      let url = checkedUrl(rawUrl, init.purpose, allow);
      const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const maxBytes = init.maxBytes ?? DEFAULT_MAX_BYTES;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      let method = init.method ?? 'GET';
      let body = init.body;
      // Redirects are followed here, not by fetch, so that every hop passes the allow-list: an allowed
      // server must not be able to bounce a request to a host the policy refuses.
      for (let hop = 0; ; hop++) {
        let response: Response;
        try {
          response = await fetch(url, { method, headers: init.headers, body: body as BodyInit | undefined, signal, redirect: 'manual' });
        } catch (error) {
          if (timeout.aborted) throw new OutboundError('timeout', healthMessage('timeout', { host: url.host, seconds: timeoutMs / 1000 }));
          throw new OutboundError('network', healthMessage('unreachable', { host: url.host, cause: causeOf(error) }));
        }
        const location = response.headers.get('location');
        if (REDIRECTS.has(response.status) && location) {
          await response.body?.cancel().catch(() => {});
          if (hop >= MAX_REDIRECTS) throw new OutboundError('network', healthMessage('tooManyRedirects', { host: url.host, max: MAX_REDIRECTS }));
          url = checkedUrl(new URL(location, url).toString(), init.purpose, allow);
          if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
          }
          continue;
        }
        const bytes = await readCapped(response, maxBytes, url, timeout, timeoutMs);
        return {
          status: response.status,
          headers: response.headers,
          url: url.toString(),
          body: bytes,
          text: () => new TextDecoder('utf-8').decode(bytes),
        };
      }
    },
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

function checkedUrl(raw: string, purpose: string, allow: (url: URL, purpose: string) => HealthMessage | undefined): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('refused', healthMessage('invalidUrl', { url: raw.slice(0, 200) }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OutboundError('refused', healthMessage('protocolRefused', { protocol: url.protocol }));
  }
  const refusal = allow(url, purpose);
  if (refusal) throw new OutboundError('refused', refusal);
  return url;
}

async function readCapped(response: Response, maxBytes: number, url: URL, timeout: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new OutboundError('too-large', healthMessage('tooLargeDeclared', { host: url.host, bytes: declared, max: maxBytes }));
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => {});
        throw new OutboundError('too-large', healthMessage('tooLarge', { host: url.host, max: maxBytes }));
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof OutboundError) throw error;
    if (timeout.aborted) throw new OutboundError('timeout', healthMessage('tooSlow', { host: url.host, seconds: timeoutMs / 1000 }));
    throw new OutboundError('network', healthMessage('connectionBroke', { host: url.host, cause: causeOf(error) }));
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
