// The "by source" split counted mentions per source kind (rss, mastodon…), so two RSS feeds read as one "RSS" line
// and the user's own source names never showed. Parts are now keyed by source id; the stored ones are recounted
// from the mentions (the hourly table follows through its triggers; rows that fall to zero are dropped).
import type { Migration } from './types';

export const migration0029: Migration = {
  version: 29,
  name: 'rollup_parts_by_source',
  sql: `
    DELETE FROM mention_rollup_parts WHERE dimension = 'source';
    INSERT INTO mention_rollup_parts (watch_id, minute, dimension, value, count)
      SELECT w.watch_id, CAST(strftime('%s', m.published_at) AS INTEGER) / 60 AS minute, 'source', CAST(m.source_id AS TEXT) AS value,
             count(*)
      FROM mention_watches w JOIN mentions m ON m.id = w.mention_id
      GROUP BY w.watch_id, minute, value;
    DELETE FROM mention_rollup_parts_hourly WHERE dimension = 'source' AND count = 0;
  `,
};
