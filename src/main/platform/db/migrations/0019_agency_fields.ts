// What a monitoring agency's export says about a mention beyond its text: its own sentiment (kept beside our tone,
// never in its place, so the two can be compared), whether the author is verified, and the post's hashtags.
import type { Migration } from './types';

export const migration0019: Migration = {
  version: 19,
  name: 'agency_fields',
  sql: `
    ALTER TABLE mentions ADD COLUMN agency_tone TEXT CHECK (agency_tone IS NULL OR agency_tone IN ('negative', 'neutral', 'positive'));
    ALTER TABLE mentions ADD COLUMN author_verified INTEGER CHECK (author_verified IS NULL OR author_verified IN (0, 1));
    ALTER TABLE mentions ADD COLUMN hashtags TEXT CHECK (hashtags IS NULL OR (json_valid(hashtags) AND json_type(hashtags) = 'array'));
  `,
};
