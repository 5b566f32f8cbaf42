import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0015 exercise_run_state', () => {
  it('holds one saved run per exercise workspace, as valid JSON', () => {
    const db = databaseAt(14);
    migrate(db, 15);
    expect(getUserVersion(db)).toBe(15);
    const save = db.prepare('INSERT INTO exercise_run_state (id, state_json, saved_at) VALUES (?, ?, ?)');
    save.run(1, '{"version":1}', '2026-11-21T08:00:00.000Z');
    expect(() => save.run(2, '{}', 'x')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE exercise_run_state SET state_json = 'nope'").run()).toThrow(/CHECK/);
    db.close();
  });
});
