import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

const insertAlert = `INSERT INTO alerts (watch_id, level, opened_at, updated_at, explanation_json, opening_explanation_json)
  VALUES (?, 'crisis', '2026-03-03T10:00:00.000Z', 'x', '{"why":1}', '{"why":0}')`;

describe('migration 0028 alert_ids_never_reused', () => {
  it('keeps every alert with its id and never hands a deleted watch\'s alert id to a new alert', () => {
    const db = databaseAt(27);
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (1, 'Banque Léman', 'x', 'x')").run();
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (2, 'Horlogerie', 'x', 'x')").run();
    db.prepare(insertAlert).run(1);
    db.prepare(insertAlert).run(2);
    db.prepare("UPDATE alerts SET status = 'acknowledged', status_by = 'Léa' WHERE id = 1").run();
    migrate(db, 28);
    expect(getUserVersion(db)).toBe(28);
    expect(db.prepare('SELECT id, watch_id AS watch, status, status_by AS by, opening_explanation_json AS opening FROM alerts ORDER BY id').all()).toEqual([
      { id: 1, watch: 1, status: 'acknowledged', by: 'Léa', opening: '{"why":0}' },
      { id: 2, watch: 2, status: 'open', by: null, opening: '{"why":0}' },
    ]);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM watches WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) AS n FROM alerts').get()).toEqual({ n: 1 });
    expect(Number(db.prepare(insertAlert).run(1).lastInsertRowid)).toBe(3);
    expect(() => db.prepare("UPDATE alerts SET status = 'maybe'").run()).toThrow(/CHECK/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'alerts' ORDER BY name").all()).toEqual([
      { name: 'alerts_opened' },
      { name: 'alerts_watch_opened' },
    ]);
    db.close();
  });
});
