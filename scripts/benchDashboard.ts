// npm run bench:dashboard -- [mentions=1000000] [seconds=30]
// One watch holding 1,000,000 mentions over 30 days, loaded through the real ingestion path (IngestService: sanitise,
// canonical URL, language and tone, watch matching, dedupe, FTS, minute and hourly rollups) into an encrypted WAL
// database. Then ingest keeps running at 1,000 mentions/s on the same connection and event loop, as in the app,
// while the dashboard's chart query (dashboard:series) runs for every range. Prints p50/p95 per range, the splits
// query (dashboard:breakdown) apart, and, in the same run, the month range computed from minute rollups instead of
// hourly ones (what the hourly table saves).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DASHBOARD_RANGES, type DashboardRange } from '../src/shared/domain/dashboard';
import { openDatabase } from '../src/main/db/openDatabase';
import { DashboardRepository } from '../src/main/db/repositories/dashboardRepository';
import { SourceRepository } from '../src/main/db/repositories/sourceRepository';
import { WatchRepository } from '../src/main/db/repositories/watchRepository';
import { syntheticMentions } from '../src/main/ingest/bench/syntheticMentions';
import { IngestService } from '../src/main/ingest/ingestService';
import { DashboardService } from '../src/main/services/dashboard/dashboardService';
import { loadLexicons } from '../src/main/tone/lexicon';
import { ToneEnricher } from '../src/main/tone/toneEnricher';

const total = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 30);
const RATE = 1000;
const TICK_MS = 100;
const LOAD_BATCH = 5000;
const DAY_MS = 86_400_000;
const END = Date.parse('2026-03-31T12:00:00.000Z');
const SPAN_MS = 30 * DAY_MS;

const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-dashboard-'));
const db = openDatabase({ path: join(dir, 'live.db'), key: randomBytes(32) });
const created = new Date(END - SPAN_MS).toISOString();
const sourceId = new SourceRepository(db).create({ kind: 'webhook', name: 'bench', config: {}, credentials: {}, intervalSeconds: 600 }, created);
const watchId = new WatchRepository(db).create(
  { name: 'ACME', keywords: ['acme'], exclusions: [], languages: [], sourceIds: [], enabled: true },
  created,
);
const ws = { id: 'live', kind: 'live' as const, createdAt: created, db };
const lookup = { get: () => ws };
// The clock stands at the end of the loaded month and then runs in real time during the measurement.
let clockStart = END;
let clockOrigin = performance.now();
const clock = { now: () => new Date(clockStart + (performance.now() - clockOrigin)) };
const ingest = new IngestService({ workspaces: lookup, enricher: new ToneEnricher(loadLexicons()), clock });
const dashboard = new DashboardService(lookup, clock);

/** Synthetic FR/EN mentions, re-timed so that `total` of them cover the 30 days before END with a daily rhythm. */
function monthOfMentions(from: number, count: number) {
  return syntheticMentions(from, count).map((m, k) => {
    const i = from + k;
    const at = END - SPAN_MS + Math.floor((i / total) * SPAN_MS);
    return { ...m, externalId: `${m.externalId}-${i}`, url: undefined, publishedAt: new Date(at).toISOString() };
  });
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const ms = (v: number) => v.toFixed(2);

async function main(): Promise<void> {
  console.log(`bench:dashboard — ${total.toLocaleString('en')} mentions in one watch over 30 days, encrypted WAL database in ${dir}`);
  let t0 = performance.now();
  for (let from = 0; from < total; from += LOAD_BATCH) ingest.ingestNow('live', sourceId, monthOfMentions(from, Math.min(LOAD_BATCH, total - from)));
  const loadS = (performance.now() - t0) / 1000;
  const stored = (db.prepare('SELECT count(*) AS n FROM mention_watches WHERE watch_id = ?').get(watchId) as { n: number }).n;
  console.log(`loaded ${stored.toLocaleString('en')} mentions of the watch through IngestService in ${loadS.toFixed(1)} s (${Math.round(stored / loadS)} mentions/s)`);

  // Live phase: ingest ticks (1,000 mentions/s in 100 ms ticks, published "now") interleave with dashboard queries on the
  // one event loop, exactly as the main process serves IPC while connectors ingest.
  clockStart = END;
  clockOrigin = performance.now();
  let serial = 0;
  let ingested = 0;
  const liveStart = performance.now();
  // Each tick sends what is due since the start, so late timers on a busy machine do not lower the rate.
  const ticker = setInterval(() => {
    const due = Math.floor(((performance.now() - liveStart) / 1000) * RATE) - serial;
    if (due <= 0) return;
    const at = clock.now().toISOString();
    const batch = syntheticMentions(total + serial, due).map((m, k) => ({ ...m, externalId: `live-${serial + k}`, url: undefined, publishedAt: at }));
    serial += due;
    ingested += ingest.ingestNow('live', sourceId, batch).inserted;
  }, TICK_MS);

  const series: Record<DashboardRange, number[]> = { '1h': [], '6h': [], '24h': [], '7d': [], '30d': [] };
  const splits: number[] = [];
  const started = performance.now();
  let round = 0;
  while (performance.now() - started < seconds * 1000) {
    for (const range of DASHBOARD_RANGES) {
      t0 = performance.now();
      dashboard.series('live', watchId, range);
      series[range].push(performance.now() - t0);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (round++ % 5 === 0) {
      const range = DASHBOARD_RANGES[(round / 5) % DASHBOARD_RANGES.length | 0]!;
      t0 = performance.now();
      dashboard.breakdown('live', watchId, range);
      splits.push(performance.now() - t0);
    }
    // Roughly what several open dashboards ask for: a refresh every few milliseconds, never a busy loop.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  clearInterval(ticker);
  const liveS = (performance.now() - started) / 1000;
  console.log(`ingest during measurement: ${ingested} mentions in ${liveS.toFixed(1)} s = ${Math.round(ingested / liveS)} mentions/s`);

  const all: number[] = [];
  for (const range of DASHBOARD_RANGES) {
    const sorted = [...series[range]].sort((a, b) => a - b);
    all.push(...sorted);
    console.log(`series ${range.padStart(3)}: ${sorted.length} calls, p50 ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms, max ${ms(sorted.at(-1)!)} ms`);
  }
  const sortedSplits = [...splits].sort((a, b) => a - b);
  console.log(`breakdown (sources, languages, terms, authors), all ranges: ${sortedSplits.length} calls, p50 ${ms(percentile(sortedSplits, 0.5))} ms, p95 ${ms(percentile(sortedSplits, 0.95))} ms`);

  // Same run, same data: the month at 6-hour buckets from the minute rollups (8 windows as the series reads them).
  const repo = new DashboardRepository(db);
  const endMinute = Math.floor(clock.now().getTime() / 60_000);
  const viaMinutes: number[] = [];
  const viaHours: number[] = [];
  for (let i = 0; i < 20; i++) {
    t0 = performance.now();
    for (let k = 0; k <= 7; k++) repo.volumeByMinutes(watchId, 360, endMinute - 30 * 1440 - k * 1440, endMinute - k * 1440);
    viaMinutes.push(performance.now() - t0);
    t0 = performance.now();
    for (let k = 0; k <= 7; k++) repo.volumeByHours(watchId, 6, Math.floor(endMinute / 60) - 720 - k * 24, Math.floor(endMinute / 60) - k * 24);
    viaHours.push(performance.now() - t0);
  }
  viaMinutes.sort((a, b) => a - b);
  viaHours.sort((a, b) => a - b);
  const m50 = percentile(viaMinutes, 0.5);
  const h50 = percentile(viaHours, 0.5);
  console.log(`30-day volume + 7-day baseline: minute rollups p50 ${ms(m50)} ms vs hourly rollups p50 ${ms(h50)} ms (hourly ${(m50 / h50).toFixed(1)}x faster)`);

  all.sort((a, b) => a - b);
  const rows = (db.prepare('SELECT count(*) AS n FROM mention_watches WHERE watch_id = ?').get(watchId) as { n: number }).n;
  console.log(`dashboard p95_ms=${ms(percentile(all, 0.95))} rows=${rows}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
