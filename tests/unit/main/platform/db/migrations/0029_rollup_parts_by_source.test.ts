import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0029 rollup_parts_by_source', () => {
  it('recounts the source parts by source id at both grains and leaves the language parts as they were', () => {
    const db = databaseAt(28);
    const source = db.prepare("INSERT INTO sources (id, kind, name, interval_seconds, created_at, updated_at) VALUES (?, 'rss', ?, 600, 'x', 'x')");
    source.run(1, 'Le Temps');
    source.run(2, 'RTS Info');
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (1, 'Banque Léman', 'x', 'x')").run();
    const mention = db.prepare(
      `INSERT INTO mentions (id, source_id, source_kind, external_id, text, raw, language, published_at, fetched_at)
       VALUES (?, ?, 'rss', ?, 't', 't', 'fr', ?, 'x')`,
    );
    const link = db.prepare('INSERT INTO mention_watches (mention_id, watch_id) VALUES (?, 1)');
    [
      [1, 1, '2026-03-10T11:00:10.000Z'],
      [2, 2, '2026-03-10T11:00:50.000Z'],
      [3, 2, '2026-03-10T11:59:00.000Z'],
    ].forEach(([id, sourceId, at]) => {
      mention.run(id, sourceId, `m${id}`, at);
      link.run(id);
    });
    // What ingestion wrote before: parts by kind (the hourly table follows the minute one through its triggers).
    const minute = Math.floor(Date.parse('2026-03-10T11:00:00.000Z') / 60_000);
    const part = db.prepare('INSERT INTO mention_rollup_parts (watch_id, minute, dimension, value, count) VALUES (1, ?, ?, ?, ?)');
    part.run(minute, 'source', 'rss', 2);
    part.run(minute + 59, 'source', 'rss', 1);
    part.run(minute, 'lang', 'fr', 2);
    part.run(minute + 59, 'lang', 'fr', 1);
    migrate(db, 29);
    expect(getUserVersion(db)).toBe(29);
    expect(db.prepare("SELECT minute - ? AS m, value, count FROM mention_rollup_parts WHERE dimension = 'source' ORDER BY minute, value").all(minute)).toEqual([
      { m: 0, value: '1', count: 1 },
      { m: 0, value: '2', count: 1 },
      { m: 59, value: '2', count: 1 },
    ]);
    expect(db.prepare('SELECT dimension, value, count FROM mention_rollup_parts_hourly ORDER BY dimension, value').all()).toEqual([
      { dimension: 'lang', value: 'fr', count: 3 },
      { dimension: 'source', value: '1', count: 1 },
      { dimension: 'source', value: '2', count: 2 },
    ]);
    db.close();
  });
});
