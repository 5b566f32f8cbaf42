import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0002 listen_store', () => {
  it('adds the listening tables to a workspace that has settings', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('locale', '\"fr\"', '2026-01-01T00:00:00Z')").run();
    migrate(db, 2);
    expect(getUserVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });

    const now = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO sources (kind, name, interval_seconds, created_at, updated_at) VALUES ('rss', 'Le Temps', 600, ?, ?)").run(now, now);
    const insert = db.prepare(
      `INSERT INTO mentions (source_id, source_kind, external_id, canonical_url, text, raw, published_at, fetched_at)
       VALUES (1, 'rss', ?, ?, ?, ?, ?, ?)`,
    );
    const { lastInsertRowid } = insert.run('a', 'https://x.test/a', 'Fuite de données chez ACME', '<p>Fuite de données chez ACME</p>', now, now);
    db.prepare('INSERT INTO mentions_fts (rowid, title, text, author_name) VALUES (?, NULL, ?, NULL)').run(lastInsertRowid, 'Fuite de données chez ACME');

    expect(() => insert.run('a', null, 'again', 'again', now, now)).toThrow(/UNIQUE/);
    expect(() => insert.run('b', 'https://x.test/a', 'same url', 'same url', now, now)).toThrow(/UNIQUE/);
    expect(db.prepare("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'fuite de donnees'").all()).toEqual([{ rowid: 1 }]);
    expect(() => db.prepare("INSERT INTO mentions (source_id, source_kind, external_id, text, raw, published_at, fetched_at) VALUES (99, 'rss', 'z', 't', 't', ?, ?)").run(now, now)).toThrow(/FOREIGN KEY/);
  });
});
