import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0011 mention_audience_index', () => {
  it('indexes existing large-audience mentions only, and the top-audience query uses the index', () => {
    const db = databaseAt(10);
    db.prepare("INSERT INTO sources (id, kind, name, interval_seconds, created_at, updated_at) VALUES (1, 'rss', 's', 60, 'x', 'x')").run();
    const insert = db.prepare(
      "INSERT INTO mentions (source_id, source_kind, external_id, author_audience, text, raw, published_at, fetched_at) VALUES (1, 'rss', ?, ?, 't', '{}', ?, 'x')",
    );
    [50, 12_000, null, 250_000, 9_999].forEach((audience, i) => insert.run(`m${i}`, audience, `2026-01-01T00:0${i}:00.000Z`));
    migrate(db, 11);
    const indexed = db.prepare('SELECT author_audience FROM mentions INDEXED BY mentions_large_audience WHERE author_audience >= 10000 ORDER BY author_audience').pluck().all();
    expect(indexed).toEqual([12_000, 250_000]);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM mentions WHERE author_audience >= 10000 AND published_at >= '2026' ORDER BY author_audience DESC LIMIT 5")
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' ');
    expect(plan).toContain('mentions_large_audience');
    db.close();
  });
});
