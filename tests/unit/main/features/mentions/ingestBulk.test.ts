import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { openDatabase, type Db } from '../../../../../src/main/platform/db/openDatabase';
import { BRANDS, SCALE_END, scaleMentions } from '../../../../../scripts/bench/scaleWorkspace';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore, workspaceKey } from '../../../../support/testCore';

const tempDir = useTempDirs();
const WS = 'live';
const N = 2000;
const clock = { now: () => new Date(SCALE_END) };

async function workspaceWithWatches(): Promise<{ dir: string; core: Core; sourceId: number }> {
  const dir = tempDir();
  const core = makeTestCore(dir, { clock });
  for (const name of BRANDS.slice(0, 8)) await invoke(core, 'watches:create', { workspaceId: WS, watch: { name, keywords: [name] } });
  const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Flux', config: {} } });
  return { dir, core, sourceId: source.id };
}

const open = (dir: string): Db => openDatabase({ path: join(dir, 'workspaces', `${WS}.db`), key: workspaceKey(dir, WS) });

/** Every row the ingestion writes, table by table, in a stable order. */
const TABLES = {
  mentions: 'SELECT * FROM mentions ORDER BY id',
  mention_watches: 'SELECT * FROM mention_watches ORDER BY watch_id, mention_id',
  mention_rollups: 'SELECT * FROM mention_rollups ORDER BY watch_id, minute',
  mention_rollup_parts: 'SELECT * FROM mention_rollup_parts ORDER BY watch_id, minute, dimension, value',
  mention_rollups_hourly: 'SELECT * FROM mention_rollups_hourly WHERE count > 0 ORDER BY watch_id, hour',
  mention_rollup_parts_hourly: 'SELECT * FROM mention_rollup_parts_hourly WHERE count > 0 ORDER BY watch_id, hour, dimension, value',
  fts_single_word: "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'remboursement' ORDER BY rowid",
  fts_folded_phrase: `SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH '"donnees clients"' ORDER BY rowid`,
  fts_boolean: "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'panne AND (client OR customer) NOT boycott' ORDER BY rowid",
  fts_author: "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'author_name:\"User 17\"' ORDER BY rowid",
} as const;

function snapshot(dir: string): Record<string, unknown[]> {
  const db = open(dir);
  try {
    // The index agrees with the stored text (throws SQLITE_CORRUPT_VTAB otherwise).
    db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run();
    return Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, db.prepare(sql).all()]));
  } finally {
    db.close();
  }
}

describe('bulk ingestion', () => {
  it('stores the same mentions, watch links, FTS entries and rollups as live ingestion, batch by batch', async () => {
    const generated = scaleMentions(0, N, N);
    // A repeated item and a malformed one: the bulk path dedupes and refuses as live ingestion does.
    const items: unknown[] = [...generated, generated[5], { externalId: 'bad', text: '' }];

    const live = await workspaceWithWatches();
    for (let from = 0; from < items.length; from += 250) live.core.ingest.ingestNow(WS, live.sourceId, items.slice(from, from + 250));
    live.core.close();

    const bulk = await workspaceWithWatches();
    const result = bulk.core.ingest.ingestBulk(WS, bulk.sourceId, [items.slice(0, 700), items.slice(700)]);
    bulk.core.close();

    expect(result).toMatchObject({ inserted: N, duplicates: 1, rejected: 1 });
    const expected = snapshot(live.dir);
    const actual = snapshot(bulk.dir);
    expect(expected.mentions).toHaveLength(N);
    expect(expected.mention_rollups!.length).toBeGreaterThan(100);
    expect(expected.fts_single_word!.length).toBeGreaterThan(0);
    expect(expected.fts_folded_phrase!.length).toBeGreaterThan(0);
    expect(expected.fts_boolean!.length).toBeGreaterThan(0);
    for (const table of Object.keys(expected)) expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });
  });

  it('recounts only from the earliest new mention, keeping what live ingestion already counted before it', async () => {
    const items = scaleMentions(0, 600, 600);
    const live = await workspaceWithWatches();
    live.core.ingest.ingestNow(WS, live.sourceId, items);
    live.core.close();

    const mixed = await workspaceWithWatches();
    mixed.core.ingest.ingestNow(WS, mixed.sourceId, items.slice(0, 300));
    mixed.core.ingest.ingestBulk(WS, mixed.sourceId, [items.slice(300)]);
    mixed.core.close();

    expect(snapshot(mixed.dir)).toEqual(snapshot(live.dir));
  });
});
