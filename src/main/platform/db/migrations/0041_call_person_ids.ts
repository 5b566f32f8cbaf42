// A mobilisation's call names the person it reached by their plan id, so one human holding two roles is one
// person of the mobilisation: reached once, acknowledged once for both roles. Calls made before have no id and
// stay one person per role.
import type { Migration } from './types';

export const migration0041: Migration = {
  version: 41,
  name: 'call_person_ids',
  sql: `ALTER TABLE incident_mobilisation_calls ADD COLUMN person_id TEXT;`,
};
