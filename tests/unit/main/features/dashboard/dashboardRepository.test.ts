import { describe, expect, it } from 'vitest';
import { DASHBOARD_SQL } from '../../../../../src/main/features/dashboard/dashboardRepository';
import { ROLLUP_SQL } from '../../../../../src/main/features/mentions/rollups/rollupRepository';
import { listenDb } from '../../../../support/listenDb';

const plan = (sql: string, params: unknown[]) => {
  const { db } = listenDb();
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => (r as { detail: string }).detail)
    .join('\n');
};

/** What the dashboard runs: its own statements and the rollup reads it makes through the rollups module. */
const SQL = { ...ROLLUP_SQL, ...DASHBOARD_SQL };

describe('dashboard queries use their indexes', () => {
  it.each([
    ['minuteVolume', [0, 15, 1, 0, 100], /SEARCH mention_rollups USING PRIMARY KEY \(watch_id=\? AND minute>\? AND minute<\?\)/],
    ['hourVolume', [1, 6, 1, 0, 100], /SEARCH mention_rollups_hourly USING PRIMARY KEY \(watch_id=\? AND hour>\? AND hour<\?\)/],
    ['minuteParts', [1, 0, 100], /SEARCH mention_rollup_parts USING PRIMARY KEY \(watch_id=\? AND minute>\? AND minute<\?\)/],
    ['hourParts', [1, 0, 100], /SEARCH mention_rollup_parts_hourly USING PRIMARY KEY \(watch_id=\? AND hour>\? AND hour<\?\)/],
    ['firstMinute', [1], /SEARCH mention_rollups USING PRIMARY KEY \(watch_id=\?\)/],
    ['terms', [1, 0, 100, 10], /SEARCH watch_term_hours USING PRIMARY KEY \(watch_id=\? AND hour>\? AND hour<\?\)/],
    ['authors', [1, 'a', 'b', 10, 10], /SEARCH w USING COVERING INDEX mention_watches_stream \(watch_id=\? AND published_at>\? AND published_at<\?\)/],
    ['texts', [1, 'a', 'b', 10], /SEARCH w USING COVERING INDEX mention_watches_stream \(watch_id=\? AND published_at>\? AND published_at<\?\)/],
    ['alerts', [1, 'b', 'a'], /SEARCH alerts USING INDEX alerts_watch_opened \(watch_id=\? AND opened_at<\?\)/],
  ] as const)('%s', (name, params, expected) => {
    const detail = plan(SQL[name], [...params]);
    expect(detail).toMatch(expected);
    expect(detail).not.toMatch(/SCAN (mention_rollups|mention_rollup_parts|mentions|m|alerts|watch_term_hours)\b/);
  });

  it.each(['authors', 'texts'] as const)('%s reads the watch newest first by its index, never sorting nor walking every mention of the range', (name) => {
    // The authors' grouping sorts the capped rows the walk returned, after it (below SCAN (subquery-1)).
    const detail = plan(DASHBOARD_SQL[name], name === 'authors' ? [1, 'a', 'b', 10, 10] : [1, 'a', 'b', 10]).split('SCAN (subquery-1)')[0]!;
    expect(detail).toMatch(/SEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).not.toMatch(/mentions_published|TEMP B-TREE FOR ORDER BY/);
  });
});
