import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0014 outbox_error_message', () => {
  it('adds an optional JSON form of a publication’s last error, keeping queued items as they were', () => {
    const db = databaseAt(13);
    const t = '2026-01-01T00:00:00Z';
    db.prepare(
      `INSERT INTO statements (id, incident_id, kind, title, text_fr, text_en, channels_json, variants_json, content_hash, created_by, created_at, updated_at)
       VALUES ('s1', 'i1', 'holding', 'T', 'fr', 'en', '["mastodon"]', '{}', 'h', 'Léa', ?, ?)`,
    ).run(t, t);
    db.prepare(
      `INSERT INTO outbox (id, statement_id, channel, language, parts_json, content_hash, idempotency_key, state, next_attempt_at, last_error, queued_by, created_at, updated_at)
       VALUES ('o1', 's1', 'mastodon', 'fr', '["fr"]', 'h', 'k1', 'queued', ?, 'Mastodon answered HTTP 502', 'Camille', ?, ?)`,
    ).run(t, t, t);
    migrate(db, 14);
    expect(getUserVersion(db)).toBe(14);
    expect(db.prepare('SELECT last_error AS text, last_error_json AS json FROM outbox').get()).toEqual({ text: 'Mastodon answered HTTP 502', json: null });
    db.prepare('UPDATE outbox SET last_error_json = ? WHERE id = ?').run('{"key":"publishHttp","params":{"service":"Mastodon","status":502}}', 'o1');
    expect(() => db.prepare("UPDATE outbox SET last_error_json = '{' WHERE id = 'o1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
