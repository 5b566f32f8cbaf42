// The last failure of a source kept as a catalogue key and its values (besides the English text), so the
// Sources screen words it in the reader's language.
import type { Migration } from './types';

export const migration0013: Migration = {
  version: 13,
  name: 'source_error_message',
  sql: `
    ALTER TABLE sources ADD COLUMN last_error_json TEXT CHECK (last_error_json IS NULL OR json_valid(last_error_json));
  `,
};
