// Browser mode as launched: the system browser it spawns sees no secret, neither on its command line nor in
// its environment, and opens a one-time address that trades itself once for the per-launch token.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../support/lockedDataFolder';
import { repoPath } from '../../support/paths';
import { useTempDirs } from '../../support/tempDir';
import { bundleForChild } from '../../support/appExternals';

const tempDir = useTempDirs();
const PASSPHRASE = 'tocsin passphrase that must stay put';
const TOKEN = 'fixed-token-for-this-test-0123456789abcdef';
let entry = '';
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

// Bundled once, as the kill test does: the entry runs as its own process, exactly as `npm start` runs it.
beforeAll(() => {
  const root = tempDir();
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Tocsin</title>');
  // As electron-vite bundles it: the runtime dependencies load from node_modules (NODE_PATH).
  entry = bundleForChild(repoPath('src/main/browser.ts'), join(root, 'main', 'browser.cjs'));
});

/** A stand-in `xdg-open` first on PATH: records its arguments and environment, as the real one would see them. */
function fakeSystemOpener(): { bin: string; record: string } {
  const bin = tempDir();
  const record = join(tempDir(), 'opened');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nenv > '${record}.env'\nprintf '%s\\n' "$@" > '${record}.tmp'\nmv '${record}.tmp' '${record}'\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  return { bin, record };
}

async function lockedDataFolder(): Promise<string> {
  const dataDir = tempDir();
  await lockDataFolder(dataDir, PASSPHRASE);
  return dataDir;
}

function get(url: string, body?: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolveGet, reject) => {
    const options = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' } };
    const req = request(url, options, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser mode launch', () => {
  it('opens the system browser on a one-time address, with no secret in its arguments or environment', { timeout: 60_000 }, async () => {
    const dataDir = await lockedDataFolder();
    const { bin, record } = fakeSystemOpener();
    const child = spawn(process.execPath, [entry], {
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        NODE_PATH: repoPath('node_modules'),
        DISPLAY: ':99',
        TOCSIN_DATA_DIR: dataDir,
        TOCSIN_PORT: '0',
        TOCSIN_TOKEN: TOKEN,
        TOCSIN_PASSPHRASE: PASSPHRASE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const deadline = Date.now() + 30_000;
    while (!existsSync(record)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the browser was never opened: ${output}`);
      await sleep(50);
    }

    // The person still gets the full address in the terminal.
    const printed = /Open: (http:\/\/127\.0\.0\.1:(\d+)\/\S+\/)/.exec(output);
    expect(printed?.[1]).toContain(`/${TOKEN}/`);
    const port = printed?.[2];

    const args = readFileSync(record, 'utf8').trim().split('\n');
    expect(args).toHaveLength(1);
    const launch = new URL(args[0]!);
    expect(launch.origin).toBe(`http://127.0.0.1:${port}`);
    const environment = readFileSync(`${record}.env`, 'utf8');
    for (const secret of [TOKEN, PASSPHRASE]) {
      expect(args[0]).not.toContain(secret);
      expect(environment).not.toContain(secret);
    }
    expect(environment).not.toMatch(/^TOCSIN_/m);
    expect(environment).toContain(`PATH=${bin}:`);
    expect(environment).toMatch(/^DISPLAY=:99$/m);

    // The passphrase unlocked the data before it was dropped: the app answers calls.
    const call = await get(`http://127.0.0.1:${port}/${TOKEN}/rpc/workspaces:list`, '{}');
    expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: [{ id: 'live' }] });

    const landed = await get(launch.href);
    expect(landed).toMatchObject({ status: 303, location: `/${TOKEN}/` });
    const page = await get(`http://127.0.0.1:${port}${landed.location}`);
    expect(page.body).toContain('<title>Tocsin</title>');
    const reused = await get(launch.href);
    expect(reused.status).toBe(410);
  });
});
