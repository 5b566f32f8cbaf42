// Loopback stand-ins for a company's own infrastructure: an SMTP relay (smtp-server) and an HTTP gateway
// (node:http, or node:https with a certificate nobody trusts) that record what they accepted.
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach } from 'vitest';
import type { Core } from '../../src/main/app/createCore';
import type { CrisisPlan } from '../../src/shared/domain/plan';
import { alertSettings, reachablePlan } from './alertPlan';
import { invoke, makeTestCore } from './testCore';
import { createAuthority, generateEd25519, issueDeviceCertificate } from '../../src/main/platform/sync/cellCertificates';

export interface ReceivedMail {
  readonly to: string[];
  readonly messageId: string;
  readonly raw: string;
  /** The text part, decoded from quoted-printable or base64. */
  readonly text: string;
}

export interface MailRelay {
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** Connections the relay saw, accepted or not. */
  connections: number;
  close(): Promise<void>;
}

function decodeBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
  }
  return body;
}

/** A relay that greets after `greetingDelayMs` and accepts every message `delayMs` after its last byte. */
export async function mailRelay({ delayMs = 0, greetingDelayMs = 0, user }: { delayMs?: number; greetingDelayMs?: number; user?: { name: string; password: string } } = {}): Promise<MailRelay> {
  const mails: ReceivedMail[] = [];
  const relay: MailRelay = { port: 0, mails, connections: 0, close: async () => {} };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', ...(user ? [] : ['AUTH'])],
    allowInsecureAuth: true,
    authOptional: !user,
    logger: false,
    onConnect: (_session, callback) => {
      relay.connections += 1;
      setTimeout(() => callback(), greetingDelayMs);
    },
    onAuth: (auth, _session, callback) =>
      auth.username === user?.name && auth.password === user?.password ? callback(null, { user: auth.username }) : callback(new Error('Invalid login')),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        setTimeout(() => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const messageId = /^message-id:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId, raw, text: decodeBody(raw) });
          callback();
        }, delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address() as { port: number };
  return Object.assign(relay, { port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

export interface GatewayCall {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface GatewayAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Answer after this long (a slow or hung gateway). */
  readonly delayMs?: number;
}

export interface Gateway {
  readonly url: string;
  /** Every request, resends included. */
  readonly calls: GatewayCall[];
  /** What the gateway passed on to phones: with `idempotent`, a request repeating an Idempotency-Key is not. */
  readonly delivered: GatewayCall[];
  connections: number;
  /** How the gateway answers the next calls. */
  answer: (call: GatewayCall) => GatewayAnswer;
  close(): Promise<void>;
}

/** `idempotent`: honours Idempotency-Key, as the gateways Tocsin's resend after a crash relies on do. */
export async function gateway({ tls = false, idempotent = false }: { tls?: boolean; idempotent?: boolean } = {}): Promise<Gateway> {
  const calls: GatewayCall[] = [];
  const delivered: GatewayCall[] = [];
  const keys = new Set<string>();
  const sockets = new Set<Socket>();
  const gw: Gateway = { url: '', calls, delivered, connections: 0, answer: () => ({ status: 200, body: '{}' }), close: async () => {} };
  const handler = (req: IncomingMessage, res: import('node:http').ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      const key = String(req.headers['idempotency-key'] ?? '');
      if (!idempotent || !keys.has(key)) delivered.push(call);
      keys.add(key);
      const a = gw.answer(call);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        res.end(a.body ?? '{}');
      }, a.delayMs ?? 0);
    });
  };
  let server: Server;
  if (tls) {
    // A server certificate from an authority this laptop was never told about.
    const authority = await createAuthority('unknown-company-ca', new Date());
    const pair = generateEd25519();
    const cert = await issueDeviceCertificate(authority, pair.publicKeyPem, new Date());
    server = createHttpsServer({ key: pair.privateKeyPem, cert }, handler);
  } else server = createHttpServer(handler);
  server.on('connection', (socket: Socket) => {
    gw.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return Object.assign(gw, {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}

/** A core that alerts through a loopback relay and gateway, on a clock the test moves. */
export interface AlertBench {
  /** The core open now (`restart` opens another). */
  core: Core;
  readonly plan: CrisisPlan;
  readonly relay: MailRelay;
  readonly gw: Gateway;
  /** Sets the clock `minutes` after the start. */
  at(minutes: number): void;
  advance(ms: number): void;
  /** Closes the core and opens it again on its data folder and the same clock (a restart). */
  restart(): Core;
}

/**
 * For a file whose tests alert through the channels: `start` opens a relay, a gateway and a core at `startAt` with
 * a reachable plan (edited by `edit`) and the live workspace's alert settings pointing at them; each test's are
 * closed after it.
 */
export function useAlertServers(newDir: () => string, startAt: number) {
  let bench: AlertBench | undefined;
  afterEach(async () => {
    const closing = bench;
    bench = undefined;
    closing?.core.close();
    await closing?.relay.close();
    await closing?.gw.close();
  });
  return {
    async start(edit?: (plan: CrisisPlan) => void): Promise<AlertBench> {
      let t = startAt;
      const dir = newDir();
      const open = () => makeTestCore(dir, { clock: { now: () => new Date(t) }, notify: { intervalMs: 0, requestTimeoutMs: 2_000, random: () => 0.5 } });
      const relay = await mailRelay();
      const gw = await gateway();
      const core = open();
      const opened: AlertBench = {
        core,
        plan: await reachablePlan(core, edit),
        relay,
        gw,
        at: (minutes) => void (t = startAt + minutes * 60_000),
        advance: (ms) => void (t += ms),
        restart() {
          opened.core.close();
          opened.core = open();
          return opened.core;
        },
      };
      bench = opened;
      await invoke(core, 'notify:setSettings', { workspaceId: 'live', settings: alertSettings(relay.port, gw.url) });
      return opened;
    },
    /** The running test's bench. */
    current(): AlertBench {
      if (!bench) throw new Error('no alert servers started in this test');
      return bench;
    },
  };
}
