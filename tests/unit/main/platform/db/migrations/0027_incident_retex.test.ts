import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0027 incident_retex', () => {
  it('keeps earlier plan revisions without a lesson and accepts only JSON and known states for plan changes', () => {
    const db = databaseAt(26);
    db.prepare("INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin) VALUES (1, '{}', '2026-03-03T10:00:00.000Z', 'edit')").run();
    migrate(db, 27);
    expect(getUserVersion(db)).toBe(27);
    expect(db.prepare('SELECT revision, lesson_json AS lesson FROM plan_revisions').all()).toEqual([{ revision: 1, lesson: null }]);
    expect(() => db.prepare("UPDATE plan_revisions SET lesson_json = 'not json'").run()).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at)
       VALUES ('i1', 'Fuite', 'dataBreach', 'high', 'closed', '2026-03-03T10:00:00.000Z', 'Léa', 'x')`,
    ).run();
    const insert = (json: string | null, state: string | null) =>
      db
        .prepare(
          `INSERT INTO retex_actions (incident_id, text, owner_role, owner_person, due_date, created_at, created_by, plan_change_json, plan_change_state)
           VALUES ('i1', 'a', 'legal', 'A', '2026-04-01', 'x', 'Léa', ?, ?)`,
        )
        .run(json, state);
    insert('{"kind":"threshold"}', 'proposed');
    expect(() => insert('{"kind":"threshold"}', 'maybe')).toThrow(/CHECK/);
    expect(() => insert('nope', 'proposed')).toThrow(/CHECK/);
    db.close();
  });
});
