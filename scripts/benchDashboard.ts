// npm run bench:dashboard -- [mentions=1000000] [seconds=30]
// One watch holding 1,000,000 mentions over 30 days, loaded through IngestService (sanitise, canonical URL,
// language, watch matching, dedupe, FTS, minute and hourly rollups) into an encrypted WAL database. Then a worker
// thread keeps ingesting 1,000 mentions/s through IngestService with the real FR/EN tone enricher on its own
// connection, while this thread runs the dashboard's chart query (dashboard:series) for every range, back to back.
// Prints p50/p95 per range, the splits query (dashboard:breakdown) apart, and, in the same run, the month range
// computed from minute rollups instead of hourly ones (what the hourly table saves). Last line:
// `dashboard p95_ms=<chart query p95 over all ranges> rows=<mentions in the watch>`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DASHBOARD_RANGES, type DashboardRange } from '../src/shared/domain/dashboard';
import { openDatabase, type Db } from '../src/main/platform/db/openDatabase';
import { RollupRepository } from '../src/main/features/mentions';
import { SourceRepository } from '../src/main/features/sources/sourceRepository';
import { WatchRepository } from '../src/main/features/watches/watchRepository';
import { syntheticMentions } from './bench/syntheticMentions';
import { sourceLanguageEnricher, type MentionEnricher } from '../src/main/features/mentions/enricher';
import { IngestService } from '../src/main/features/mentions/ingestService';
import { DashboardService } from '../src/main/features/dashboard/dashboardService';
import { loadLexicons } from '../src/main/features/tone/lexicon';
import { ToneEnricher } from '../src/main/features/tone/toneEnricher';

const RATE = 1000;
const TICK_MS = 100;
const LOAD_BATCH = 5000;
const DAY_MS = 86_400_000;
const END = Date.parse('2026-03-31T12:00:00.000Z');
const SPAN_MS = 30 * DAY_MS;

interface Shared {
  path: string;
  key: Buffer;
  sourceId: number;
  total: number;
  /** performance.timeOrigin-independent wall clock start of the live phase (epoch ms). */
  liveStartWall: number;
}

const ingestService = (db: Db, enricher: MentionEnricher, now: () => Date) =>
  new IngestService({ workspaces: { get: () => ({ id: 'live', kind: 'live' as const, createdAt: new Date(END - SPAN_MS).toISOString(), db }) }, enricher, clock: { now } });

/** The live clock: END at the start of the live phase, then real time. */
const liveNow = (shared: Shared) => () => new Date(END + (Date.now() - shared.liveStartWall));

/** Worker: 1,000 mentions/s published "now", through IngestService with the real tone enricher. */
function ingestWorker(shared: Shared): void {
  const db = openDatabase({ path: shared.path, key: Buffer.from(shared.key) });
  const now = liveNow(shared);
  const ingest = ingestService(db, new ToneEnricher(loadLexicons()), now);
  const started = Date.now();
  let sent = 0;
  let inserted = 0;
  // Each tick sends what is due since the start, so late timers on a busy machine do not lower the rate.
  const ticker = setInterval(() => {
    const due = Math.floor(((Date.now() - started) / 1000) * RATE) - sent;
    if (due <= 0) return;
    const at = now().toISOString();
    const batch = syntheticMentions(shared.total + sent, due).map((m, k) => ({ ...m, externalId: `live-${sent + k}`, url: undefined, publishedAt: at }));
    sent += due;
    inserted += ingest.ingestNow('live', shared.sourceId, batch).inserted;
  }, TICK_MS);
  parentPort!.on('message', () => {
    clearInterval(ticker);
    db.close();
    parentPort!.postMessage({ inserted, seconds: (Date.now() - started) / 1000 });
  });
  parentPort!.postMessage('ready');
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const ms = (v: number) => v.toFixed(2);
const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1_000_000);
  const seconds = Number(process.argv[3] ?? 30);
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-dashboard-'));
  const path = join(dir, 'live.db');
  const key = randomBytes(32);
  const db = openDatabase({ path, key });
  try {
    const created = new Date(END - SPAN_MS).toISOString();
    const sourceId = new SourceRepository(db).create({ kind: 'webhook', name: 'bench', config: {}, credentials: {}, intervalSeconds: 600 }, created);
    const watchId = new WatchRepository(db).create({ name: 'ACME', keywords: ['acme'], exclusions: [], languages: [], authors: [], sourceIds: [], enabled: true }, created);
    console.log(`bench:dashboard — ${total.toLocaleString('en')} mentions in one watch over 30 days, encrypted WAL database in ${dir}`);

    // Load: the month re-timed with a steady spread. Language from the source only here (tone changes the rollup
    // values, not their number of rows, which is what the chart query's cost depends on).
    const load = ingestService(db, sourceLanguageEnricher, () => new Date(END));
    let t0 = performance.now();
    for (let from = 0; from < total; from += LOAD_BATCH) {
      const batch = syntheticMentions(from, Math.min(LOAD_BATCH, total - from)).map((m, k) => ({
        ...m,
        externalId: `${m.externalId}-${from + k}`,
        url: undefined,
        publishedAt: new Date(END - SPAN_MS + Math.floor(((from + k) / total) * SPAN_MS)).toISOString(),
      }));
      load.ingestNow('live', sourceId, batch);
    }
    const loadS = (performance.now() - t0) / 1000;
    const count = () => (db.prepare('SELECT count(*) AS n FROM mention_watches WHERE watch_id = ?').get(watchId) as { n: number }).n;
    const loaded = count();
    console.log(`loaded ${loaded.toLocaleString('en')} mentions of the watch through IngestService in ${loadS.toFixed(1)} s (${Math.round(loaded / loadS)} mentions/s)`);

    const shared: Shared = { path, key, sourceId, total, liveStartWall: Date.now() };
    const now = liveNow(shared);
    const dashboard = new DashboardService({ get: () => ({ id: 'live', kind: 'live', createdAt: created, db }) }, { now });
    // The worker runs this same file; Node does not start a worker from a .ts path, so it registers tsx first.
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(process.argv[1])});`, { eval: true, workerData: shared });
    const messages: Array<(value: unknown) => void> = [];
    worker.on('message', (value) => messages.shift()?.(value));
    const next = <T>() => new Promise<T>((resolve) => messages.push(resolve as (value: unknown) => void));
    await next<'ready'>();

    const series: Record<DashboardRange, number[]> = { '1h': [], '6h': [], '24h': [], '7d': [], '30d': [] };
    const splits: number[] = [];
    const started = performance.now();
    let round = 0;
    while (performance.now() - started < seconds * 1000) {
      for (const range of DASHBOARD_RANGES) {
        t0 = performance.now();
        dashboard.series('live', watchId, { range });
        series[range].push(performance.now() - t0);
      }
      const range = DASHBOARD_RANGES[round++ % DASHBOARD_RANGES.length]!;
      t0 = performance.now();
      dashboard.breakdown('live', watchId, { range });
      splits.push(performance.now() - t0);
      // Several open dashboards refreshing on pushed events, not a busy loop.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const stopped = next<{ inserted: number; seconds: number }>();
    worker.postMessage('stop');
    const live = await stopped;
    await worker.terminate();
    console.log(`ingest in a worker during the measurement: ${live.inserted} mentions in ${live.seconds.toFixed(1)} s = ${Math.round(live.inserted / live.seconds)} mentions/s (with FR/EN tone)`);

    const all: number[] = [];
    for (const range of DASHBOARD_RANGES) {
      const sorted = sortedCopy(series[range]);
      all.push(...sorted);
      console.log(`series ${range.padStart(3)}: ${sorted.length} calls, p50 ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms, max ${ms(sorted.at(-1)!)} ms`);
    }
    const sortedSplits = sortedCopy(splits);
    console.log(`breakdown (sources, languages, terms, authors), all ranges: ${sortedSplits.length} calls, p50 ${ms(percentile(sortedSplits, 0.5))} ms, p95 ${ms(percentile(sortedSplits, 0.95))} ms`);

    // Same run, same data: the month at 6-hour buckets plus 7 shifted days from the minute rollups vs the hourly ones.
    const repo = new RollupRepository(db);
    const endMinute = Math.floor(now().getTime() / 60_000);
    const viaMinutes: number[] = [];
    const viaHours: number[] = [];
    for (let i = 0; i < 10; i++) {
      t0 = performance.now();
      for (let k = 0; k <= 7; k++) repo.volumeByMinutes(watchId, 360, endMinute - 30 * 1440 - k * 1440, endMinute - k * 1440);
      viaMinutes.push(performance.now() - t0);
      t0 = performance.now();
      for (let k = 0; k <= 7; k++) repo.volumeByHours(watchId, 6, Math.floor(endMinute / 60) - 720 - k * 24, Math.floor(endMinute / 60) - k * 24);
      viaHours.push(performance.now() - t0);
    }
    const m50 = percentile(sortedCopy(viaMinutes), 0.5);
    const h50 = percentile(sortedCopy(viaHours), 0.5);
    console.log(`30-day volume + 7 shifted days: minute rollups p50 ${ms(m50)} ms vs hourly rollups p50 ${ms(h50)} ms (ratio ${(m50 / h50).toFixed(1)})`);

    console.log(`machine load average during the run: ${loadavg().map((v) => v.toFixed(1)).join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores`);
    console.log(`dashboard p95_ms=${ms(percentile(sortedCopy(all), 0.95))} rows=${count()}`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  ingestWorker(workerData as Shared);
}
