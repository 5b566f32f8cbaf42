// Hourly rollups derived from the per-minute ones, so dashboard ranges of days read hundreds of rows, not tens of
// thousands. Triggers on the minute tables keep them exact inside the ingest transaction without touching the hot
// path: ingest writes one rollup delta per watch and minute per batch, so a trigger costs one upsert per delta.
import type { Migration } from './types';

export const migration0008: Migration = {
  version: 8,
  name: 'hourly_rollups',
  sql: `
    CREATE TABLE mention_rollups_hourly (
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      hour INTEGER NOT NULL,
      count INTEGER NOT NULL DEFAULT 0,
      negative INTEGER NOT NULL DEFAULT 0,
      neutral INTEGER NOT NULL DEFAULT 0,
      positive INTEGER NOT NULL DEFAULT 0,
      audience INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (watch_id, hour)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE mention_rollup_parts_hourly (
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      hour INTEGER NOT NULL,
      dimension TEXT NOT NULL,
      value TEXT NOT NULL,
      count INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (watch_id, hour, dimension, value)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO mention_rollups_hourly (watch_id, hour, count, negative, neutral, positive, audience)
      SELECT watch_id, minute / 60, sum(count), sum(negative), sum(neutral), sum(positive), sum(audience)
      FROM mention_rollups GROUP BY watch_id, minute / 60;
    INSERT INTO mention_rollup_parts_hourly (watch_id, hour, dimension, value, count)
      SELECT watch_id, minute / 60, dimension, value, sum(count)
      FROM mention_rollup_parts GROUP BY watch_id, minute / 60, dimension, value;

    CREATE TRIGGER mention_rollups_hourly_insert AFTER INSERT ON mention_rollups BEGIN
      INSERT INTO mention_rollups_hourly (watch_id, hour, count, negative, neutral, positive, audience)
        VALUES (NEW.watch_id, NEW.minute / 60, NEW.count, NEW.negative, NEW.neutral, NEW.positive, NEW.audience)
        ON CONFLICT (watch_id, hour) DO UPDATE SET count = count + excluded.count, negative = negative + excluded.negative,
          neutral = neutral + excluded.neutral, positive = positive + excluded.positive, audience = audience + excluded.audience;
    END;
    CREATE TRIGGER mention_rollups_hourly_update AFTER UPDATE ON mention_rollups BEGIN
      UPDATE mention_rollups_hourly SET count = count - OLD.count, negative = negative - OLD.negative,
          neutral = neutral - OLD.neutral, positive = positive - OLD.positive, audience = audience - OLD.audience
        WHERE watch_id = OLD.watch_id AND hour = OLD.minute / 60;
      INSERT INTO mention_rollups_hourly (watch_id, hour, count, negative, neutral, positive, audience)
        VALUES (NEW.watch_id, NEW.minute / 60, NEW.count, NEW.negative, NEW.neutral, NEW.positive, NEW.audience)
        ON CONFLICT (watch_id, hour) DO UPDATE SET count = count + excluded.count, negative = negative + excluded.negative,
          neutral = neutral + excluded.neutral, positive = positive + excluded.positive, audience = audience + excluded.audience;
    END;
    -- Only subtracts: when a watch is deleted its hourly rows are already gone with it.
    CREATE TRIGGER mention_rollups_hourly_delete AFTER DELETE ON mention_rollups BEGIN
      UPDATE mention_rollups_hourly SET count = count - OLD.count, negative = negative - OLD.negative,
          neutral = neutral - OLD.neutral, positive = positive - OLD.positive, audience = audience - OLD.audience
        WHERE watch_id = OLD.watch_id AND hour = OLD.minute / 60;
    END;

    CREATE TRIGGER mention_rollup_parts_hourly_insert AFTER INSERT ON mention_rollup_parts BEGIN
      INSERT INTO mention_rollup_parts_hourly (watch_id, hour, dimension, value, count)
        VALUES (NEW.watch_id, NEW.minute / 60, NEW.dimension, NEW.value, NEW.count)
        ON CONFLICT (watch_id, hour, dimension, value) DO UPDATE SET count = count + excluded.count;
    END;
    CREATE TRIGGER mention_rollup_parts_hourly_update AFTER UPDATE ON mention_rollup_parts BEGIN
      UPDATE mention_rollup_parts_hourly SET count = count - OLD.count
        WHERE watch_id = OLD.watch_id AND hour = OLD.minute / 60 AND dimension = OLD.dimension AND value = OLD.value;
      INSERT INTO mention_rollup_parts_hourly (watch_id, hour, dimension, value, count)
        VALUES (NEW.watch_id, NEW.minute / 60, NEW.dimension, NEW.value, NEW.count)
        ON CONFLICT (watch_id, hour, dimension, value) DO UPDATE SET count = count + excluded.count;
    END;
    CREATE TRIGGER mention_rollup_parts_hourly_delete AFTER DELETE ON mention_rollup_parts BEGIN
      UPDATE mention_rollup_parts_hourly SET count = count - OLD.count
        WHERE watch_id = OLD.watch_id AND hour = OLD.minute / 60 AND dimension = OLD.dimension AND value = OLD.value;
    END;
  `,
};
