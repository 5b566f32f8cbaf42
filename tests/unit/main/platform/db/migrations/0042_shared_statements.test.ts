import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0042 shared_statements', () => {
  it('keeps earlier decisions as genuine, gives each shared decision one row, and one document per statement', () => {
    const db = databaseAt(41);
    db.prepare(
      `INSERT INTO statements (id, incident_id, kind, title, text_fr, text_en, channels_json, variants_json, content_hash, created_by, created_at, updated_at)
       VALUES ('s1', 'i1', 'holding', 'T', 'fr', '', '[]', '{}', 'h', 'A', 'x', 'x')`,
    ).run();
    db.prepare("INSERT INTO statement_decisions (statement_id, decision, person, role, content_hash, snapshot_json, decided_at) VALUES ('s1', 'approved', 'Bob', 'legal', 'h', '{}', 'x')").run();
    migrate(db, 42);
    expect(getUserVersion(db)).toBe(42);
    expect(db.prepare('SELECT decision_id AS id, device_id AS device, genuine FROM statement_decisions').get()).toEqual({ id: null, device: null, genuine: 1 });
    const decide = db.prepare(
      "INSERT INTO statement_decisions (statement_id, decision, person, role, content_hash, snapshot_json, decided_at, decision_id, genuine) VALUES ('s1', 'approved', 'Bob', 'legal', 'h', '{}', 'x', ?, ?)",
    );
    decide.run('d1', 0);
    expect(() => decide.run('d1', 1)).toThrow(/UNIQUE/);
    expect(() => decide.run('d2', 2)).toThrow(/CHECK/);
    db.prepare("INSERT INTO shared_statements (statement_id, document) VALUES ('s1', 'automerge:x')").run();
    expect(() => db.prepare("INSERT INTO shared_statements (statement_id, document) VALUES ('s2', 'automerge:y')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO shared_statements (statement_id, document) VALUES ('s1', 'automerge:z')").run()).toThrow(/UNIQUE|PRIMARY/);
  });
});
