import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0026 notify_delivery', () => {
  it('records earlier mobilisations as phone lists never messaged, and keeps each message’s identity unique', () => {
    const db = databaseAt(25);
    const at = '2026-03-01T09:00:00.000Z';
    db.prepare(
      `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at)
       VALUES ('i1', 'Fuite', 'dataBreach', 'high', 'active', ?, 'Anne', ?)`,
    ).run(at, at);
    db.prepare("INSERT INTO incident_mobilisations (id, incident_id, started_at, started_by) VALUES ('m1', 'i1', ?, 'Anne')").run(at);
    migrate(db, 26);
    expect(getUserVersion(db)).toBe(26);
    expect(db.prepare('SELECT mobilisation_id AS id, level FROM notify_mobilisations').all()).toEqual([{ id: 'm1', level: 'none' }]);
    const message = db.prepare(
      `INSERT INTO notify_messages (id, dedupe_key, incident_id, mobilisation_id, role_id, stage, person_name, channel, address, language,
         subject, body, values_json, status, message_id, created_at, updated_at)
       VALUES (?, ?, 'i1', ?, 'crisisLead', 'first', 'Anne', 'email', 'anne@example.org', 'fr', 's', 'b', '{}', ?, ?, ?, ?)`,
    );
    message.run('a', 'k1', 'm1', 'queued', '<a@tocsin>', at, at);
    expect(() => message.run('b', 'k1', 'm1', 'queued', '<b@tocsin>', at, at)).toThrow(/UNIQUE/);
    expect(() => message.run('c', 'k3', 'm1', 'queued', '<a@tocsin>', at, at)).toThrow(/UNIQUE/);
    expect(() => message.run('d', 'k4', 'm1', 'lost', '<d@tocsin>', at, at)).toThrow(/CHECK/);
    expect(() => message.run('e', 'k5', 'nope', 'queued', '<e@tocsin>', at, at)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
