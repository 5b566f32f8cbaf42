import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt, tableColumns } from '../../../../../support/migrations';

describe('migration 0010 lessons_learned', () => {
  it('adds the lessons table beside existing plan revisions', () => {
    const db = databaseAt(9);
    db.prepare("INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin) VALUES (1, '{}', '2026-01-01T00:00:00Z', 'default')").run();
    migrate(db, 10);
    expect(tableColumns(db, 'lessons_learned')).toEqual(['id', 'submitted_at', 'author', 'author_role', 'went_well', 'went_badly', 'actions_json']);
    expect(db.prepare('SELECT count(*) FROM plan_revisions').pluck().get()).toBe(1);
    db.close();
  });

  it('accepts anonymous answers and refuses actions that are not a JSON array', () => {
    const db = databaseAt(10);
    const insert = db.prepare("INSERT INTO lessons_learned (submitted_at, author, went_well, went_badly, actions_json) VALUES ('2026-01-01T00:00:00Z', ?, 'a', 'b', ?)");
    expect(() => insert.run(null, '[]')).not.toThrow();
    expect(() => insert.run('Léa', '{"action":"x"}')).toThrow();
    expect(() => insert.run('Léa', 'nope')).toThrow();
    db.close();
  });
});
