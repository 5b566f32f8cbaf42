// Admission of a laptop into the cell: the newcomer reaches the inviting laptop over TLS, checks that laptop's
// certificate against the pin in the join code, and hands over the one-time secret with its device public key;
// the inviting laptop answers with a certificate from the cell authority. Nothing of the cell's data travels
// here: that goes through automerge-repo once the newcomer holds its certificate.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { z } from 'zod';
import { AppFailure } from '../../../shared/contract/envelope';
import { memberNameSchema, memberRolesSchema } from '../../../shared/contract/cell';
import type { JoinCode } from './joinCode';
import { failure, inEnglish, type WordingValues } from '../../platform/i18n/failure';

export const joinRequestSchema = z.object({
  invitationId: z.string().regex(/^[0-9a-f]{32}$/),
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  publicKeyPem: z.string().max(1000),
  memberName: memberNameSchema,
  roles: memberRolesSchema,
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

const admissionSchema = z.object({
  cellId: z.uuid(),
  cellUrl: z.string().startsWith('automerge:').max(200),
  caCertificatePem: z.string().max(4000),
  deviceCertificatePem: z.string().max(4000),
});
export type Admission = z.infer<typeof admissionSchema>;

const MAX_BODY = 16 * 1024;
const TIMEOUT_MS = 10_000;

export function splitAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(address.slice(at + 1)) };
}

export const joinAddress = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** Listens for newcomers on one interface address; `admit` refuses with an AppFailure. */
export function startJoinServer(
  host: string,
  identity: { key: string; cert: string },
  admit: (request: JoinRequest) => Promise<Admission>,
): Promise<{ server: Server; port: number }> {
  const server = createServer({ key: identity.key, cert: identity.cert, minVersion: 'TLSv1.3', requestTimeout: TIMEOUT_MS }, (req, res) => {
    const answer = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/join') return answer(404, { error: inEnglish('platform.cell.notFound') });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let parsed;
      try {
        parsed = joinRequestSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) return answer(400, { error: inEnglish('platform.cell.malformedRequest') });
      admit(parsed.data).then(
        (admission) => answer(200, admission),
        (error: unknown) => answer(error instanceof AppFailure && error.code === 'FORBIDDEN' ? 403 : 500, { error: error instanceof AppFailure ? error.message : inEnglish('platform.cell.admissionFailed') }),
      );
    });
  });
  server.on('tlsClientError', () => undefined);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}

/** Asks the inviting laptop named by the join code for admission. */
export function requestAdmission(code: JoinCode, request: JoinRequest): Promise<Admission> {
  const { host, port } = splitAddress(code.join);
  return new Promise((resolve, reject) => {
    const refuse = (code: 'FORBIDDEN' | 'UNAVAILABLE', key: string, values?: WordingValues): void => {
      socket.destroy();
      reject(failure(code, key, values));
    };
    // The inviting laptop's certificate is not checked against a CA the newcomer does not have yet, but against
    // the pin the join code carries; nothing is sent before it matches.
    const socket = tlsConnect({ host, port, rejectUnauthorized: false, minVersion: 'TLSv1.3', timeout: TIMEOUT_MS });
    socket.on('timeout', () => refuse('UNAVAILABLE', 'platform.cell.noAnswer', { address: code.join }));
    socket.on('error', (error) => refuse('UNAVAILABLE', 'platform.cell.unreachable', { address: code.join, detail: error.message }));
    socket.on('secureConnect', () => {
      const presented = createHash('sha256').update(socket.getPeerCertificate().raw).digest('hex');
      if (presented !== code.pin) return refuse('FORBIDDEN', 'platform.cell.wrongLaptop');
      const body = JSON.stringify(request);
      const req = httpRequest(
        { method: 'POST', path: '/join', createConnection: () => socket, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            socket.destroy();
            let value: unknown;
            try {
              value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              value = undefined;
            }
            if (res.statusCode === 403) return reject(failure('FORBIDDEN', 'platform.cell.invitationRefused'));
            const admission = admissionSchema.safeParse(value);
            if (res.statusCode !== 200 || !admission.success) return reject(failure('UNAVAILABLE', 'platform.cell.noUsableAnswer'));
            resolve(admission.data);
          });
        },
      );
      req.on('error', (error) => refuse('UNAVAILABLE', 'platform.cell.requestFailed', { detail: error.message }));
      req.end(body);
    });
  });
}
