// The incident report's appendix lists the period's mentions from the largest audiences. Without an index that
// is a sort of every mention of the period (6 s for 1M); a partial index on large audiences only keeps the
// ingest cost to the few mentions from big accounts and lets the query stop after the first rows.
import type { Migration } from './types';

export const migration0011: Migration = {
  version: 11,
  name: 'mention_audience_index',
  sql: `
    CREATE INDEX mentions_large_audience ON mentions (author_audience) WHERE author_audience >= 10000;
  `,
};
