import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

const now = '2026-03-01T10:00:00.000Z';
const upsertMinute = `INSERT INTO mention_rollups (watch_id, minute, count, negative, neutral, positive, audience) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (watch_id, minute) DO UPDATE SET count = count + excluded.count, negative = negative + excluded.negative,
  neutral = neutral + excluded.neutral, positive = positive + excluded.positive, audience = audience + excluded.audience`;
const upsertPart = `INSERT INTO mention_rollup_parts (watch_id, minute, dimension, value, count) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (watch_id, minute, dimension, value) DO UPDATE SET count = count + excluded.count`;

describe('migration 0008 hourly rollups', () => {
  it('backfills hourly rollups from the minute ones and keeps them exact on insert, update and delete', () => {
    const db = databaseAt(7);
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (1, 'Banque Léman', ?, ?)").run(now, now);
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (2, 'Horlogerie', ?, ?)").run(now, now);
    // Hour 1000 = minutes 60000..60059.
    db.prepare(upsertMinute).run(1, 60_000, 3, 2, 1, 0, 500);
    db.prepare(upsertMinute).run(1, 60_059, 2, 0, 1, 1, 10);
    db.prepare(upsertMinute).run(1, 60_060, 4, 4, 0, 0, 0);
    db.prepare(upsertPart).run(1, 60_000, 'lang', 'fr', 3);
    db.prepare(upsertPart).run(1, 60_059, 'lang', 'fr', 1);
    db.prepare(upsertPart).run(1, 60_059, 'lang', 'en', 1);

    migrate(db, 8);
    expect(getUserVersion(db)).toBe(8);
    const hours = db.prepare('SELECT hour, count, negative, neutral, positive, audience FROM mention_rollups_hourly WHERE watch_id = ? ORDER BY hour');
    expect(hours.all(1)).toEqual([
      { hour: 1000, count: 5, negative: 2, neutral: 2, positive: 1, audience: 510 },
      { hour: 1001, count: 4, negative: 4, neutral: 0, positive: 0, audience: 0 },
    ]);
    const parts = db.prepare('SELECT hour, dimension, value, count FROM mention_rollup_parts_hourly WHERE watch_id = ? ORDER BY hour, value');
    expect(parts.all(1)).toEqual([
      { hour: 1000, dimension: 'lang', value: 'en', count: 1 },
      { hour: 1000, dimension: 'lang', value: 'fr', count: 4 },
    ]);

    // Ingest-style upserts after the migration: a new minute, an existing minute, another watch.
    db.prepare(upsertMinute).run(1, 60_030, 1, 0, 0, 1, 7);
    db.prepare(upsertMinute).run(1, 60_000, 2, 1, 1, 0, 100);
    db.prepare(upsertMinute).run(2, 60_000, 9, 0, 9, 0, 0);
    db.prepare(upsertPart).run(1, 60_000, 'lang', 'fr', 2);
    db.prepare(upsertPart).run(1, 60_030, 'source', 'rss', 1);
    expect(hours.all(1)).toEqual([
      { hour: 1000, count: 8, negative: 3, neutral: 3, positive: 2, audience: 617 },
      { hour: 1001, count: 4, negative: 4, neutral: 0, positive: 0, audience: 0 },
    ]);
    expect(hours.all(2)).toEqual([{ hour: 1000, count: 9, negative: 0, neutral: 9, positive: 0, audience: 0 }]);
    expect(parts.all(1)).toEqual([
      { hour: 1000, dimension: 'lang', value: 'en', count: 1 },
      { hour: 1000, dimension: 'lang', value: 'fr', count: 6 },
      { hour: 1000, dimension: 'source', value: 'rss', count: 1 },
    ]);

    // The hourly sums always equal a recount of the minute rows.
    const recount = db.prepare(
      'SELECT minute / 60 AS hour, sum(count) AS count, sum(negative) AS negative, sum(neutral) AS neutral, sum(positive) AS positive, sum(audience) AS audience FROM mention_rollups WHERE watch_id = ? GROUP BY minute / 60 ORDER BY hour',
    );
    expect(hours.all(1)).toEqual(recount.all(1));

    db.prepare('DELETE FROM mention_rollups WHERE watch_id = 1 AND minute = 60060').run();
    db.prepare("DELETE FROM mention_rollup_parts WHERE watch_id = 1 AND minute = 60059 AND value = 'en'").run();
    expect(hours.all(1)).toContainEqual({ hour: 1001, count: 0, negative: 0, neutral: 0, positive: 0, audience: 0 });
    expect(parts.all(1)).toContainEqual({ hour: 1000, dimension: 'lang', value: 'en', count: 0 });

    // Deleting a watch cascades through minute and hourly rows without tripping the subtracting triggers.
    db.prepare('DELETE FROM watches WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM mention_rollups_hourly WHERE watch_id = 1').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM mention_rollup_parts_hourly WHERE watch_id = 1').get()).toEqual({ n: 0 });
    expect(hours.all(2)).toHaveLength(1);
  });
});
