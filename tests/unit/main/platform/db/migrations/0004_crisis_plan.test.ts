import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt, tableColumns } from '../../../../../support/migrations';

describe('migration 0004 crisis_plan', () => {
  it('adds plan_revisions beside existing data', () => {
    const db = databaseAt(3);
    db.prepare("INSERT INTO settings VALUES ('displayName', '\"Live\"', '2026-01-01T00:00:00Z')").run();
    migrate(db, 4);
    expect(tableColumns(db, 'plan_revisions')).toEqual([
      'revision',
      'schema_version',
      'plan_json',
      'saved_at',
      'origin',
      'author',
      'note',
    ]);
    expect(db.prepare('SELECT value_json FROM settings').pluck().get()).toBe('"Live"');
    db.close();
  });

  it('numbers revisions in order and refuses non-JSON plans and unknown origins', () => {
    const db = databaseAt(4);
    const insert = db.prepare(
      "INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin) VALUES (1, ?, '2026-01-01T00:00:00Z', ?)",
    );
    expect(insert.run('{"a":1}', 'default').lastInsertRowid).toBe(1);
    expect(insert.run('{"a":2}', 'edit').lastInsertRowid).toBe(2);
    expect(() => insert.run('not json', 'edit')).toThrow();
    expect(() => insert.run('{}', 'sync')).toThrow();
    db.close();
  });
});
