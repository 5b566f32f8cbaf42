import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0013 source_error_message', () => {
  it('adds an optional JSON form of the last error next to the text, keeping existing sources as they were', () => {
    const db = databaseAt(12);
    db.prepare(
      "INSERT INTO sources (id, kind, name, interval_seconds, last_error, created_at, updated_at) VALUES (1, 'rss', 'Flux', 300, 'Cannot reach example.org: ECONNREFUSED', 'x', 'x')",
    ).run();
    migrate(db, 13);
    expect(getUserVersion(db)).toBe(13);
    expect(db.prepare('SELECT last_error AS text, last_error_json AS json FROM sources').get()).toEqual({
      text: 'Cannot reach example.org: ECONNREFUSED',
      json: null,
    });
    db.prepare('UPDATE sources SET last_error_json = ? WHERE id = 1').run('{"key":"unreachable","params":{"host":"example.org"}}');
    expect(() => db.prepare("UPDATE sources SET last_error_json = 'not json' WHERE id = 1").run()).toThrow(/CHECK/);
    db.close();
  });
});
