import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0012 level_history', () => {
  it('seeds the level history from existing alerts, checks levels and follows its watch when deleted', () => {
    const db = databaseAt(11);
    const t = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (1, 'Banque Léman', ?, ?), (2, 'Autre', ?, ?)").run(t(0), t(0), t(0), t(0));
    const alert = db.prepare("INSERT INTO alerts (watch_id, level, opened_at, updated_at, closed_at, explanation_json) VALUES (?, ?, ?, ?, ?, '{}')");
    alert.run(1, 'alert', t(9), t(9), t(12));
    alert.run(1, 'crisis', t(15), t(15), null);
    alert.run(2, 'alert', t(10), t(10), t(11));
    migrate(db, 12);
    expect(getUserVersion(db)).toBe(12);
    expect(db.prepare('SELECT level, at FROM detection_level_changes WHERE watch_id = 1 ORDER BY at, id').all()).toEqual([
      { level: 'alert', at: t(9) },
      { level: 'calm', at: t(12) },
      { level: 'crisis', at: t(15) },
    ]);
    expect(() => db.prepare("INSERT INTO detection_level_changes (watch_id, level, at) VALUES (1, 'panic', ?)").run(t(16))).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO detection_level_changes (watch_id, level, at) VALUES (9, 'calm', ?)").run(t(16))).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM watches WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM detection_level_changes WHERE watch_id = 2').pluck().get()).toBe(0);
    db.close();
  });
});
