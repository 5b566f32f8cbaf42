import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0024 crisis_log_origin', () => {
  it('keeps the crisis log as it was and records, per entry, the laptop, its chain place and a genuine flag', () => {
    const db = databaseAt(23);
    db.prepare(
      `INSERT INTO crisis_log (seq, id, record, incident_id, kind, occurred_at, entered_at, author, author_role, body, source,
         verification, pinned, ref_id, system_code, data_json, prev_hash, hash)
       VALUES (1, 'e1', 'entry', NULL, 'information', '2026-12-01T08:00:00.000Z', '2026-12-01T08:00:00.000Z', 'Léa', NULL, 'Site fermé',
         NULL, 'to_verify', 0, NULL, NULL, NULL, 'g', 'h')`,
    ).run();
    const before = db.prepare('SELECT * FROM crisis_log').all();
    migrate(db, 24);
    expect(getUserVersion(db)).toBe(24);
    expect(db.prepare('SELECT * FROM crisis_log').all()).toEqual(before);
    const origin = db.prepare(
      `INSERT INTO crisis_log_origin (entry_id, device_id, member_name, author_seq, prev, hlc, signature, genuine) VALUES (?, 'ab', 'Bob', 1, '', '1.0', 'sig', ?)`,
    );
    origin.run('e1', 1);
    expect(() => origin.run('e1', 1)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => origin.run('missing', 1)).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM crisis_log_origin");
    expect(() => origin.run('e1', 2)).toThrow(/CHECK/);
    db.close();
  });
});
