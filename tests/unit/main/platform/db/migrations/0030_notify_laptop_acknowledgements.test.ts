import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0030 notify_laptop_acknowledgements', () => {
  it('keeps each laptop acknowledgement once, only of a mobilisation Tocsin drives', () => {
    const db = databaseAt(29);
    const at = '2026-03-01T09:00:00.000Z';
    db.prepare(
      `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at)
       VALUES ('i1', 'Fuite', 'dataBreach', 'high', 'active', ?, 'Anne', ?)`,
    ).run(at, at);
    db.prepare("INSERT INTO notify_mobilisations (mobilisation_id, incident_id, level, started_at) VALUES ('m1', 'i1', 'crisis', ?)").run(at);
    migrate(db, 30);
    expect(getUserVersion(db)).toBe(30);
    const insert = db.prepare(
      `INSERT INTO notify_laptop_acknowledgements (mobilisation_id, role_id, device_id, signature, incident_id, person_name,
         member_name, acknowledged_at, received_at, genuine) VALUES (?, 'legal', 'd1', ?, 'i1', 'Léa', 'Bob', ?, ?, ?)`,
    );
    insert.run('m1', 'sig-1', at, at, 1);
    // The same laptop under another signature (a forgery) is a row of its own; the same one again is not.
    insert.run('m1', 'sig-2', at, at, 0);
    expect(() => insert.run('m1', 'sig-1', at, at, 1)).toThrow(/UNIQUE/);
    expect(() => insert.run('m1', 'sig-3', at, at, 2)).toThrow(/CHECK/);
    expect(() => insert.run('nope', 'sig-4', at, at, 1)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
