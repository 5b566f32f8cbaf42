import { describe, expect, it } from 'vitest';
import { MENTIONS_IN_RANGE_SQL } from '../../../../../src/main/features/detection/detectionRepository';
import { listenDb } from '../../../../support/listenDb';

describe("detection reads a watch's mentions of a period", () => {
  it('by the watch links index over the period, in its order, never every link of the watch', () => {
    const { db } = listenDb();
    const detail = db
      .prepare(`EXPLAIN QUERY PLAN ${MENTIONS_IN_RANGE_SQL}`)
      .all(1, 'a', 'b', 10)
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(detail).toMatch(/SEARCH w USING COVERING INDEX mention_watches_stream \(watch_id=\? AND published_at>\? AND published_at<\?\)/);
    expect(detail).toMatch(/SEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN/);
  });
});
