import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0041 call_person_ids', () => {
  it('keeps earlier calls without a person id and lets a call name its person', () => {
    const db = databaseAt(40);
    const at = '2026-03-01T09:00:00.000Z';
    db.prepare("INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at) VALUES ('i1', 'Fuite', 'dataBreach', 'high', 'active', ?, 'Anne', ?)").run(at, at);
    db.prepare("INSERT INTO incident_mobilisations (id, incident_id, started_at, started_by) VALUES ('m1', 'i1', ?, 'Anne')").run(at);
    const call = db.prepare("INSERT INTO incident_mobilisation_calls (mobilisation_id, role_id, person_name, phone, alerted_at) VALUES ('m1', ?, 'Anne', '+41790000000', ?)");
    call.run('crisisLead', at);
    migrate(db, 41);
    expect(getUserVersion(db)).toBe(41);
    call.run('legal', at);
    db.prepare("UPDATE incident_mobilisation_calls SET person_id = 'p1' WHERE role_id = 'legal'").run();
    expect(db.prepare('SELECT role_id AS roleId, person_id AS personId FROM incident_mobilisation_calls ORDER BY role_id').all()).toEqual([
      { roleId: 'crisisLead', personId: null },
      { roleId: 'legal', personId: 'p1' },
    ]);
    db.close();
  });
});
