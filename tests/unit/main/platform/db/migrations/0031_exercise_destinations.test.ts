import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

const MESSAGE = `INSERT INTO notify_messages (id, dedupe_key, incident_id, mobilisation_id, role_id, stage, person_name, channel, address,
   language, subject, body, values_json, status, message_id, created_at, updated_at)
 VALUES (?, ?, 'i1', ?, 'crisisLead', ?, 'Anne', 'email', 'anne@example.org', 'fr', 's', 'b', '{}', 'sent', ?, ?, ?)`;

describe('migration 0031 exercise_destinations', () => {
  it('keeps queued messages with their identity, and lets reminders (no mobilisation) into the queue', () => {
    const db = databaseAt(30);
    const at = '2026-03-01T09:00:00.000Z';
    db.prepare("INSERT INTO notify_mobilisations (mobilisation_id, incident_id, level, started_at) VALUES ('m1', 'i1', 'crisis', ?)").run(at);
    db.prepare(MESSAGE).run('a', 'k1', 'm1', 'first', '<a@tocsin>', at, at);
    migrate(db, 31);
    expect(getUserVersion(db)).toBe(31);
    expect(db.prepare('SELECT id, dedupe_key AS k, message_id AS mid, status FROM notify_messages').all()).toEqual([{ id: 'a', k: 'k1', mid: '<a@tocsin>', status: 'sent' }]);
    const insert = db.prepare(MESSAGE);
    insert.run('r', 'reminder:c1:s1:0.5:crisisLead:email', null, 'reminder', '<r@tocsin>', at, at);
    expect(() => insert.run('b', 'k1', 'm1', 'first', '<b@tocsin>', at, at)).toThrow(/UNIQUE/);
    expect(() => insert.run('c', 'k3', null, 'first', '<c@tocsin>', at, at)).toThrow(/CHECK/);
    expect(() => insert.run('d', 'k4', 'm1', 'reminder', '<d@tocsin>', at, at)).toThrow(/CHECK/);
    expect(() => insert.run('e', 'k5', 'nope', 'deputy', '<e@tocsin>', at, at)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO notify_test_destinations (person, email, updated_at) VALUES ('*', 'drill@example.test', ?)").run(at);
    expect(() => db.prepare("INSERT INTO notify_test_destinations (person, updated_at) VALUES ('*', ?)").run(at)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
