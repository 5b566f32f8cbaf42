import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src/main/app/createCore';
import { silentLogger } from '../../../../src/main/platform/logger';
import { startBrowserServer, type BrowserServer, type BrowserServerOptions } from '../../../../src/main/server/httpServer';
import { idleConnection, rawRequest } from '../../../support/rawHttp';
import { makeTestCore } from '../../../support/testCore';
import { useTempDirs } from '../../../support/tempDir';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function start(): Promise<BrowserServer> {
  return (await startWith({})).server;
}

async function startWith(limits: Partial<BrowserServerOptions>): Promise<{ server: BrowserServer; core: Core }> {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tocsin</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
  const core = makeTestCore(tempDir());
  const server = await startBrowserServer({
    dispatch: core.dispatch,
    events: core.events,
    rendererDir,
    logger: silentLogger,
    maxBodyBytes: 4096,
    ...limits,
  });
  cleanups.push(() => server.close(), () => core.close());
  return { server, core };
}

/** Raw request, so tests control Host and Origin headers exactly as a hostile page could. */
function send(
  server: BrowserServer,
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

/** An event stream on a raw socket: resolves with the socket and the status once the response head is in. */
function openStream(server: BrowserServer): Promise<{ socket: Socket; status: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: server.port }, () =>
      socket.write(`GET /${server.token}/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`),
    );
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.pause();
      cleanups.push(() => void socket.destroy());
      resolve({ socket, status: Number(head.slice(9, 12)) });
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
}

/** Waits until `check` holds, polling; fails the test after `ms`. */
async function eventually(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(20);
  }
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a token-scoped URL', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/${server.token}/`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 and serves nothing without the right token', async () => {
    const server = await start();
    // The token with its last character changed (a random token may already end in any given character).
    const wrongToken = `${server.token.slice(0, -1)}${server.token.endsWith('x') ? 'y' : 'x'}`;
    for (const path of ['/', '/index.html', '/assets/app.js', `/${wrongToken}/`, `/rpc/workspaces:list`]) {
      const res = await send(server, path);
      expect(res.status, path).toBe(401);
      expect(res.body).not.toContain('Tocsin</title>');
    }
  });

  it('serves the app and answers calls with the token', async () => {
    const server = await start();
    const page = await send(server, `/${server.token}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Tocsin</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const call = await send(server, `/${server.token}/rpc/workspaces:list`, { method: 'POST', headers: json, body: '{}' });
    expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: [{ id: 'live' }] });
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const server = await start();
    const rebound = await send(server, `/${server.token}/`, { headers: { Host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(421);
    const foreign = await send(server, `/${server.token}/rpc/workspaces:list`, {
      method: 'POST',
      headers: { ...json, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const own = await send(server, `/${server.token}/rpc/workspaces:list`, {
      method: 'POST',
      headers: { ...json, Origin: `http://127.0.0.1:${server.port}` },
      body: '{}',
    });
    expect(own.status).toBe(200);
  });

  it('never relies on cookies: sets none, and a cookie without the token gets nothing (CSRF-proof)', async () => {
    const server = await start();
    const page = await send(server, `/${server.token}/`);
    expect(page.headers['set-cookie']).toBeUndefined();
    const withCookie = await send(server, '/rpc/workspaces:list', {
      method: 'POST',
      headers: { ...json, Cookie: `token=${server.token}` },
      body: '{}',
    });
    expect(withCookie.status).toBe(401);
  });

  it('blocks path traversal out of the renderer folder', async () => {
    const server = await start();
    for (const path of ['../secret.txt', '..%2Fsecret.txt', '%2e%2e/secret.txt', 'assets/..%2F..%2Fsecret.txt', '%00']) {
      const res = await send(server, `/${server.token}/${path}`);
      expect([400, 401, 404], path).toContain(res.status);
      expect(res.body).not.toContain('secret');
    }
  });

  it('accepts calls only as POST application/json, rejects bad JSON and oversize bodies', async () => {
    const server = await start();
    const base = `/${server.token}/rpc/workspaces:list`;
    expect((await send(server, base)).status).toBe(405);
    expect((await send(server, base, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const bad = await send(server, base, { method: 'POST', headers: json, body: '{oops' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const huge = await send(server, base, { method: 'POST', headers: json, body: JSON.stringify({ x: 'a'.repeat(10_000) }) });
    expect(huge.status).toBe(413);
    // Worded from the catalogues, so the screen says it in its reader's language.
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', wording: { key: expect.stringMatching(/^platform\.http\.tooLarge/) } } });
  });

  it('pushes contract events over Server-Sent Events', async () => {
    const server = await start();
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: `/${server.token}/events` }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          data += chunk;
          if (data.includes('\n\n') && data.includes('event: workspaces:changed')) {
            req.destroy();
            resolve(data);
          }
        });
        void send(server, `/${server.token}/rpc/workspaces:updateSettings`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ workspaceId: 'live', settings: { displayName: 'Pushed' } }),
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: workspaces:changed\ndata: {"workspaceId":"live"}');
  });

  it('sends a page that reconnects with Last-Event-ID the events it missed while its stream was down', async () => {
    const { server, core } = await startWith({});
    const listen = (headers: Record<string, string>, until: string) =>
      new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: `/${server.token}/events`, headers }, (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            data += chunk;
            if (data.includes(until)) {
              req.destroy();
              resolve(data);
            }
          });
          if (Object.keys(headers).length === 0) core.events.emit('workspaces:changed', { workspaceId: 'first' });
        });
        req.on('error', reject);
        req.end();
      });
    const first = await listen({}, '"first"}\n\n');
    const lastId = /id: (\d+)\nevent: workspaces:changed\ndata: \{"workspaceId":"first"\}/.exec(first)?.[1];
    expect(lastId).toBeDefined();
    core.events.emit('workspaces:changed', { workspaceId: 'missed-1' });
    core.events.emit('workspaces:changed', { workspaceId: 'missed-2' });
    const again = await listen({ 'Last-Event-ID': lastId! }, '"missed-2"}\n\n');
    expect(again).toContain('"missed-1"');
    expect(again).not.toContain('"first"');
    const lost = await listen({ 'Last-Event-ID': '999999' }, 'system:eventsMissed');
    expect(lost).toContain('event: system:eventsMissed\ndata: {}');
  });

  it('answers every request target, parseable or not, with or without the token, and keeps serving', async () => {
    const server = await start();
    const host = `Host: 127.0.0.1:${server.port}\r\n`;
    const call = `${host}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`;
    const requests: [string, number][] = [
      // Paths like any other (not a host name after `//`): no token, so 401.
      [`GET // HTTP/1.1\r\n${host}\r\n`, 401],
      [`GET //${server.token}/ HTTP/1.1\r\n${host}\r\n`, 401],
      [`GET //x/y HTTP/1.1\r\n${host}\r\n`, 401],
      [`POST /${server.token}/rpc/%E0 HTTP/1.1\r\n${call}`, 400],
      [`POST /${server.token}/rpc/workspace%3Alist%ZZ HTTP/1.1\r\n${call}`, 400],
      [`GET http://127.0.0.1:${server.port}/${server.token}/ HTTP/1.1\r\n${host}\r\n`, 400],
      [`OPTIONS * HTTP/1.1\r\n${host}\r\n`, 400],
    ];
    for (const [request, status] of requests) {
      const reply = await rawRequest(server.port, request);
      expect(reply.status, request).toBe(status);
    }
    const page = await send(server, `/${server.token}/`);
    expect(page.status).toBe(200);
  });

  it('caps open connections: one over the cap is closed unanswered, and serving resumes when they go', async () => {
    const { server } = await startWith({ maxConnections: 4 });
    const idle = await Promise.all([1, 2, 3, 4].map(() => idleConnection(server.port)));
    const over = await rawRequest(server.port, `GET /${server.token}/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
    expect(over).toMatchObject({ closedWithoutReply: true });
    for (const socket of idle) socket.destroy();
    await eventually(async () => (await send(server, `/${server.token}/`).catch(() => ({ status: 0 }))).status === 200);
  });

  it('caps event-stream clients with 503, and takes a new one when one leaves', async () => {
    const { server } = await startWith({ maxEventClients: 2 });
    const first = await openStream(server);
    const second = await openStream(server);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await openStream(server);
    expect(third.status).toBe(503);
    first.socket.destroy();
    await eventually(async () => (await openStream(server)).status === 200);
  });

  it('drops an event-stream client that stops reading, and keeps feeding the others', async () => {
    const { server, core } = await startWith({ maxEventBacklogBytes: 256 * 1024 });
    const stalled = await openStream(server);
    const reader = await openStream(server);
    let readerText = '';
    reader.socket.on('data', (chunk: Buffer) => (readerText = (readerText + chunk.toString('latin1')).slice(-4096)));
    reader.socket.resume();

    // 32 MiB of events, at a pace a reading client keeps up with; the stalled client reads none of them.
    const big = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 512; i++) {
      core.events.emit('workspaces:changed', { workspaceId: big });
      await sleep(0);
    }
    core.events.emit('workspaces:changed', { workspaceId: 'last' });
    await eventually(() => readerText.includes('data: {"workspaceId":"last"}'), 20_000);

    // Reading now, the stalled client gets at most what was in flight when it was dropped, then the end.
    let received = 0;
    const ended = new Promise<void>((resolve) => stalled.socket.on('close', () => resolve()));
    stalled.socket.on('data', (chunk: Buffer) => (received += chunk.length));
    stalled.socket.resume();
    await Promise.race([ended, sleep(5_000).then(() => Promise.reject(new Error(`still open after ${received} bytes`)))]);
    expect(received).toBeLessThan(16 * 1024 * 1024);
  });

  it('opens on a one-time launch address that hands over the token once, then is dead', async () => {
    const server = await start();
    const launch = new URL(server.launchUrl());
    expect(launch.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(launch.href).not.toContain(server.token);
    const rebound = await send(server, launch.pathname, { headers: { Host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(421);

    const first = await send(server, launch.pathname);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/${server.token}/`);
    const page = await send(server, first.headers.location as string);
    expect(page.body).toContain('<title>Tocsin</title>');

    for (const path of [launch.pathname, `/launch/${'A'.repeat(32)}`, '/launch/', '/launch']) {
      const again = await send(server, path);
      expect(again.status, path).toBe(410);
      expect(again.body + JSON.stringify(again.headers)).not.toContain(server.token);
    }
  });
});
