// Property-based fuzzing of browser mode over raw sockets: random request lines, targets, headers, framings
// and bodies, with and without the launch token. Every request gets an HTTP status (Node's own parser answers
// 400/417/431 to what it refuses), except CONNECT, which Node closes without a tunnel handler, and a request the
// client cuts short, whose answer may come after it left: those end with a close, never a hang. The server still
// serves afterwards, and nothing without the token reaches the dispatcher or gets a 2xx/3xx answer.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/platform/logger';
import type { Dispatch } from '../../../src/main/platform/ipc/dispatcher';
import { startBrowserServer } from '../../../src/main/server/httpServer';
import { FUZZ_RUNS } from '../../support/fuzz';
import { rawRequest, type RawReply } from '../../support/rawHttp';
import { makeTestCore } from '../../support/testCore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const SEED = Number(process.env.TOCSIN_FUZZ_SEED ?? 14);
const MAX_BODY = 4096;
const BATCH = 25;
/** Stands for the server's own origin in a header value, filled in with the port when written out. */
const OWN_ORIGIN = '{own-origin}';

// Calls that read, or write only settings; a random input rarely passes their schema, a valid one is cheap.
const CHANNELS = ['system:info', 'workspaces:list', 'workspaces:get', 'workspaces:updateSettings', 'mentions:search', 'detection:listAlerts', 'incidents:list', 'crisisLog:list', 'security:networkPolicy', 'security:status'];

type Target = (token: string, port: number) => string;

/** What a request is made of; `token` and `port` are filled in when it is written out. */
interface RequestSpec {
  readonly noisy: boolean;
  readonly withToken: boolean;
  readonly method: string;
  readonly target: Target;
  readonly version: string;
  readonly eol: string;
  readonly host: (port: number) => string | undefined;
  readonly contentType: string | undefined;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  readonly framing: 'length' | 'none' | 'chunked' | 'both' | 'bad-length' | 'two-lengths';
  /** Sent only in part, then the client half-closes: the request never completes. */
  readonly cutAt: number | undefined;
}

const percentNoise = fc.constantFrom('%E0', '%ZZ', '%', '%00', '%2F', '%2e%2e', '%C0%AF', '%FF%FE', '%u0041', '%25', '%3A');
const segment = fc.oneof(
  fc.constantFrom('', '.', '..', 'index.html', 'assets', 'app.js', 'rpc', 'events', 'launch', '\\..', 'ϟ', '💥', ';', '@'),
  fc.stringMatching(/^[A-Za-z0-9._~:-]{1,12}$/),
  percentNoise,
  fc.tuple(fc.stringMatching(/^[a-z]{0,4}$/), percentNoise).map(([a, b]) => a + b),
);
const segments = fc.array(segment, { maxLength: 5 }).map((s) => s.join('/'));
const channel = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CHANNELS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,9}:[A-Za-z]{1,9}$/) },
  { weight: 1, arbitrary: segments },
  { weight: 1, arbitrary: percentNoise },
);
const query = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.stringMatching(/^\?[A-Za-z0-9=&%#]{0,16}$/) });

/** The part after the token (or after nothing, for a request without it). */
const route = fc.oneof(
  { weight: 4, arbitrary: channel.map((c) => `rpc/${c}`) },
  { weight: 1, arbitrary: fc.constantFrom('events', '', 'index.html', 'assets/app.js') },
  { weight: 1, arbitrary: segments },
);

const tokenTarget = (noisy: boolean): fc.Arbitrary<Target> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.tuple(route, query).map(([r, q]): Target => (token) => `/${token}/${r}${q}`) },
    { weight: noisy ? 1 : 0, arbitrary: route.map((r): Target => (token) => `//${token}/${r}`) },
    { weight: noisy ? 1 : 0, arbitrary: route.map((r): Target => (token, port) => `http://127.0.0.1:${port}/${token}/${r}`) },
  );
const tokenlessTarget = (noisy: boolean): fc.Arbitrary<Target> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(route, query).map(([r, q]): Target => () => `/${r}${q}`) },
    { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/), route).map(([t, r]): Target => () => `/${t}/${r}`) },
    { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^[A-Za-z0-9_-]{0,32}$/), route).map(([t, r]): Target => () => `/launch/${t}${r}`) },
    { weight: noisy ? 2 : 1, arbitrary: fc.constantFrom('//', '///', '/launch', '*', '/..', '/%', '//x/y').map((t): Target => () => t) },
    { weight: noisy ? 1 : 0, arbitrary: fc.string({ maxLength: 30 }).map((t): Target => () => t) },
    { weight: noisy ? 1 : 0, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map((t): Target => () => t) },
  );

const cleanMethod = fc.oneof({ weight: 6, arbitrary: fc.constant('POST') }, { weight: 3, arbitrary: fc.constantFrom('GET', 'HEAD') }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'OPTIONS', 'PATCH') });
const noisyMethod = fc.oneof(
  { weight: 4, arbitrary: cleanMethod },
  { weight: 1, arbitrary: fc.constantFrom('TRACE', 'CONNECT', 'PROPFIND', 'get', 'PRI') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const noisyVersion = fc.oneof({ weight: 6, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 x', 'http/1.1', 'HTTP/1.', '') });
const host = fc.oneof(
  { weight: 8, arbitrary: fc.constant((port: number) => `127.0.0.1:${port}`) },
  { weight: 1, arbitrary: fc.constant((port: number) => `localhost:${port}`) },
  { weight: 1, arbitrary: fc.constant(() => undefined) },
  { weight: 1, arbitrary: fc.constantFrom('evil.example', '127.0.0.1', '127.0.0.1:1', '[::1]', '').map((h) => () => h) },
);

const cleanHeader = fc.oneof(
  fc.tuple(fc.constant('Origin'), fc.constantFrom(OWN_ORIGIN, OWN_ORIGIN, 'http://evil.example', 'null', 'http://127.0.0.1', 'http://localhost')),
  fc.tuple(fc.constantFrom('Accept', 'Cookie', 'X-Forwarded-For', 'Referer', 'Range', 'Connection', 'Expect'), fc.constantFrom('*/*', 'keep-alive', 'close', 'bytes=0-1', '100-continue', 'token=x')),
  fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/), fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,38}$/)),
);
const noisyHeader = fc.oneof(
  { weight: 3, arbitrary: cleanHeader },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Upgrade', 'Connection'), fc.constantFrom('websocket', 'upgrade', 'h2c', 'Upgrade, HTTP2-Settings')) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.stringMatching(/^[\x20-\x7e]{0,20}$/)) },
  // Control characters, obs-fold and bare CR or LF, but never CRLF itself: that would end the head mid-value.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Accept', 'X-A'), fc.string({ unit: 'binary', maxLength: 20 }).map((v) => v.replace(/\r\n/g, '\r'))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Accept', 'X-A'), fc.constantFrom('a\r\n b', 'a\rb', 'a\nb', 'a\0b')) },
);
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x') },
);

const body = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? '') },
  { weight: 2, arbitrary: fc.record({ workspaceId: fc.constantFrom('live', 'x', ''), settings: fc.record({ displayName: fc.string({ maxLength: 20 }) }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.nat({ max: 3 * MAX_BODY }).map((n) => `"${'a'.repeat(n)}"`) },
);
const cleanFraming = fc.oneof({ weight: 6, arbitrary: fc.constant('length' as const) }, { weight: 1, arbitrary: fc.constant('chunked' as const) });
const noisyFraming = fc.oneof(
  { weight: 4, arbitrary: cleanFraming },
  { weight: 1, arbitrary: fc.constantFrom('none' as const, 'both' as const, 'bad-length' as const, 'two-lengths' as const) },
);

/**
 * Well-formed requests (what a browser or a script would send) reach the routing; noisy ones also break
 * the request line, the headers or the framing, or stop half-way.
 */
const requestOf = (noisy: boolean, withToken: boolean): fc.Arbitrary<RequestSpec> =>
  fc.record({
    noisy: fc.constant(noisy),
    withToken: fc.constant(withToken),
    method: noisy ? noisyMethod : cleanMethod,
    target: withToken ? tokenTarget(noisy) : tokenlessTarget(noisy),
    version: noisy ? noisyVersion : fc.constant('HTTP/1.1'),
    eol: noisy ? fc.oneof({ weight: 6, arbitrary: fc.constant('\r\n') }, { weight: 1, arbitrary: fc.constant('\n') }) : fc.constant('\r\n'),
    host,
    contentType,
    headers: fc.array(noisy ? noisyHeader : cleanHeader, { maxLength: noisy ? 4 : 2 }),
    body,
    framing: noisy ? noisyFraming : cleanFraming,
    cutAt: noisy ? fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat() }) : fc.constant(undefined),
  });
const requestSpec = fc.oneof(
  { weight: 3, arbitrary: requestOf(false, true) },
  { weight: 3, arbitrary: requestOf(false, false) },
  { weight: 2, arbitrary: requestOf(true, true) },
  { weight: 2, arbitrary: requestOf(true, false) },
);

function render(spec: RequestSpec, token: string, port: number): Buffer {
  const { eol } = spec;
  const body = Buffer.from(spec.body, 'utf8');
  const lines = [`${spec.method} ${spec.target(token, port)} ${spec.version}`.trimEnd()];
  const hostValue = spec.host(port);
  if (hostValue !== undefined) lines.push(`Host: ${hostValue}`);
  if (spec.contentType !== undefined) lines.push(`Content-Type: ${spec.contentType}`);
  for (const [name, value] of spec.headers) {
    // Framing is chosen below, so a random header cannot leave the server waiting for a body never sent.
    if (/^(content-length|transfer-encoding)$/i.test(name)) continue;
    lines.push(`${name}: ${value.replace(OWN_ORIGIN, `http://127.0.0.1:${port}`)}`);
  }
  let payload = body;
  switch (spec.framing) {
    case 'length':
      lines.push(`Content-Length: ${body.length}`);
      break;
    case 'none':
      payload = Buffer.alloc(0);
      break;
    case 'chunked':
      lines.push('Transfer-Encoding: chunked');
      payload = Buffer.concat([body.length > 0 ? Buffer.from(`${body.length.toString(16)}\r\n`) : Buffer.alloc(0), body, Buffer.from(body.length > 0 ? '\r\n0\r\n\r\n' : '0\r\n\r\n')]);
      break;
    case 'both':
      lines.push(`Content-Length: ${body.length}`, 'Transfer-Encoding: chunked');
      break;
    case 'bad-length':
      lines.push('Content-Length: 1x');
      break;
    case 'two-lengths':
      lines.push(`Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`);
      break;
  }
  const bytes = Buffer.concat([Buffer.from(lines.join(eol) + eol + eol, 'latin1'), payload]);
  return spec.cutAt === undefined ? bytes : bytes.subarray(0, spec.cutAt % bytes.length);
}

function get(port: number, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens an event stream, fires `emit` once it is open, and resolves with what arrived up to that event. */
function pushedEvent(port: number, token: string, emit: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/${token}/events` }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes(': connected') && !text.includes('event:')) emit();
        if (text.includes('event: workspaces:changed\ndata:') && text.endsWith('\n\n')) {
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode server under fuzzing', () => {
  it('answers every request, keeps serving, and lets nothing without the token reach a handler', { timeout: 600_000 }, async () => {
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tocsin</title>');
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    const core = makeTestCore(tempDir());
    let reached = 0;
    const dispatch: Dispatch = (channelName, input) => {
      reached++;
      return core.dispatch(channelName, input);
    };
    const server = await startBrowserServer({ dispatch, events: core.events, rendererDir, logger: silentLogger, maxBodyBytes: MAX_BODY });
    const { token, port } = server;

    const statuses = new Map<string, number>();
    const tally = (key: string): void => void statuses.set(key, (statuses.get(key) ?? 0) + 1);
    const sendOne = async (spec: RequestSpec): Promise<void> => {
      const bytes = render(spec, token, port);
      const shown = JSON.stringify(bytes.toString('latin1').slice(0, 300));
      const cut = spec.cutAt !== undefined;
      const reply: RawReply = await rawRequest(port, bytes, { end: cut });
      const label = `${spec.noisy ? 'noisy' : 'clean'}, ${spec.withToken ? 'token' : 'no token'}${cut ? ', cut short' : ''}`;
      if (reply.status === undefined) {
        // Unanswered only where Node's parser itself drops the connection (CONNECT with no tunnel handler),
        // or for a request cut short whose answer would come after the client left.
        expect(cut || /^CONNECT /.test(bytes.toString('latin1')), `closed without an answer: ${shown}`).toBe(true);
        tally(`${label}: closed`);
      } else tally(`${label}: ${reply.status}`);
      if (!spec.withToken) expect(reply.status ?? 400, `served without the token: ${shown}`).toBeGreaterThanOrEqual(400);
    };

    // Requests go in batches, several at once as a browser sends them; within a batch, those without the
    // token go first, and the dispatcher's count must not move while they are in flight.
    await fc.assert(
      fc.asyncProperty(fc.array(requestSpec, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const before = reached;
        await Promise.all(batch.filter((spec) => !spec.withToken).map(sendOne));
        expect(reached, 'a request without the token reached the dispatcher').toBe(before);
        await Promise.all(batch.filter((spec) => spec.withToken).map(sendOne));
      }),
      // No shrinking: a failure already names the exact request, and retrying batches against a wedged server
      // would take minutes.
      { numRuns: Math.ceil(FUZZ_RUNS / BATCH), seed: SEED, endOnFailure: true },
    );

    // Still serving: the app, a call, and a push event on a fresh stream.
    expect((await get(port, `/${token}/`)).body).toContain('<title>Tocsin</title>');
    expect(JSON.parse((await get(port, `/${token}/rpc/workspaces:list`, '{}')).body)).toMatchObject({ ok: true });
    expect(await pushedEvent(port, token, () => core.events.emit('workspaces:changed', { workspaceId: 'after-fuzz' }))).toContain(
      'data: {"workspaceId":"after-fuzz"}',
    );
    const sorted = [...statuses].sort(([a], [b]) => a.localeCompare(b));
    console.log(`browser-mode fuzz (seed ${SEED}): ${FUZZ_RUNS} requests, ${reached} reached the dispatcher, all with the token; ${sorted.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    expect(reached).toBeGreaterThan(FUZZ_RUNS / 50);
    await server.close();
    core.close();
  });
});
