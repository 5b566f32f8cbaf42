// npm run bench:scale -- [mentions=10000000]
// A year of a large brand on one laptop. Builds once, cached in ~/.cache/tocsin-bench/scale-<schema>-<mentions>
// (rebuilt when the schema version changes), an encrypted workspace of N FR/EN mentions over 365 days on 20 watches
// with six crises, through the bulk ingestion (IngestService.ingestBulk: the FR/EN tone enricher, watch matching,
// dedupe, FTS as live ingestion, in transactions of 50,000, rollups recounted once at the end); each crisis is opened
// as an incident scoped to its watch and period, and closed at its end. Then, on a fresh core over that folder while
// a live feed ingests 1,000 mentions/s through the live path: cold start to the first series query, chart p95 per
// range (1 h … 365 d), breakdown p95, full-text search p95, stream page p95 with filters, an incident's scope, the
// PDF report of the largest incident, a 90-day backtest, a backup, peak RSS and database size; the ratio of each
// figure to the 1,000,000 run when it exists. Run it under `nice -n 10` on a shared machine. Last line:
// `scale chart_p95_ms=… search_p95_ms=… start_ms=… report_s=… rss_mb=… db_gb=… mentions=…`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createCore, type Core } from '../src/main/app/createCore';
import { LATEST_VERSION } from '../src/main/platform/db/migrations';
import { openDatabase } from '../src/main/platform/db/openDatabase';
import { silentLogger } from '../src/main/platform/logger';
import { KeyRing } from '../src/main/platform/security/keyRing';
import { AppFailure, type CallInput, type CallName, type CallOutput } from '../src/shared/contract/index';
import { DASHBOARD_RANGES } from '../src/shared/domain/dashboard';
import { BRANDS, CRISES, DAY_MS, SCALE_END, SCALE_START, scaleMentions } from './bench/scaleWorkspace';

const TOTAL = Number(process.argv[2] ?? 10_000_000);
const WS = 'live';
const BATCH = 50_000;
const HOUR_MS = 3_600_000;
const LIVE_RATE = 1000;
const dir = join(process.env.TOCSIN_BENCH_CACHE ?? join(homedir(), '.cache', 'tocsin-bench'), `scale-${LATEST_VERSION}-${TOTAL}`);
const lead = { author: 'Élodie Rochat', authorRole: 'crisisLead' };

let now = 0;
const clock = { now: () => new Date(now) };
const makeCore = (): Core => createCore({ dataDir: dir, keyRing: new KeyRing(dir), clock, logger: silentLogger, shell: { shell: 'browser', version: 'bench' } });

async function call<K extends CallName>(core: Core, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.issues);
  return result.value as CallOutput<K>;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const pct = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const ms = (v: number) => v.toFixed(2);
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function timed(runs: number, work: (k: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < runs; k += 1) {
    const t0 = performance.now();
    await work(k);
    out.push(performance.now() - t0);
    sampleRss();
  }
  return out;
}

function* yearInBatches(): Generator<unknown[]> {
  const t0 = performance.now();
  for (let from = 0; from < TOTAL; from += BATCH) {
    yield scaleMentions(from, Math.min(BATCH, TOTAL - from), TOTAL);
    if ((from / BATCH) % 10 === 9) {
      const s = (performance.now() - t0) / 1000;
      const done = from + BATCH;
      console.log(`  ${done.toLocaleString('en')} mentions in ${s.toFixed(0)} s (${Math.round(done / s)}/s), load ${loadavg()[0]!.toFixed(1)}`);
    }
  }
}

async function build(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The watches exist before the year starts: every chart of the year reads live levels, none is a replay.
  now = SCALE_START - 3 * DAY_MS;
  const core = makeCore();
  try {
    for (const name of BRANDS) await call(core, 'watches:create', { workspaceId: WS, watch: { name, keywords: [name] } });
    const source = await call(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Flux', config: {} } });
    // The year goes in through the bulk ingestion (same rows as live ingestion, rollups recounted once at the end);
    // live detection and triage are measured by bench:ingest and bench:alert, not replayed here.
    now = SCALE_END;
    const t0 = performance.now();
    const { inserted } = core.ingest.ingestBulk(WS, source.id, yearInBatches());
    const s = (performance.now() - t0) / 1000;
    console.log(`built ${inserted.toLocaleString('en')} mentions through the bulk ingestion in ${s.toFixed(1)} s (${Math.round(inserted / s)} mentions/s), load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    // Each crisis is opened as an incident two hours into it, scoped to its watch, and closed at its end, on the data's clock.
    for (const crisis of CRISES) {
      now = crisis.start + 2 * HOUR_MS;
      const incident = await call(core, 'incidents:open', {
        workspaceId: WS,
        incident: { title: crisis.title, scenarioKind: 'other', severity: 'high', actor: lead, scope: { watchIds: [crisis.watch], start: new Date(crisis.start).toISOString() } },
      });
      now = crisis.start + crisis.hours * HOUR_MS;
      await call(core, 'incidents:setStatus', { workspaceId: WS, incidentId: incident.id, status: 'closed', actor: lead });
    }
  } finally {
    core.close();
  }
  writeFileSync(join(dir, 'built'), `${TOTAL}\n`);
}

function storedMentions(): number {
  const db = openDatabase({ path: join(dir, 'workspaces', `${WS}.db`), key: new KeyRing(dir).keyFor(WS, join(dir, 'workspaces', `${WS}.key`)) });
  try {
    return db.prepare('SELECT count(*) FROM mentions').pluck().get() as number;
  } finally {
    db.close();
  }
}

function dbBytes(): number {
  const folder = join(dir, 'workspaces');
  return readdirSync(folder)
    .filter((f) => f.startsWith(`${WS}.db`))
    .reduce((sum, f) => sum + statSync(join(folder, f)).size, 0);
}

/**
 * Live listening during the measure: every 100 ms, through the real ingestion (detection and triage listening),
 * the mentions that bring the total to LIVE_RATE per second since the feed started, published now. The backend is
 * single-threaded, so a slow query delays the next tick and the feed catches up after it, at most 200 mentions a
 * tick, so an ingestion slower than the rate shows as a lower achieved rate rather than a frozen backend.
 */
function startLiveFeed(core: Core, sourceId: number): { stop: () => { inserted: number; seconds: number; ingestMs: number } } {
  const t0 = performance.now();
  let sent = 0;
  let inserted = 0;
  let ingestMs = 0;
  const tick = setInterval(() => {
    const due = Math.min(LIVE_RATE / 5, Math.floor(((performance.now() - t0) / 1000) * LIVE_RATE) - sent);
    if (due <= 0) return;
    now = SCALE_END + (performance.now() - t0);
    const at = new Date(now).toISOString();
    const items = scaleMentions(sent % TOTAL, due, TOTAL).map((m, k) => ({ ...m, externalId: `live-${sent + k}`, url: `https://social.example/live/${sent + k}`, publishedAt: at }));
    const i0 = performance.now();
    inserted += core.ingest.ingestNow(WS, sourceId, items).inserted;
    ingestMs += performance.now() - i0;
    sent += due;
  }, 100);
  return {
    stop: () => {
      clearInterval(tick);
      return { inserted, seconds: (performance.now() - t0) / 1000, ingestMs };
    },
  };
}

async function measure(): Promise<void> {
  now = SCALE_END;
  const iso = (t: number) => new Date(t).toISOString();
  const t0 = performance.now();
  const core = makeCore();
  await call(core, 'dashboard:series', { workspaceId: WS, watchId: 1, range: '24h' });
  const startMs = performance.now() - t0;
  sampleRss();
  const sources = await call(core, 'sources:list', { workspaceId: WS });
  const feed = startLiveFeed(core, sources[0]!.id);
  try {
    const watchIds = BRANDS.map((_, k) => k + 1);
    const ranges: Array<{ name: string; input: (watchId: number) => CallInput<'dashboard:series'> }> = [
      ...DASHBOARD_RANGES.map((range) => ({ name: range, input: (watchId: number) => ({ workspaceId: WS, watchId, range }) })),
      ...[90, 365].map((days) => ({ name: `${days}d`, input: (watchId: number) => ({ workspaceId: WS, watchId, from: iso(SCALE_END - days * DAY_MS), to: iso(SCALE_END) }) })),
    ];
    const chartAll: number[] = [];
    for (const range of ranges) {
      const times = await timed(40, (k) => call(core, 'dashboard:series', range.input(watchIds[k % watchIds.length]!)));
      chartAll.push(...times);
      console.log(`series ${range.name.padStart(4)}: p50 ${ms(pct(times, 0.5))} ms, p95 ${ms(pct(times, 0.95))} ms`);
    }
    const breakdown = await timed(40, (k) => call(core, 'dashboard:breakdown', { ...ranges[k % ranges.length]!.input(watchIds[k % watchIds.length]!) }));
    console.log(`breakdown, all ranges: p50 ${ms(pct(breakdown, 0.5))} ms, p95 ${ms(pct(breakdown, 0.95))} ms`);

    const searches: Array<[string, string]> = [
      ['single word', 'remboursement'],
      ['accent-folded phrase', '"donnees clients"'],
      ['all words (AND)', 'panne service client'],
    ];
    const searchAll: number[] = [];
    for (const [name, query] of searches) {
      let hits = 0;
      const times = await timed(20, async () => (hits = (await call(core, 'mentions:search', { workspaceId: WS, filter: { query }, limit: 100 })).items.length));
      searchAll.push(...times);
      console.log(`search ${name} (${query}): ${hits} on the first page, p50 ${ms(pct(times, 0.5))} ms, p95 ${ms(pct(times, 0.95))} ms`);
    }
    const filtered = await timed(20, async (k) => {
      const filter = { watchId: watchIds[k % 5]!, language: k % 2 ? 'fr' : 'en', tone: 'negative' as const };
      const first = await call(core, 'mentions:search', { workspaceId: WS, filter, limit: 100 });
      const last = first.items.at(-1);
      if (last) await call(core, 'mentions:search', { workspaceId: WS, filter, limit: 100, before: { publishedAt: last.publishedAt, id: last.id } });
    });
    console.log(`stream, watch + language + tone, first and second page: p50 ${ms(pct(filtered, 0.5))} ms, p95 ${ms(pct(filtered, 0.95))} ms`);

    const incidents = await call(core, 'incidents:list', { workspaceId: WS });
    const largest = incidents.find((i) => i.title === CRISES[1]!.title) ?? incidents[0]!;
    const scope = await timed(10, async () => {
      const detail = await call(core, 'incidents:get', { workspaceId: WS, incidentId: largest.id });
      await call(core, 'mentions:search', { workspaceId: WS, filter: { watchId: detail.scope.watchIds[0], from: detail.scope.start, ...(detail.scope.end ? { to: detail.scope.end } : {}) }, limit: 100 });
      await call(core, 'composer:responses', { workspaceId: WS, incidentId: largest.id });
    });
    console.log(`incident scope (detail, its stream's first page, its response queue page): p50 ${ms(pct(scope, 0.5))} ms, p95 ${ms(pct(scope, 0.95))} ms`);
    const queue = await timed(10, () => call(core, 'composer:responses', { workspaceId: WS }));
    console.log(`workspace response queue page: p95 ${ms(pct(queue, 0.95))} ms`);

    const r0 = performance.now();
    const sampler = setInterval(sampleRss, 20);
    const job = core.reports.startReport(WS, largest.id, 'fr');
    const done = await core.reports.jobs.settled(job.jobId);
    const reportS = (performance.now() - r0) / 1000;
    clearInterval(sampler);
    if (done.state !== 'done') throw new Error(`report ${done.state}: ${done.error ?? ''}`);
    console.log(`report of “${largest.title}”: ${reportS.toFixed(2)} s, ${done.pages ?? 0} pages`);

    // A backtest covers at most 31 days: 90 days are three consecutive 30-day runs, as the screen would ask.
    const b0 = performance.now();
    let episodes = 0;
    for (let k = 3; k > 0; k -= 1) {
      const run = await call(core, 'detection:backtest', { workspaceId: WS, watchId: 2, from: iso(SCALE_END - k * 30 * DAY_MS), to: iso(SCALE_END - (k - 1) * 30 * DAY_MS) });
      episodes += run.episodes.length;
    }
    console.log(`backtest over 90 days (3 × 30 days): ${((performance.now() - b0) / 1000).toFixed(2)} s, ${episodes} episodes`);
    sampleRss();

    const k0 = performance.now();
    const backup = await call(core, 'backups:create', { workspaceId: WS });
    console.log(`backup: ${((performance.now() - k0) / 1000).toFixed(2)} s, ${(backup.sizeBytes / 1e6).toFixed(0)} MB`);
    sampleRss();

    const live = feed.stop();
    console.log(
      `live feed during the measure: ${live.inserted.toLocaleString('en')} mentions in ${live.seconds.toFixed(0)} s (${Math.round(live.inserted / live.seconds)}/s, target ${LIVE_RATE}/s), ${((live.ingestMs / live.seconds) / 10).toFixed(1)} % of the time ingesting`,
    );
    const count = storedMentions();
    const dbGb = dbBytes() / 1e9;
    console.log(`machine load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} cores; data in ${dir}`);
    const figures = {
      chart_p95_ms: pct(chartAll, 0.95),
      search_p95_ms: pct(searchAll, 0.95),
      start_ms: startMs,
      report_s: reportS,
      rss_mb: peakRss / 1e6,
      db_gb: dbGb,
      mentions: count,
    };
    writeFileSync(join(dir, 'figures.json'), JSON.stringify({ ...figures, load: loadavg() }));
    const reference = join(dirname(dir), `scale-${LATEST_VERSION}-1000000`, 'figures.json');
    if (TOTAL !== 1_000_000 && existsSync(reference)) {
      const base = JSON.parse(readFileSync(reference, 'utf8')) as typeof figures;
      const ratios = (Object.keys(figures) as (keyof typeof figures)[]).map((k) => `${k}=×${(figures[k] / base[k]).toFixed(2)}`);
      console.log(`ratio to 1,000,000 mentions: ${ratios.join(' ')}`);
    }
    console.log(
      `scale chart_p95_ms=${ms(figures.chart_p95_ms)} search_p95_ms=${ms(figures.search_p95_ms)} start_ms=${startMs.toFixed(0)} report_s=${reportS.toFixed(2)} rss_mb=${figures.rss_mb.toFixed(0)} db_gb=${dbGb.toFixed(3)} mentions=${count}`,
    );
  } finally {
    feed.stop();
    core.close();
  }
}

async function main(): Promise<void> {
  if (existsSync(join(dir, 'built'))) {
    console.log(`reusing ${dir}`);
    await measure();
    return;
  }
  await build();
  // Measured in a fresh process, as a laptop opening the workspace would: start time and memory owe nothing to the build.
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = child.status ?? 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
