import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0005 composer', () => {
  it('adds statements, append-only decisions with reasons, a unique outbox and the freeze register', () => {
    const db = databaseAt(4);
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('displayName', '\"Cellule\"', '2026-01-01T00:00:00Z')").run();
    migrate(db, 5);
    expect(getUserVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });

    const t = '2026-01-01T00:00:00Z';
    db.prepare(
      `INSERT INTO statements (id, incident_id, kind, title, text_fr, text_en, channels_json, variants_json, content_hash, created_by, created_at, updated_at)
       VALUES ('s1', 'i1', 'holding', 'T', 'fr', 'en', '["mastodon"]', '{}', 'h', 'Léa', ?, ?)`,
    ).run(t, t);
    expect(() =>
      db.prepare(
        `INSERT INTO statements (id, incident_id, kind, title, text_fr, text_en, channels_json, variants_json, content_hash, created_by, created_at, updated_at)
         VALUES ('s2', 'i1', 'tweet', 'T', '', '', '[]', '{}', 'h', 'Léa', ?, ?)`,
      ).run(t, t),
    ).toThrow(/CHECK/);

    const decide = db.prepare(
      `INSERT INTO statement_decisions (statement_id, decision, person, role, reason, content_hash, snapshot_json, decided_at)
       VALUES (?, ?, 'Bruno', 'legal', ?, 'h', '{}', ?)`,
    );
    decide.run('s1', 'approved', null, t);
    expect(() => decide.run('s1', 'rejected', '  ', t)).toThrow(/CHECK/);
    expect(() => decide.run('missing', 'approved', null, t)).toThrow(/FOREIGN KEY/);

    const queue = db.prepare(
      `INSERT INTO outbox (id, statement_id, channel, language, parts_json, content_hash, idempotency_key, state, next_attempt_at, queued_by, created_at, updated_at)
       VALUES (?, 's1', 'mastodon', 'fr', '["fr"]', 'h', ?, 'queued', ?, 'Camille', ?, ?)`,
    );
    queue.run('o1', 'k1', t, t, t);
    // The same approved content cannot be queued twice for the same channel and language.
    expect(() => queue.run('o2', 'k2', t, t, t)).toThrow(/UNIQUE/);

    db.prepare("INSERT INTO campaigns (id, name, channel, owner, created_at) VALUES ('c1', 'Black Friday', 'x', 'Marketing', ?)").run(t);
    expect(() => db.prepare("INSERT INTO campaign_freezes (campaign_id, action, person, reason, at) VALUES ('c1', 'freeze', 'Alice', '', ?)").run(t)).toThrow(/CHECK/);
  });
});
