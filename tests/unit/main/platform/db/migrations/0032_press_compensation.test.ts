import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0032 press_compensation', () => {
  it('adds the press desk and the compensation register to an existing workspace, refusing unknown states and bad currencies', () => {
    const db = databaseAt(31);
    db.prepare(
      `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at)
       VALUES ('i1', 'Colis perdus', 'viralComplaint', 'high', 'active', '2026-03-03T10:00:00.000Z', 'Léa', 'x')`,
    ).run();
    migrate(db, 32);
    expect(getUserVersion(db)).toBe(32);
    const inquiry = (channel: string, status: string) =>
      db
        .prepare(
          `INSERT INTO press_inquiries (incident_id, outlet, person, channel, question, deadline, status, created_at, created_by)
           VALUES ('i1', 'RTS', 'Marc', ?, 'Combien ?', '2026-03-03T12:00:00.000Z', ?, 'x', 'Léa')`,
        )
        .run(channel, status);
    inquiry('phone', 'open');
    expect(() => inquiry('fax', 'open')).toThrow(/CHECK/);
    expect(() => inquiry('phone', 'late')).toThrow(/CHECK/);
    const gesture = (amount: number, currency: string, status = 'proposed') =>
      db
        .prepare(
          `INSERT INTO compensation_cases (incident_id, customer, what_happened, gesture, amount_minor, currency, status, created_at, created_by)
           VALUES ('i1', '@client', 'Colis perdu', 'Bon', ?, ?, ?, 'x', 'Léa')`,
        )
        .run(amount, currency, status);
    const id = Number(gesture(14_990, 'CHF').lastInsertRowid);
    expect(() => gesture(-1, 'CHF')).toThrow(/CHECK/);
    expect(() => gesture(100, 'chf')).toThrow(/CHECK/);
    expect(() => gesture(100, 'EURO')).toThrow(/CHECK/);
    expect(() => gesture(100, 'EUR', 'maybe')).toThrow(/CHECK/);
    const decide = (decision: string) =>
      db
        .prepare(`INSERT INTO compensation_decisions (case_id, decision, person, role, decided_at) VALUES (?, ?, 'Julien', 'crisisLead', 'x')`)
        .run(id, decision);
    decide('approved');
    expect(() => decide('abstained')).toThrow(/CHECK/);
    db.close();
  });
});
