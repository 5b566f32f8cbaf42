import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0007 detection', () => {
  it('adds detection settings, levels, alerts, tone corrections, the tone model and term hours', () => {
    const db = databaseAt(6);
    const now = '2026-03-01T10:00:00.000Z';
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (1, 'Banque Léman', ?, ?)").run(now, now);
    migrate(db, 7);
    expect(getUserVersion(db)).toBe(7);
    expect(db.prepare('SELECT name FROM watches').get()).toEqual({ name: 'Banque Léman' });

    db.prepare("INSERT INTO detection_settings (watch_id, settings_json, updated_at) VALUES (1, '{}', ?)").run(now);
    expect(() => db.prepare("INSERT INTO detection_settings (watch_id, settings_json, updated_at) VALUES (1, 'x', ?)").run(now)).toThrow();
    db.prepare("INSERT INTO detection_levels (watch_id, level, since, updated_at) VALUES (1, 'alert', ?, ?)").run(now, now);
    expect(() =>
      db.prepare("INSERT INTO detection_levels (watch_id, level, since, updated_at) VALUES (1, 'panic', ?, ?)").run(now, now),
    ).toThrow(/CHECK|UNIQUE/);
    const alert = db
      .prepare("INSERT INTO alerts (watch_id, level, opened_at, updated_at, explanation_json) VALUES (1, 'alert', ?, ?, '{}')")
      .run(now, now);
    expect(() => db.prepare("UPDATE alerts SET status = 'ignored' WHERE id = ?").run(alert.lastInsertRowid)).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO alerts (watch_id, level, opened_at, updated_at, explanation_json) VALUES (2, 'alert', ?, ?, '{}')").run(now, now),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO tone_models (id, weights, samples, trained_at) VALUES (1, x'00', 3, ?)").run(now);
    expect(() => db.prepare("INSERT INTO tone_models (id, weights, samples, trained_at) VALUES (2, x'00', 3, ?)").run(now)).toThrow(/CHECK/);
    db.prepare("INSERT INTO watch_term_hours (watch_id, hour, term, count) VALUES (1, 100, '#boycott', 4)").run();
    db.prepare('DELETE FROM watches WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM alerts').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM watch_term_hours').get()).toEqual({ n: 0 });
  });
});
