// Browser mode: serves the built renderer and the contract over HTTP + Server-Sent Events on loopback only.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../../shared/contract/index';
import type { EventBus } from '../platform/events/eventBus';
import type { Logger } from '../platform/logger';
import type { Dispatch } from '../platform/ipc/dispatcher';
import { createEventReplay } from './eventReplay';
import { APP_CSP, mimeTypeOf, resolveStaticFile } from './staticFiles';
import { failed, inEnglish, type WordingValues } from '../platform/i18n/failure';

export interface BrowserServerOptions {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly rendererDir: string;
  readonly logger: Logger;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed token for tests; otherwise a random one is generated per launch. */
  readonly token?: string;
  readonly maxBodyBytes?: number;
  /** Connections open at once; Node closes any over the cap unanswered. */
  readonly maxConnections?: number;
  /** Event streams open at once; one more is answered 503. */
  readonly maxEventClients?: number;
  /** Bytes an event-stream client may leave unread before it is dropped (it reconnects and refetches). */
  readonly maxEventBacklogBytes?: number;
  /** How many recent events a reconnecting page can be sent again (older gaps: it reads everything again). */
  readonly replayedEvents?: number;
}

export interface BrowserServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /**
   * A one-time address for the system browser, so the token never sits on a command line other users can
   * read: it redirects once to `url`, then is dead. Each call replaces the previous one.
   */
  launchUrl(): string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const SSE_HEARTBEAT_MS = 25_000;
const LAUNCH_PATH = '/launch';
const LAUNCH_CODE_TTL_MS = 2 * 60_000;

/** A request the server cannot make sense of (its path does not parse or decode): answered 400. */
class BadRequest extends Error {}
/** A body over the limit, with the catalogue key and values its 413 reply is worded from. */
class PayloadTooLarge extends Error {
  constructor(
    readonly key: string,
    readonly values: WordingValues,
  ) {
    super(inEnglish(key, values));
  }
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const maxEventClients = options.maxEventClients ?? 16;
  const maxBacklog = options.maxEventBacklogBytes ?? 1024 * 1024;
  const prefix = `/${token}/`;
  const sseClients = new Set<ServerResponse>();
  const replay = createEventReplay(options.replayedEvents ?? 2000);
  let launch: { code: string; expires: number } | undefined;
  let port = 0;

  const server: Server = createServer(
    // A connection that never completes its request must not hold one of the capped slots for long.
    { headersTimeout: 10_000, requestTimeout: 60_000, connectionsCheckingInterval: 2_000 },
    (req, res) => {
      baseHeaders(res);
      // The one error boundary: whatever a request carries, it gets an answer and the server keeps serving.
      route(req, res).catch((error: unknown) => answerFailure(req, res, error));
    },
  );
  server.maxConnections = options.maxConnections ?? 64;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return sendText(res, 421, inEnglish('platform.http.wrongHost'));
    if (!originAllowed(req.headers.origin, port)) return sendText(res, 403, inEnglish('platform.http.foreignOrigin'));
    const pathname = requestPath(req.url);
    if (pathname === LAUNCH_PATH || pathname.startsWith(`${LAUNCH_PATH}/`)) return redeemLaunch(req, res, pathname);
    if (!tokenMatches(pathname, prefix)) return sendText(res, 401, inEnglish('platform.http.badToken'));
    const rest = pathname.slice(prefix.length);

    if (rest.startsWith('rpc/')) {
      if (req.method !== 'POST') return sendText(res, 405, inEnglish('platform.http.methodNotAllowed'));
      return handleRpc(req, res, decodePathSegment(rest.slice(4)));
    }
    if (rest === 'events') {
      if (req.method !== 'GET') return sendText(res, 405, inEnglish('platform.http.methodNotAllowed'));
      return openEventStream(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, inEnglish('platform.http.methodNotAllowed'));
    const file = resolveStaticFile(options.rendererDir, rest);
    if (!file) return sendText(res, 404, inEnglish('platform.http.notFound'));
    res.writeHead(200, { 'Content-Type': mimeTypeOf(file), 'Content-Security-Policy': APP_CSP });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(file), res);
  }

  function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    // Mid-answer or with the client gone there is nobody to tell: close, as a cut transfer does.
    if (res.headersSent || req.destroyed) return void res.destroy();
    if (error instanceof BadRequest) return sendText(res, 400, inEnglish('platform.http.badRequest', { detail: error.message }));
    options.logger.error('browser-mode request failed', { error: error instanceof Error ? error.message : String(error) });
    sendText(res, 500, inEnglish('platform.http.internal'));
  }

  function redeemLaunch(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET') return sendText(res, 405, inEnglish('platform.http.methodNotAllowed'));
    const valid = launch !== undefined && Date.now() < launch.expires && tokenMatches(pathname, `${LAUNCH_PATH}/${launch.code}`, true);
    if (!valid) return sendText(res, 410, inEnglish('platform.http.launchUsed'));
    launch = undefined;
    res.writeHead(303, { Location: prefix });
    res.end();
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      return sendJson(res, 415, failed('INVALID_INPUT', 'platform.http.jsonOnly'));
    }
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch (error) {
      if (!(error instanceof PayloadTooLarge)) throw error;
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, failed('PAYLOAD_TOO_LARGE', error.key, error.values));
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, failed('INVALID_INPUT', 'platform.http.notJson'));
    }
    const result = await options.dispatch(channel, input);
    sendJson(res, 200, result);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    if (sseClients.size >= maxEventClients) {
      res.setHeader('Retry-After', '10');
      return sendText(res, 503, inEnglish('platform.http.tooManyStreams'));
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    const lastEventId = req.headers['last-event-id'];
    res.write(`: connected\n\n${replay.since(typeof lastEventId === 'string' ? lastEventId : undefined)}`);
    sseClients.add(res);
    const heartbeat = setInterval(() => push(res, ': ping\n\n'), SSE_HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      sseClients.delete(res);
    });
  }

  /** Writes a frame, unless the client already left more than the bound unread: then it is dropped. */
  function push(client: ServerResponse, frame: string): void {
    if (client.writableLength > maxBacklog) {
      sseClients.delete(client);
      client.destroy();
      return;
    }
    client.write(frame);
  }

  const unsubscribe = options.events.subscribe((name, payload) => {
    const frame = replay.frame(name, payload);
    for (const client of sseClients) push(client, frame);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  options.logger.info('browser mode listening', { host: HOST, port });

  return {
    url: `http://${HOST}:${port}${prefix}`,
    port,
    token,
    launchUrl: () => {
      launch = { code: randomBytes(24).toString('base64url'), expires: Date.now() + LAUNCH_CODE_TTL_MS };
      return `http://${HOST}:${port}${LAUNCH_PATH}/${launch.code}`;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe();
        for (const client of sseClients) client.end();
        sseClients.clear();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

/** Host must name loopback on our port: a DNS-rebound page carries its own host name here. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-site and on POST requests; only our own origin may call. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
}

/** Compares in constant time: `expected` as a prefix of the path, or the whole path when `whole`. */
function tokenMatches(pathname: string, expected: string, whole = false): boolean {
  if (whole && pathname.length !== expected.length) return false;
  const candidate = Buffer.from(pathname.slice(0, expected.length));
  const wanted = Buffer.from(expected);
  return candidate.length === wanted.length && timingSafeEqual(candidate, wanted);
}

/**
 * The path of the request target, parsed as a path (a target such as `//x` is not read as a host name);
 * any other form (absolute, `*`) or a target URL parsing refuses is the client's error.
 */
function requestPath(target: string | undefined): string {
  const refused = new BadRequest(inEnglish('platform.http.invalidTarget'));
  if (!target?.startsWith('/')) throw refused;
  try {
    return new URL(`http://${HOST}${target}`).pathname;
  } catch {
    throw refused;
  }
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequest(inEnglish('platform.http.invalidEncoding'));
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(new PayloadTooLarge('platform.http.tooLargeDeclared', { size: declared, limit }));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but keep the socket until the 413 reply is written; it closes after that.
        req.off('data', onData);
        req.resume();
        reject(new PayloadTooLarge('platform.http.tooLarge', { limit }));
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
