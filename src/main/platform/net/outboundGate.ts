// The single door for network traffic leaving the app (connectors, publishing): the network policy's
// allow-list and sealed mode are enforced here, on every request and every redirect hop, and so is the
// address each allowed name resolves to (no loopback or local-network address unless the entry says so).
import { Agent, fetch, type Response } from 'undici';
import { healthMessage, type HealthMessage } from '../../../shared/domain/healthMessage';
import { HealthError } from '../healthError';
import { checkedLookup, localAddressCause, systemResolve, type Resolve } from './resolvedAddress';

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
export class OutboundError extends HealthError {
  constructor(
    readonly kind: 'refused' | 'network' | 'timeout' | 'too-large',
    health: HealthMessage,
  ) {
    super(health);
    this.name = 'OutboundError';
  }
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface GateOptions {
  /** Name resolution; tests make a name resolve where they need without touching the system's. */
  readonly resolve?: Resolve;
  /** True for an origin whose allow-list entry says it is on the local network (an on-prem gateway). */
  readonly localNetwork?: (url: URL) => boolean;
}

/** Gate over fetch; `allow` (the NetworkPolicy in the app) decides per URL and per redirect hop. */
export function createOutboundGate(allow: (url: URL, purpose: string) => HealthMessage | undefined = () => undefined, options: GateOptions = {}): OutboundGate {
  const resolve = options.resolve ?? systemResolve;
  const localNetwork = options.localNetwork ?? (() => false);
  return {
    async request(rawUrl, init) {
      let url = checkedUrl(rawUrl, init.purpose, allow);
      const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const maxBytes = init.maxBytes ?? DEFAULT_MAX_BYTES;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      let method = init.method ?? 'GET';
      let body = init.body;
      let headers = { ...init.headers };
      // Redirects are followed here, not by fetch, so that every hop passes the allow-list and the address
      // check: an allowed server must not be able to bounce a request to a host the policy refuses.
      for (let hop = 0; ; hop++) {
        // One connection pool per hop, whose look-up checks the address it connects to.
        const dispatcher = new Agent({ connect: { lookup: checkedLookup(resolve, localNetwork(url)) } });
        try {
          let response: Response;
          try {
            response = await fetch(url, { method, headers, body, signal, redirect: 'manual', dispatcher });
          } catch (error) {
            const local = localAddressCause(error);
            if (local) throw new OutboundError('refused', healthMessage('privateAddress', { host: local.host, address: local.address, range: local.range }));
            if (timeout.aborted) throw new OutboundError('timeout', healthMessage('timeout', { host: url.host, seconds: timeoutMs / 1000 }));
            throw new OutboundError('network', healthMessage('unreachable', { host: url.host, cause: causeOf(error) }));
          }
          const location = response.headers.get('location');
          if (REDIRECTS.has(response.status) && location) {
            await response.body?.cancel().catch(() => {});
            if (hop >= MAX_REDIRECTS) throw new OutboundError('network', healthMessage('tooManyRedirects', { host: url.host, max: MAX_REDIRECTS }));
            const next = checkedUrl(new URL(location, url).toString(), init.purpose, allow);
            ({ method, body, headers } = redirected(response.status, url, next, { method, body, headers }));
            url = next;
            continue;
          }
          const bytes = await readCapped(response, maxBytes, url, timeout, timeoutMs);
          return {
            status: response.status,
            headers: response.headers as unknown as Headers,
            url: url.toString(),
            body: bytes,
            text: () => new TextDecoder('utf-8').decode(bytes),
          };
        } finally {
          void dispatcher.close().catch(() => {});
        }
      }
    },
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']);

interface Hop {
  readonly method: NonNullable<OutboundRequest['method']>;
  readonly body: OutboundRequest['body'];
  readonly headers: Record<string, string>;
}

/**
 * What the next hop may carry, as fetch rules it: 303 (and 301/302 after a POST) become a GET without body;
 * credentials never follow to another origin, and neither does a body (a 307/308 there is refused).
 */
function redirected(status: number, from: URL, to: URL, hop: Hop): Hop {
  let { method, body, headers } = hop;
  if (status === 303 ? method !== 'GET' && method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
    method = 'GET';
    body = undefined;
    headers = without(headers, BODY_HEADERS);
  }
  if (to.origin === from.origin) return { method, body, headers };
  if (body !== undefined) throw new OutboundError('refused', healthMessage('crossOriginBody', { from: from.origin, to: to.origin, status }));
  return { method, body, headers: without(headers, CREDENTIALS) };
}

function without(headers: Record<string, string>, names: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.has(name.toLowerCase())));
}

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
