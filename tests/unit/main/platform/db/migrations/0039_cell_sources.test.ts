import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0039 cell_sources', () => {
  it('maps sources to their cell-wide id, which goes with the source, and records batches and the mark once', () => {
    const db = databaseAt(38);
    db.prepare("INSERT INTO sources (id, kind, name, interval_seconds, created_at, updated_at) VALUES (1, 'rss', 'Le Quotidien', 300, 'x', 'x')").run();
    migrate(db, 39);
    expect(getUserVersion(db)).toBe(39);
    db.prepare("INSERT INTO cell_sources (source_id, uid) VALUES (1, 'u-1')").run();
    expect(db.prepare('SELECT owned FROM cell_sources WHERE source_id = 1').get()).toEqual({ owned: 1 });
    expect(() => db.prepare("INSERT INTO cell_sources (source_id, uid) VALUES (2, 'u-2')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE cell_sources SET owned = 2").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO cell_mention_batches (document, batch) VALUES ('d', 'b')").run();
    expect(() => db.prepare("INSERT INTO cell_mention_batches (document, batch) VALUES ('d', 'b')").run()).toThrow(/UNIQUE/);
    db.prepare('INSERT INTO cell_mention_mark (id, published_through) VALUES (1, 5)').run();
    expect(() => db.prepare('INSERT INTO cell_mention_mark (id, published_through) VALUES (2, 5)').run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM sources WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM cell_sources').get()).toEqual({ n: 0 });
    db.close();
  });
});
