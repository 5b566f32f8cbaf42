// npm run bench:zones -- [days=365] [perMinute=3]
// The dashboard's volume read for a zone whose buckets start inside UTC hours (Asia/Kolkata +05:30, Asia/Kathmandu
// +05:45): the per-minute rollups alone (what it read before) against the hourly ones with minutes only for the hours
// an edge cuts. One watch with mentions in every minute of the period, written as ingestion writes them (minute
// deltas, hourly rows kept by the triggers) into an encrypted WAL database. Each case checks that both reads give the
// same buckets before timing them. Last line: `zones ratio=<minute p50 / mixed p50, worst case>`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { bucketMinutesFor } from '../src/shared/domain/dashboard';
import { openDatabase } from '../src/main/platform/db/openDatabase';
import { RollupRepository } from '../src/main/features/mentions';
import type { RollupDelta } from '../src/main/features/mentions/rollups/rollupDeltas';
import { WatchRepository } from '../src/main/features/watches/watchRepository';

const END_MINUTE = Math.floor(Date.parse('2026-03-31T00:00:00.000Z') / 60_000);
const ROUNDS = 15;

const p50 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  const days = Number(process.argv[2] ?? 365);
  const perMinute = Number(process.argv[3] ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-zones-'));
  const db = openDatabase({ path: join(dir, 'live.db'), key: randomBytes(32) });
  try {
    const created = new Date((END_MINUTE - days * 1440) * 60_000).toISOString();
    const watchId = new WatchRepository(db).create({ name: 'ACME', keywords: ['acme'], exclusions: [], languages: [], authors: [], sourceIds: [], enabled: true }, created);
    const repo = new RollupRepository(db);
    const start = END_MINUTE - days * 1440;
    let t0 = performance.now();
    for (let from = start; from < END_MINUTE; from += 1440) {
      const deltas: RollupDelta[] = [];
      for (let minute = from; minute < Math.min(from + 1440, END_MINUTE); minute++) {
        const count = perMinute + (minute % 5);
        deltas.push({ watchId, minute, count, negative: minute % 3, neutral: 1, positive: 0, audience: 100 * count, parts: new Map() });
      }
      db.transaction(() => repo.applyDeltas(deltas))();
    }
    console.log(`bench:zones — one watch, a rollup row in each of ${(days * 1440).toLocaleString('en')} minutes (${days} days), written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    let worst = Infinity;
    for (const [zone, offset] of [
      ['Asia/Kolkata', 330],
      ['Asia/Kathmandu', 345],
    ] as const) {
      for (const span of [30, days]) {
        const width = bucketMinutesFor(span * 1440);
        // The window of the dashboard: from a local bucket edge to another.
        const to = Math.floor((END_MINUTE + offset) / width) * width - offset;
        const from = to - Math.ceil((span * 1440) / width) * width;
        if (!isDeepStrictEqual(repo.volumeByMinutes(watchId, width, from, to, offset), repo.volumeByBuckets(watchId, width, from, to, offset))) {
          throw new Error(`${zone}, ${span} days: the two reads disagree`);
        }
        const viaMinutes: number[] = [];
        const viaBuckets: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          t0 = performance.now();
          repo.volumeByMinutes(watchId, width, from, to, offset);
          viaMinutes.push(performance.now() - t0);
          t0 = performance.now();
          repo.volumeByBuckets(watchId, width, from, to, offset);
          viaBuckets.push(performance.now() - t0);
        }
        const ratio = p50(viaMinutes) / p50(viaBuckets);
        worst = Math.min(worst, ratio);
        console.log(
          `${zone.padEnd(14)} ${String(span).padStart(3)} days, buckets of ${width} min: minute rollups p50 ${p50(viaMinutes).toFixed(2)} ms, hours + cut hours p50 ${p50(viaBuckets).toFixed(2)} ms (ratio ${ratio.toFixed(1)})`,
        );
      }
    }
    console.log(`machine load average during the run: ${loadavg().map((v) => v.toFixed(1)).join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores`);
    console.log(`zones ratio=${worst.toFixed(1)}`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
