import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { CrisisLogRepository } from '../../../../../../src/main/features/crisisLog/crisisLogRepository';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0043 crisis_log_entry_time', () => {
  it('lets the newest entries be read from an index instead of sorting the whole log', () => {
    const db = databaseAt(42);
    migrate(db, 43);
    expect(getUserVersion(db)).toBe(43);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT seq FROM crisis_log e LEFT JOIN crisis_log_origin o ON o.entry_id = e.id
      WHERE e.record = 'entry' ORDER BY e.occurred_at DESC, o.hlc DESC, o.device_id DESC, e.seq DESC LIMIT 500`).all() as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('crisis_log_entry_time');
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(new CrisisLogRepository(db).entries({ limit: 10 })).toEqual([]);
  });
});
