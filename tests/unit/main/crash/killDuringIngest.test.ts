// Crash safety: SIGKILL the backend at random moments during heavy ingest; after every restart each
// acknowledged mention is present, rollups equal a recount from raw rows, and integrity_check is ok.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../support/tempDir';
import { invoke, makeTestCore, workspaceKey } from '../../../support/testCore';

const tempDir = useTempDirs();
const KILLS = Number(process.env.TOCSIN_KILLS ?? 20);
const BATCH = 40;
let child = '';

// Bundled once: a child started through a TypeScript loader takes seconds, a bundle a fraction of that.
beforeAll(() => {
  child = join(tempDir(), 'ingestChild.cjs');
  buildSync({
    entryPoints: [resolve('tests/support/ingestChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    external: ['better-sqlite3-multiple-ciphers'],
    logLevel: 'error',
  });
});

/** Runs one child until a random moment after it is ready, kills it, returns the acknowledged batches. */
function runAndKill(dataDir: string, sourceId: number, run: string, killAfterMs: number): Promise<number[]> {
  return new Promise((resolveRun, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, String(sourceId), run], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The bundle sits in a temp folder; the native module still comes from this repo.
      env: { ...process.env, NODE_PATH: resolve('node_modules') },
    });
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'READY') setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ACK ')) acked.push(Number(line.slice(4)));
      }
    });
    proc.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolveRun(acked);
      else reject(new Error(`child ended without being killed: ${stderr.slice(-2000)}`));
    });
  });
}

function check(dataDir: string, acknowledged: Set<string>): { missing: number; rollupMismatches: number; integrity: string } {
  const db = new Database(join(dataDir, 'workspaces', 'live.db'), { readonly: true });
  try {
    db.pragma(`key = "x'${workspaceKey(dataDir, 'live').toString('hex')}'"`);
    const present = new Set((db.prepare('SELECT external_id AS id FROM mentions').all() as { id: string }[]).map((r) => r.id));
    let missing = 0;
    for (const id of acknowledged) if (!present.has(id)) missing++;
    const mismatches = db
      .prepare(
        `WITH recount AS (
           SELECT mw.watch_id, CAST(strftime('%s', m.published_at) AS INTEGER) / 60 AS minute, count(*) AS n
           FROM mention_watches mw JOIN mentions m ON m.id = mw.mention_id GROUP BY 1, 2)
         SELECT count(*) AS n FROM (
           SELECT r.watch_id FROM mention_rollups r LEFT JOIN recount c ON c.watch_id = r.watch_id AND c.minute = r.minute
           WHERE c.n IS NULL OR c.n != r.count
           UNION ALL
           SELECT c.watch_id FROM recount c LEFT JOIN mention_rollups r ON c.watch_id = r.watch_id AND c.minute = r.minute
           WHERE r.count IS NULL)`,
      )
      .get() as { n: number };
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    return { missing, rollupMismatches: mismatches.n, integrity };
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`loses no acknowledged mention over ${KILLS} SIGKILLs during ingest`, { timeout: 30 * 60_000 }, async () => {
    const dataDir = tempDir();
    const setup = makeTestCore(dataDir);
    await invoke(setup, 'watches:create', { workspaceId: 'live', watch: { name: 'Banque Léman', keywords: ['banque', 'fuite'] } });
    const source = await invoke(setup, 'sources:create', { workspaceId: 'live', source: { kind: 'manual', name: 'kill-test' } });
    setup.close();
    const acknowledged = new Set<string>();
    let totalMissing = 0;
    let totalMismatches = 0;
    let integrityFailures = 0;
    for (let k = 0; k < KILLS; k++) {
      const run = `r${k}`;
      const batches = await runAndKill(dataDir, source.id, run, 20 + Math.floor(Math.random() * 400));
      for (const b of batches) for (let i = 0; i < BATCH; i++) acknowledged.add(`${run}-${b}-${i}`);
      const result = check(dataDir, acknowledged);
      totalMissing += result.missing;
      totalMismatches += result.rollupMismatches;
      if (result.integrity !== 'ok') integrityFailures++;
    }
    console.log(
      `kill test: ${KILLS} SIGKILLs, ${acknowledged.size} acknowledged mentions, ${totalMissing} lost, ` +
        `${totalMismatches} rollup mismatches, ${integrityFailures} integrity failures`,
    );
    expect(acknowledged.size).toBeGreaterThan(KILLS * BATCH);
    expect({ totalMissing, totalMismatches, integrityFailures }).toEqual({ totalMissing: 0, totalMismatches: 0, integrityFailures: 0 });
  });
});
