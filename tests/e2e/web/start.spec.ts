// `npm start` where Electron cannot run: one clear line, then browser mode on 127.0.0.1 behind the token.
import { expect, test } from './fixtures';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('the start script falls back to browser mode with a clear message', async ({ page, request }) => {
  const port = 40_000 + (process.pid % 10_000);
  const env = { ...process.env };
  // The suite's own server uses a fixed token; a real start draws a random one.
  delete env.TOCSIN_TOKEN;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...env,
      TOCSIN_DATA_DIR: mkdtempSync(join(tmpdir(), 'tocsin-start-')),
      TOCSIN_PORT: String(port),
      TOCSIN_NO_OPEN: '1',
      // No display: whatever the machine, Electron cannot open a window here.
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+\/)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`start exited with ${code}: ${output}`)));
    });
    expect(output).toMatch(/^Electron cannot start here: .+\. Starting browser mode instead\.$/m);
    expect(new URL(url).hostname).toBe('127.0.0.1');

    const token = new URL(url).pathname.split('/')[1]!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect((await request.get(`http://127.0.0.1:${port}/`)).status()).toBe(401);
    expect((await request.get(url)).status()).toBe(200);

    await page.goto(url);
    await expect(page.getByTestId('header-workspace-name')).toBeVisible();
  } finally {
    child.kill('SIGTERM');
  }
});
