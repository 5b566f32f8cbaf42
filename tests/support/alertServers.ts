// Loopback stand-ins for a company's own infrastructure: an SMTP relay (smtp-server) and an HTTP gateway
// (node:http, or node:https with a certificate nobody trusts) that record what they accepted.
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
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
