import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

const at = '2026-03-01T08:00:00.000Z';

describe('migration 0018 incident_scope', () => {
  it('gives earlier incidents the watch of their alert (every watch when opened by hand) and their open period', () => {
    const db = databaseAt(17);
    const watch = db.prepare("INSERT INTO watches (name, created_at, updated_at) VALUES (?, ?, ?)");
    watch.run('Bank', at, at);
    watch.run('Demo', at, at);
    const incident = db.prepare(
      `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, alert_id, alert_snapshot_json, closed_at, updated_at)
       VALUES (?, 'x', 'dataBreach', 'high', ?, ?, 'Anne', ?, ?, ?, ?)`,
    );
    incident.run('fromAlert', 'closed', at, '7', JSON.stringify({ alertId: '7', watchId: 2, why: [], mentions: [] }), '2026-03-02T08:00:00.000Z', at);
    incident.run('byHand', 'active', at, null, null, null, at);
    migrate(db, 18);
    expect(getUserVersion(db)).toBe(18);
    const watches = (id: string) =>
      db.prepare<[string], { watchId: number }>('SELECT watch_id AS watchId FROM incident_watches WHERE incident_id = ? ORDER BY watch_id').all(id).map((r) => r.watchId);
    expect(watches('fromAlert')).toEqual([2]);
    expect(watches('byHand')).toEqual([1, 2]);
    const period = db.prepare('SELECT period_start AS start, period_end AS end FROM incidents WHERE id = ?');
    expect(period.get('fromAlert')).toEqual({ start: at, end: '2026-03-02T08:00:00.000Z' });
    expect(period.get('byHand')).toEqual({ start: at, end: null });
  });

  it('refuses a scope on an unknown incident or watch, and forgets a deleted watch', () => {
    const db = databaseAt(18);
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (1, 'Bank', ?, ?)").run(at, at);
    db.prepare(
      `INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at, period_start)
       VALUES ('i1', 'x', 'dataBreach', 'high', 'active', ?, 'Anne', ?, ?)`,
    ).run(at, at, at);
    const put = db.prepare('INSERT INTO incident_watches (incident_id, watch_id) VALUES (?, ?)');
    put.run('i1', 1);
    expect(() => put.run('i1', 1)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('i1', 9)).toThrow(/FOREIGN KEY/);
    expect(() => put.run('nope', 1)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM watches WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM incident_watches').get()).toEqual({ n: 0 });
  });
});
