// An alert's explanation now follows its episode while it is open; what it said when it opened is kept
// beside it for the record. Alerts stored before this only have the explanation of their opening (or of
// their last escalation), which becomes their opening record.
import type { Migration } from './types';

export const migration0021: Migration = {
  version: 21,
  name: 'alert_opening_explanation',
  sql: `
    ALTER TABLE alerts ADD COLUMN opening_explanation_json TEXT
      CHECK (opening_explanation_json IS NULL OR json_valid(opening_explanation_json));
    UPDATE alerts SET opening_explanation_json = explanation_json;
  `,
};
