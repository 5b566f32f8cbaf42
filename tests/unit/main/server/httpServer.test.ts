import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/main/platform/logger';
import { startBrowserServer, type BrowserServer } from '../../../../src/main/server/httpServer';
import { makeTestCore } from '../../../support/testCore';
import { useTempDirs } from '../../../support/tempDir';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function start(): Promise<BrowserServer> {
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
  });
  cleanups.push(() => server.close(), () => core.close());
  return server;
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

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a token-scoped URL', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/${server.token}/`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 and serves nothing without the right token', async () => {
    const server = await start();
    for (const path of ['/', '/index.html', '/assets/app.js', `/${server.token.slice(0, -1)}x/`, `/rpc/workspace:list`]) {
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
    const call = await send(server, `/${server.token}/rpc/workspace:list`, { method: 'POST', headers: json, body: '{}' });
    expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: [{ id: 'live' }] });
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const server = await start();
    const rebound = await send(server, `/${server.token}/`, { headers: { Host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(421);
    const foreign = await send(server, `/${server.token}/rpc/workspace:list`, {
      method: 'POST',
      headers: { ...json, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const own = await send(server, `/${server.token}/rpc/workspace:list`, {
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
    const withCookie = await send(server, '/rpc/workspace:list', {
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
    const base = `/${server.token}/rpc/workspace:list`;
    expect((await send(server, base)).status).toBe(405);
    expect((await send(server, base, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const bad = await send(server, base, { method: 'POST', headers: json, body: '{oops' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const huge = await send(server, base, { method: 'POST', headers: json, body: JSON.stringify({ x: 'a'.repeat(10_000) }) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('pushes contract events over Server-Sent Events', async () => {
    const server = await start();
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: `/${server.token}/events` }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          data += chunk;
          if (data.includes('\n\n') && data.includes('event: workspace:changed')) {
            req.destroy();
            resolve(data);
          }
        });
        void send(server, `/${server.token}/rpc/workspace:updateSettings`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ workspaceId: 'live', settings: { displayName: 'Pushed' } }),
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: workspace:changed\ndata: {"workspaceId":"live"}');
  });
});
