// The single door for network traffic leaving the app (connectors, publishing). Issue #9 adds the
// allow-list and sealed mode here; every caller already goes through it.

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
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Gate over the platform fetch; `allow` decides per URL (issue #9 supplies the real policy). */
export function createOutboundGate(allow: (url: URL, purpose: string) => string | undefined = () => undefined): OutboundGate {
  return {
    async request(rawUrl, init) {
      let url: URL;
      try {
        url = new URL(rawUrl);
      } catch {
        throw new OutboundError('refused', `Not a valid URL: ${rawUrl.slice(0, 200)}`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new OutboundError('refused', `Only http and https are allowed (${url.protocol}).`);
      }
      const refusal = allow(url, init.purpose);
      if (refusal) throw new OutboundError('refused', refusal);

      const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const maxBytes = init.maxBytes ?? DEFAULT_MAX_BYTES;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await fetch(url, {
          method: init.method ?? 'GET',
          headers: init.headers,
          body: init.body as BodyInit | undefined,
          signal,
          redirect: 'follow',
        });
      } catch (error) {
        if (timeout.aborted) throw new OutboundError('timeout', `No answer from ${url.host} within ${timeoutMs / 1000} s.`);
        throw new OutboundError('network', `Cannot reach ${url.host}: ${causeOf(error)}`);
      }
      const body = await readCapped(response, maxBytes, url, timeout, timeoutMs);
      return {
        status: response.status,
        headers: response.headers,
        url: response.url || url.toString(),
        body,
        text: () => new TextDecoder('utf-8').decode(body),
      };
    },
  };
}

async function readCapped(response: Response, maxBytes: number, url: URL, timeout: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new OutboundError('too-large', `${url.host} sent ${declared} bytes, over the ${maxBytes}-byte limit.`);
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => {});
        throw new OutboundError('too-large', `${url.host} sent more than ${maxBytes} bytes.`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof OutboundError) throw error;
    if (timeout.aborted) throw new OutboundError('timeout', `${url.host} was too slow: no full answer within ${timeoutMs / 1000} s.`);
    throw new OutboundError('network', `Connection to ${url.host} broke: ${causeOf(error)}`);
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
