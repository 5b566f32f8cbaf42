// npm run bench:ingest -- [count=1000000] [batch=1000]
// Full ingestion path (validate, sanitise, canonical URL, enrich, match watches, dedupe, store, FTS, rollups)
// against the raw insert ceiling of the same mentions table, both on encrypted WAL databases, in one run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src/main/platform/db/openDatabase';
import { SourceRepository } from '../src/main/features/sources/sourceRepository';
import { WatchRepository } from '../src/main/features/watches/watchRepository';
import { syntheticMentions } from './bench/syntheticMentions';
import { sourceLanguageEnricher } from '../src/main/features/mentions/enricher';
import { IngestService } from '../src/main/features/mentions/ingestService';
import { toPlainText } from '../src/main/platform/text/plainText';

const total = Number(process.argv[2] ?? 1_000_000);
const batch = Number(process.argv[3] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-'));
const now = '2026-03-10T00:00:00.000Z';

function workspace(name: string): Db {
  return openDatabase({ path: join(dir, `${name}.db`), key: randomBytes(32) });
}

interface Lane {
  seconds: number;
  rows: number;
  duplicates: number;
}

function pipelineLane(): { ingest: (from: number, count: number) => void; lane: Lane; close: () => void } {
  const db = workspace('pipeline');
  const sourceId = new SourceRepository(db).create({ kind: 'rss', name: 'bench', config: {}, credentials: {}, intervalSeconds: 600 }, now);
  const watches = new WatchRepository(db);
  const watch = (name: string, keywords: string[]) =>
    watches.create({ name, keywords, exclusions: [], languages: [], authors: [], sourceIds: [], enabled: true }, now);
  watch('ACME', ['acme']);
  watch('Crise', ['fuite de données', 'data breach', 'boycott', 'scandale', 'recall']);
  watch('Service', ['panne', 'outage', 'service client', 'customer service']);
  const ws = { id: 'bench', kind: 'live' as const, createdAt: now, db };
  const service = new IngestService({ workspaces: { get: () => ws }, enricher: sourceLanguageEnricher, clock: { now: () => new Date(now) } });
  const lane: Lane = { seconds: 0, rows: 0, duplicates: 0 };
  return {
    lane,
    ingest: (from, count) => {
      const mentions = syntheticMentions(from, count);
      const t0 = process.hrtime.bigint();
      const result = service.ingestNow('bench', sourceId, mentions);
      lane.seconds += Number(process.hrtime.bigint() - t0) / 1e9;
      lane.rows += result.inserted;
      lane.duplicates += result.duplicates;
    },
    close: () => db.close(),
  };
}

/** Same table, same indexes, same batches and transactions, rows already prepared: what SQLite alone can do. */
function ceilingLane(): { ingest: (from: number, count: number) => void; lane: Lane; close: () => void } {
  const db = workspace('ceiling');
  const sourceId = new SourceRepository(db).create({ kind: 'rss', name: 'bench', config: {}, credentials: {}, intervalSeconds: 600 }, now);
  const insert = db.prepare(
    `INSERT INTO mentions (source_id, source_kind, external_id, canonical_url, url, author_handle, author_name, author_audience,
       author_kind, text, raw, language, published_at, fetched_at, likes, shares)
     VALUES (?, 'rss', ?, ?, ?, ?, ?, ?, 'public', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const write = db.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(...row);
  });
  const lane: Lane = { seconds: 0, rows: 0, duplicates: 0 };
  return {
    lane,
    ingest: (from, count) => {
      // Rows are built outside the timing, text already plain: only the inserts are measured.
      const prepared = syntheticMentions(from, count).map((m) => [
        sourceId,
        m.externalId,
        m.url?.split('?')[0] ?? null,
        m.url ?? null,
        m.author.handle ?? null,
        m.author.displayName ?? null,
        m.author.audience ?? null,
        toPlainText(m.text),
        m.text,
        m.language ?? null,
        m.publishedAt,
        now,
        m.engagement.likes ?? null,
        m.engagement.shares ?? null,
      ]);
      const t0 = process.hrtime.bigint();
      write(prepared);
      lane.seconds += Number(process.hrtime.bigint() - t0) / 1e9;
      lane.rows += prepared.length;
    },
    close: () => db.close(),
  };
}

try {
  console.log(`bench:ingest — ${total.toLocaleString('en')} synthetic FR/EN mentions, batches of ${batch}, encrypted WAL databases in ${dir}`);
  // Batches alternate between the two databases so that both see the same machine load (other processes, checkpoints).
  const raw = ceilingLane();
  const full = pipelineLane();
  for (let from = 0; from < total; from += batch) {
    const count = Math.min(batch, total - from);
    raw.ingest(from, count);
    full.ingest(from, count);
  }
  raw.close();
  full.close();
  const ceilingRate = raw.lane.rows / raw.lane.seconds;
  const rate = (full.lane.rows + full.lane.duplicates) / full.lane.seconds;
  console.log(`raw insert ceiling: ${raw.lane.rows} rows in ${raw.lane.seconds.toFixed(2)} s = ${Math.round(ceilingRate)} rows/s (mentions table and its indexes only)`);
  console.log(
    `full ingest path: ${full.lane.rows} stored + ${full.lane.duplicates} duplicates dropped in ${full.lane.seconds.toFixed(2)} s = ${Math.round(rate)} mentions/s (validate, sanitise, canonical URL, enrich, 3 watches, dedupe, FTS, rollups)`,
  );
  console.log(`ingest rate=${Math.round(rate)} ceiling=${Math.round(ceilingRate)} ratio=${(rate / ceilingRate).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
