import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0045 retex_follow_up', () => {
  it('records each follow-up item once per incident, only for an incident that exists', () => {
    const db = databaseAt(44);
    db.prepare(
      "INSERT INTO incidents (id, title, scenario_kind, severity, status, opened_at, opened_by, updated_at) VALUES ('i1', 'Fuite', 'dataBreach', 'high', 'closed', 'x', 'Anne', 'x')",
    ).run();
    migrate(db, 45);
    expect(getUserVersion(db)).toBe(45);
    const tick = db.prepare("INSERT INTO retex_follow_up (incident_id, item, done_at, done_by) VALUES (?, ?, 'x', 'Anne')");
    tick.run('i1', 'thankCommunity');
    expect(() => tick.run('i1', 'thankCommunity')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => tick.run('i2', 'thankCommunity')).toThrow(/FOREIGN KEY/);
    tick.run('i1', 'relaunchCampaigns');
    expect(db.prepare("SELECT item FROM retex_follow_up WHERE incident_id = 'i1' ORDER BY item").all()).toEqual([{ item: 'relaunchCampaigns' }, { item: 'thankCommunity' }]);
  });
});
