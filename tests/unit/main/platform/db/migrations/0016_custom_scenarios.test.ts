import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0016 custom_scenarios', () => {
  it('keeps imported scenario scripts by id, as valid JSON', () => {
    const db = databaseAt(15);
    migrate(db, 16);
    expect(getUserVersion(db)).toBe(16);
    const put = db.prepare('INSERT INTO custom_scenarios (id, script_json, imported_at) VALUES (?, ?, ?)');
    put.run('cyber-ransom', '{"id":"cyber-ransom"}', '2026-11-22T08:00:00.000Z');
    expect(() => put.run('cyber-ransom', '{}', 'x')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('other', 'not json', 'x')).toThrow(/CHECK/);
    db.close();
  });
});
