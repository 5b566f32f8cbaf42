// The last failure of a queued publication kept as a catalogue key and its values (besides the English text),
// so the composer words it in the reader's language.
import type { Migration } from './types';

export const migration0014: Migration = {
  version: 14,
  name: 'outbox_error_message',
  sql: `
    ALTER TABLE outbox ADD COLUMN last_error_json TEXT CHECK (last_error_json IS NULL OR json_valid(last_error_json));
  `,
};
