import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0006 incidents', () => {
  it('adds incidents with roster, one open holder per role, mobilisation calls and checklist items', () => {
    const db = databaseAt(5);
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('statusMeetingHours', '2', '2026-01-01T00:00:00Z')").run();
    migrate(db, 6);
    expect(getUserVersion(db)).toBe(6);
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });

    const at = '2026-01-01T00:00:00Z';
    db.prepare(
      `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at)
       VALUES ('i1', 'Fuite', 'dataBreach', 'high', 'active', ?, 'Anne', ?)`,
    ).run(at, at);
    expect(() =>
      db.prepare(
        `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at)
         VALUES ('i2', 'x', 'other', 'high', 'panic', ?, 'Anne', ?)`,
      ).run(at, at),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO incident_roles (incident_id, role_id, position, name_json, mission_json, instructions_json, deputies_json, calls_json)
       VALUES ('i1', 'legal', 0, '{}', '{}', '[]', '[]', '[]')`,
    ).run();
    const holder = db.prepare(
      "INSERT INTO incident_role_holders (incident_id, role_id, person_json, from_at, until_at) VALUES ('i1', 'legal', '{}', ?, ?)",
    );
    holder.run(at, at);
    holder.run(at, null);
    expect(() => holder.run(at, null)).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO incident_role_holders (incident_id, role_id, person_json, from_at) VALUES ('i1', 'scribe', '{}', ?)").run(at),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare(
        `INSERT INTO incident_checklist_items (id, incident_id, position, phase, text_json, owner_role, deadline_minutes, status, updated_at)
         VALUES ('c1', 'i1', 0, 'panic', '{}', 'legal', 60, 'todo', ?)`,
      ).run(at),
    ).toThrow(/CHECK/);
  });
});
