import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0025 regulatory_clocks', () => {
  it('holds one clock per incident and obligation, its steps and the reminders given, tied to the incident', () => {
    const db = databaseAt(24);
    const at = '2026-03-29T00:30:00.000Z';
    db.prepare(
      `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at)
       VALUES ('i1', 'Fuite', 'dataBreach', 'high', 'active', ?, 'Anne', ?)`,
    ).run(at, at);
    migrate(db, 25);
    expect(getUserVersion(db)).toBe(25);
    const clock = db.prepare(
      `INSERT INTO regulatory_clocks (id, incident_id, obligation_id, obligation_json, time_zone, fractions_json, classified_at, classified_by, awareness_at)
       VALUES (?, ?, 'gdpr', '{}', 'Europe/Zurich', '[0.5]', ?, 'Anne', ?)`,
    );
    clock.run('c1', 'i1', at, at);
    expect(() => clock.run('c2', 'i1', at, at)).toThrow(/UNIQUE/);
    expect(() => clock.run('c3', 'nope', at, at)).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare(`INSERT INTO regulatory_clocks (id, incident_id, obligation_id, obligation_json, time_zone, fractions_json, classified_at, classified_by, awareness_at)
        VALUES ('c4', 'i1', 'dora', 'not json', 'UTC', '[]', ?, 'Anne', ?)`).run(at, at),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO regulatory_steps (clock_id, step_id, position, due_at) VALUES ('c1', 'notify', 0, '2026-04-01T00:30:00.000Z')").run();
    db.prepare("INSERT INTO regulatory_reminders (clock_id, step_id, fraction, remind_at, fired_at) VALUES ('c1', 'notify', 0.5, ?, ?)").run(at, at);
    expect(() => db.prepare("INSERT INTO regulatory_reminders (clock_id, step_id, fraction, remind_at, fired_at) VALUES ('c1', 'notify', 0.5, ?, ?)").run(at, at)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
