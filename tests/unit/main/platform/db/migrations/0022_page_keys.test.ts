import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0022 page_keys', () => {
  it('copies each link’s publication time and each queued item’s audience, and pages them from their indexes', () => {
    const db = databaseAt(21);
    db.prepare("INSERT INTO watches (id, name, keywords_json, created_at, updated_at) VALUES (1, 'Banque Léman', '[]', 'x', 'x')").run();
    db.prepare("INSERT INTO sources (id, kind, name, interval_seconds, created_at, updated_at) VALUES (1, 'webhook', 'Flux', 600, 'x', 'x')").run();
    const mention = db.prepare(
      `INSERT INTO mentions (id, source_id, source_kind, external_id, text, raw, published_at, fetched_at, author_audience)
       VALUES (?, 1, 'webhook', ?, 'Banque Léman', '{}', ?, 'x', ?)`,
    );
    mention.run(1, 'a', '2026-03-03T10:00:00.000Z', 5000);
    mention.run(2, 'b', '2026-03-03T11:00:00.000Z', null);
    db.prepare('INSERT INTO mention_watches (watch_id, mention_id) VALUES (1, 1), (1, 2)').run();
    db.prepare("INSERT INTO response_items (mention_id, reason, flagged_by, state, flagged_at) VALUES (1, 'question', 'rules', 'open', 'x'), (2, 'question', 'rules', 'open', 'x')").run();
    migrate(db, 22);
    expect(getUserVersion(db)).toBe(22);
    expect(db.prepare('SELECT mention_id AS id, published_at AS at FROM mention_watches ORDER BY mention_id').all()).toEqual([
      { id: 1, at: '2026-03-03T10:00:00.000Z' },
      { id: 2, at: '2026-03-03T11:00:00.000Z' },
    ]);
    expect(db.prepare('SELECT mention_id AS id, audience FROM response_items ORDER BY mention_id').all()).toEqual([
      { id: 1, audience: 5000 },
      { id: 2, audience: -1 },
    ]);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT mention_id FROM mention_watches WHERE watch_id = 1 ORDER BY published_at DESC, mention_id DESC LIMIT 10')).toMatch(/mention_watches_stream/);
    expect(plan("SELECT mention_id FROM response_items WHERE state = 'open' ORDER BY audience DESC, flagged_at DESC, mention_id DESC LIMIT 10")).toMatch(
      /response_items_page/,
    );
    db.close();
  });
});
