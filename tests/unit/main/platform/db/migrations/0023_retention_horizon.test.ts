import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0023 retention_horizon', () => {
  it('holds at most one pruning horizon', () => {
    const db = databaseAt(22);
    migrate(db, 23);
    expect(getUserVersion(db)).toBe(23);
    db.prepare("INSERT INTO mention_retention (id, pruned_before) VALUES (1, '2026-06-01T12:00:00.000Z')").run();
    expect(() => db.prepare("INSERT INTO mention_retention (id, pruned_before) VALUES (2, '2026-07-01T12:00:00.000Z')").run()).toThrow(/CHECK/);
    db.close();
  });
});
