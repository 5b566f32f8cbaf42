import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0035 archived_clocks', () => {
  it('keeps the clocks classified here as reminding ones, and lets a clock name the archive it came from', () => {
    const db = databaseAt(34);
    const at = '2026-03-01T09:00:00.000Z';
    db.prepare("INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at) VALUES ('i1', 'Fuite', 'dataBreach', 'high', 'active', ?, 'Anne', ?)").run(at, at);
    const clock = db.prepare(
      `INSERT INTO regulatory_clocks (id, incident_id, obligation_id, obligation_json, time_zone, fractions_json, classified_at, classified_by, awareness_at)
       VALUES (?, 'i1', ?, '{}', 'Europe/Zurich', '[0.5]', ?, 'Anne', ?)`,
    );
    clock.run('c1', 'gdpr-art33', at, at);
    migrate(db, 35);
    expect(getUserVersion(db)).toBe(35);
    expect(db.prepare('SELECT id, from_archive_at AS fromArchive FROM regulatory_clocks').all()).toEqual([{ id: 'c1', fromArchive: null }]);
    clock.run('c2', 'board-2h', at, at);
    db.prepare("UPDATE regulatory_clocks SET from_archive_at = ? WHERE id = 'c2'").run(at);
    expect(db.prepare('SELECT id FROM regulatory_clocks WHERE from_archive_at IS NULL').all()).toEqual([{ id: 'c1' }]);
    db.close();
  });
});
