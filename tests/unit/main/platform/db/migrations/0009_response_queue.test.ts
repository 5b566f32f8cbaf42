import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0009 response_queue', () => {
  it('adds one queue item per mention, closed only with a note, removed with its mention', () => {
    const db = databaseAt(8);
    const t = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO sources (id, kind, name, config_json, credentials_json, interval_seconds, created_at, updated_at) VALUES (1, 'rss', 'Feed', '{}', '{}', 600, ?, ?)").run(t, t);
    db.prepare("INSERT INTO mentions (id, source_id, source_kind, external_id, text, raw, published_at, fetched_at) VALUES (1, 1, 'rss', 'a', 'Pourquoi ?', '{}', ?, ?)").run(t, t);
    migrate(db, 9);
    expect(getUserVersion(db)).toBe(9);

    const flag = db.prepare("INSERT INTO response_items (mention_id, reason, flagged_by, state, flagged_at) VALUES (?, 'question', 'rules', 'open', ?)");
    flag.run(1, t);
    expect(() => flag.run(1, t)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => flag.run(99, t)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE response_items SET state = 'offline' WHERE mention_id = 1").run()).toThrow(/CHECK/);
    db.prepare("UPDATE response_items SET state = 'offline', note = 'Called back' WHERE mention_id = 1").run();
    db.prepare('DELETE FROM mentions WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM response_items').get()).toEqual({ n: 0 });
  });
});
