import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0003 crisis_log', () => {
  it('adds an append-only, searchable crisis log and keeps earlier data', () => {
    const db = databaseAt(2);
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('displayName', '\"Cellule\"', '2026-01-01T00:00:00Z')").run();
    migrate(db, 3);
    expect(getUserVersion(db)).toBe(3);
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });

    const insert = db.prepare(
      `INSERT INTO crisis_log (seq, id, record, incident_id, kind, occurred_at, entered_at, author, body, verification, ref_id, prev_hash, hash)
       VALUES (?, ?, ?, NULL, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Léa', ?, 'to_verify', ?, 'p', ?)`,
    );
    insert.run(1, 'e1', 'entry', 'information', 'Appel du journaliste de la Tribune de Genève', null, 'h1');
    expect(db.prepare("SELECT rowid FROM crisis_log_fts WHERE crisis_log_fts MATCH 'geneve'").all()).toEqual([{ rowid: 1 }]);
    // A verification record has no kind of its own; an entry must have one.
    insert.run(2, 'v1', 'verification', null, '', 'e1', 'h2');
    expect(() => insert.run(3, 'e2', 'entry', null, 'x', null, 'h3')).toThrow(/CHECK/);
    expect(() => insert.run(3, 'e3', 'entry', 'rumour', 'x', null, 'h3')).toThrow(/CHECK/);
    expect(() => insert.run(3, 'v2', 'verification', null, '', 'missing', 'h3')).toThrow(/FOREIGN KEY/);

    expect(() => db.prepare("UPDATE crisis_log SET body = 'rewritten' WHERE id = 'e1'").run()).toThrow(/never edited/);
    expect(() => db.prepare("DELETE FROM crisis_log WHERE id = 'v1'").run()).toThrow(/never deleted/);
  });
});
