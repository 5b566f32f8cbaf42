// A browser-mode backend in its own process, launched as a person would: its own data folder, a free port, and the
// address it prints once it listens.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Backend {
  readonly url: string;
  readonly dataDir: string;
  /** Stops the process, then removes its data folder: a backend still closing would find its folder gone. */
  stop(): Promise<void>;
}

export interface BackendOptions {
  /** Names the data folder, for a person reading /tmp after a failure. */
  readonly name: string;
  /** Environment on top of this process's; a token of '' lets the backend draw its own. */
  readonly env?: NodeJS.ProcessEnv;
  /** A data folder prepared beforehand (removed on stop like a fresh one). */
  readonly dataDir?: string;
}

export async function startBackend({ name, env = {}, dataDir = mkdtempSync(join(tmpdir(), `tocsin-${name}-`)) }: BackendOptions): Promise<Backend> {
  const child = spawn(process.execPath, ['out/main/browser.js'], {
    env: { ...process.env, TOCSIN_DATA_DIR: dataDir, TOCSIN_PORT: '0', TOCSIN_NO_OPEN: '1', TOCSIN_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    // Read to the end, not only to the address: a full pipe would stall the backend's later writes.
    child.stdout.on('data', (chunk: Buffer) => {
      if (out.length < 64 * 1024) out += chunk.toString();
      const found = /Open: (http:\/\/127\.0\.0\.1:\d+\/[^\s]+)/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.on('exit', (code) => reject(new Error(`backend ${name} exited (${code}): ${out}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
