import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0040 response_employee_reason', () => {
  it('keeps every queue item as it was and takes staff posts under the employee reason', () => {
    const db = databaseAt(39);
    const t = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO sources (id, kind, name, config_json, credentials_json, interval_seconds, created_at, updated_at) VALUES (1, 'rss', 'Feed', '{}', '{}', 600, ?, ?)").run(t, t);
    const mention = db.prepare("INSERT INTO mentions (id, source_id, source_kind, external_id, text, raw, published_at, fetched_at) VALUES (?, 1, 'rss', ?, 'Pourquoi ?', '{}', ?, ?)");
    for (const id of [1, 2, 3]) mention.run(id, `m${id}`, t, t);
    db.prepare(
      "INSERT INTO response_items (mention_id, reason, flagged_by, assigned_role, state, note, handled_by, handled_at, flagged_at, audience) VALUES (1, 'complaint', 'Léa', 'legal', 'offline', 'Rappelé', 'Léa', ?, ?, 420)",
    ).run(t, t);
    expect(() => db.prepare("INSERT INTO response_items (mention_id, reason, flagged_by, state, flagged_at) VALUES (2, 'employee', 'rules', 'open', ?)").run(t)).toThrow(/CHECK/);
    migrate(db, 40);
    expect(getUserVersion(db)).toBe(40);

    expect(db.prepare('SELECT mention_id AS id, reason, flagged_by AS by, assigned_role AS role, state, note, audience FROM response_items').all()).toEqual([
      { id: 1, reason: 'complaint', by: 'Léa', role: 'legal', state: 'offline', note: 'Rappelé', audience: 420 },
    ]);
    db.prepare("INSERT INTO response_items (mention_id, reason, flagged_by, assigned_role, state, flagged_at) VALUES (2, 'employee', 'rules', 'hrInternalComms', 'open', ?)").run(t);
    expect(() => db.prepare("INSERT INTO response_items (mention_id, reason, flagged_by, state, flagged_at) VALUES (3, 'gossip', 'rules', 'open', ?)").run(t)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE response_items SET state = 'dismissed' WHERE mention_id = 2").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM mentions WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) AS n FROM response_items').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'response_items' AND sql IS NOT NULL ORDER BY name").all()).toEqual([
      { name: 'response_items_page' },
      { name: 'response_items_state' },
      { name: 'response_items_statement' },
    ]);
    db.close();
  });
});
