import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0033 plan_empty_origin', () => {
  it('keeps every revision as it was and accepts the empty plan as an origin', () => {
    const db = databaseAt(32);
    const insert = (origin: string, lesson: string | null) =>
      db
        .prepare("INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin, author, note, lesson_json) VALUES (1, '{}', '2026-12-01T00:00:00.000Z', ?, 'Anne', 'n', ?)")
        .run(origin, lesson);
    insert('default', null);
    insert('edit', '{"incidentId":"i1"}');
    expect(() => insert('empty', null)).toThrow(/CHECK/);
    migrate(db, 33);
    expect(getUserVersion(db)).toBe(33);
    expect(db.prepare('SELECT revision, origin, author, note, lesson_json AS lesson FROM plan_revisions ORDER BY revision').all()).toEqual([
      { revision: 1, origin: 'default', author: 'Anne', note: 'n', lesson: null },
      { revision: 2, origin: 'edit', author: 'Anne', note: 'n', lesson: '{"incidentId":"i1"}' },
    ]);
    insert('empty', null);
    expect(() => insert('sample', null)).toThrow(/CHECK/);
    expect(() => insert('edit', 'not json')).toThrow(/CHECK/);
    expect((db.prepare('SELECT max(revision) AS r FROM plan_revisions').get() as { r: number }).r).toBe(3);
    db.close();
  });
});
