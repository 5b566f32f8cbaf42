// One process per data folder, with real processes: the browser-mode entry started twice on one folder refuses
// the second start and names the first (process, shell, since when); once the first is killed outright, the next
// start takes the folder without anyone clearing anything.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder } from '../../../../src/main/platform/db/dataFolderLock';
import { useTempDirs } from '../../../support/tempDir';
import { bundleForChild } from '../../../support/appExternals';

const tempDir = useTempDirs();
let entry = '';
const running: ChildProcessByStdio<null, Readable, Readable>[] = [];

// Bundled once: the real browser-mode entry, as `npm run start:browser` runs it, without a TypeScript loader.
beforeAll(() => {
  entry = bundleForChild('src/main/browser.ts', join(tempDir(), 'main', 'browser.cjs'));
  // Bundling the whole backend takes seconds, and far longer on a machine busy with other test files.
}, 180_000);

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Started {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves when the server is up (its URL printed) or the process ended, with what it printed. */
  readonly outcome: Promise<{ up: boolean; code: number | null; stdout: string; stderr: string }>;
}

function startBrowserMode(dataDir: string): Started {
  const child = spawn(process.execPath, [entry], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: resolve('node_modules'), TOCSIN_DATA_DIR: dataDir, TOCSIN_PORT: '0', TOCSIN_NO_OPEN: '1', TOCSIN_TOKEN: '', LANG: 'C', LC_ALL: 'C' },
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const outcome = new Promise<{ up: boolean; code: number | null; stdout: string; stderr: string }>((done) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('Tocsin is running in browser mode')) done({ up: true, code: null, stdout, stderr });
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => done({ up: false, code, stdout, stderr }));
  });
  return { child, outcome };
}

const exited = (child: Started['child']): Promise<void> => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

describe('data folder lock', () => {
  it('refuses a second process on the same folder, naming the first; a killed holder leaves the folder free', async () => {
    const dataDir = tempDir();
    const first = startBrowserMode(dataDir);
    expect(await first.outcome).toMatchObject({ up: true });

    const second = startBrowserMode(dataDir);
    const refused = await second.outcome;
    expect(refused.up).toBe(false);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`already open in Tocsin (browser mode, process ${first.child.pid}, since `);
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stdout).not.toContain('running');

    // The same refusal in-process, as the desktop app gets it before its key ring touches anything.
    let inUse: unknown;
    try {
      lockDataFolder(dataDir, { shell: 'electron', version: 'test' });
    } catch (error) {
      inUse = error;
    }
    expect(inUse).toBeInstanceOf(DataFolderInUse);
    const owner = (inUse as DataFolderInUse).owner!;
    expect(owner).toMatchObject({ pid: first.child.pid, shell: 'browser' });
    expect(Date.now() - Date.parse(owner.since)).toBeLessThan(120_000);
    const fr = (inUse as DataFolderInUse).wording('fr');
    expect(fr.title).toBe('Tocsin est déjà ouvert');
    expect(fr.text).toContain(`(mode navigateur, processus ${first.child.pid}, depuis le `);

    first.child.kill('SIGKILL');
    await exited(first.child);
    const third = startBrowserMode(dataDir);
    expect(await third.outcome).toMatchObject({ up: true });
    expect(JSON.parse(readFileSync(join(dataDir, 'tocsin.lock.json'), 'utf8'))).toMatchObject({ pid: third.child.pid, shell: 'browser' });
    third.child.kill('SIGTERM');
    await exited(third.child);
  }, 60_000);

  it('takes a folder back after a clean release, and lets other folders be', () => {
    const dataDir = tempDir();
    const held = lockDataFolder(dataDir, { shell: 'browser', version: 'test' });
    expect(() => lockDataFolder(dataDir, { shell: 'electron', version: 'test' })).toThrow(DataFolderInUse);
    const elsewhere = lockDataFolder(tempDir(), { shell: 'electron', version: 'test' });
    held.release();
    const again = lockDataFolder(dataDir, { shell: 'electron', version: 'test' });
    expect(again.owner).toMatchObject({ pid: process.pid, shell: 'electron' });
    again.release();
    elsewhere.release();
  });
});
