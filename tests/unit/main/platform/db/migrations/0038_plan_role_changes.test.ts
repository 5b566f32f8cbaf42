import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0038 plan_role_changes', () => {
  it('keeps every revision, with no role changes, and accepts only JSON role changes after', () => {
    const db = databaseAt(37);
    db.prepare("INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin, author, note) VALUES (1, '{}', '2026-12-01T00:00:00.000Z', 'edit', 'Anne', 'Role added: Legal')").run();
    migrate(db, 38);
    expect(getUserVersion(db)).toBe(38);
    expect(db.prepare('SELECT revision, note, role_changes_json AS changes FROM plan_revisions').all()).toEqual([
      { revision: 1, note: 'Role added: Legal', changes: null },
    ]);
    const insert = (changes: string) =>
      db
        .prepare("INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin, author, note, role_changes_json) VALUES (1, '{}', '2026-12-02T00:00:00.000Z', 'edit', 'Anne', '', ?)")
        .run(changes);
    insert('[{"kind":"added","roleId":"legal"}]');
    expect(() => insert('added legal')).toThrow(/CHECK/);
    db.close();
  });
});
