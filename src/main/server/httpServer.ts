// Browser mode: serves the built renderer and the contract over HTTP + Server-Sent Events on loopback only.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type Result } from '../../shared/contract/index';
import type { EventBus } from '../platform/events/eventBus';
import type { Logger } from '../platform/logger';
import type { Dispatch } from '../platform/ipc/dispatcher';
import { APP_CSP, mimeTypeOf, resolveStaticFile } from './staticFiles';

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
}

export interface BrowserServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const SSE_HEARTBEAT_MS = 25_000;

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const prefix = `/${token}/`;
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const server: Server = createServer((req, res) => {
    baseHeaders(res);
    const url = new URL(req.url ?? '/', 'http://invalid');
    if (!hostAllowed(req.headers.host, port)) return sendText(res, 421, 'Misdirected request: wrong Host header.');
    if (!originAllowed(req.headers.origin, port)) return sendText(res, 403, 'Forbidden: foreign Origin.');
    if (!tokenMatches(url.pathname, prefix)) return sendText(res, 401, 'Unauthorized: missing or wrong launch token.');
    const rest = url.pathname.slice(prefix.length);

    if (rest.startsWith('rpc/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed.');
      return void handleRpc(req, res, decodeURIComponent(rest.slice(4)));
    }
    if (rest === 'events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed.');
      return openEventStream(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    const file = resolveStaticFile(options.rendererDir, rest);
    if (!file) return sendText(res, 404, 'Not found.');
    res.writeHead(200, { 'Content-Type': mimeTypeOf(file), 'Content-Security-Policy': APP_CSP });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });

  async function handleRpc(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      return sendJson(res, 415, fail('INVALID_INPUT', 'Calls must be sent as application/json.'));
    }
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch (error) {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, fail('PAYLOAD_TOO_LARGE', (error as Error).message));
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, fail('INVALID_INPUT', 'The request body is not valid JSON.'));
    }
    const result = await options.dispatch(channel, input);
    sendJson(res, 200, result);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), SSE_HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      sseClients.delete(res);
    });
  }

  const unsubscribe = options.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
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

function tokenMatches(pathname: string, prefix: string): boolean {
  const candidate = Buffer.from(pathname.slice(0, prefix.length));
  const expected = Buffer.from(prefix);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(new Error(`The request is too large (${declared} bytes, limit ${limit}).`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but keep the socket until the 413 reply is written; it closes after that.
        req.off('data', onData);
        req.resume();
        reject(new Error(`The request is too large (over ${limit} bytes).`));
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
