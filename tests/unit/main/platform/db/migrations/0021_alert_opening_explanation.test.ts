import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0021 alert_opening_explanation', () => {
  it('keeps each stored explanation as the alert’s opening record and accepts only JSON there', () => {
    const db = databaseAt(20);
    db.prepare("INSERT INTO watches (id, name, keywords_json, created_at, updated_at) VALUES (1, 'Banque Léman', '[]', 'x', 'x')").run();
    db.prepare(
      `INSERT INTO alerts (id, watch_id, level, opened_at, updated_at, explanation_json)
       VALUES (1, 1, 'alert', '2026-03-03T10:00:00.000Z', '2026-03-03T10:00:00.000Z', '{"mentions":26}')`,
    ).run();
    migrate(db, 21);
    expect(getUserVersion(db)).toBe(21);
    expect(db.prepare('SELECT explanation_json AS now, opening_explanation_json AS opening FROM alerts').get()).toEqual({
      now: '{"mentions":26}',
      opening: '{"mentions":26}',
    });
    expect(() => db.prepare("UPDATE alerts SET opening_explanation_json = 'not json' WHERE id = 1").run()).toThrow(/CHECK/);
    db.close();
  });
});
