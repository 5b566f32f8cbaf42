// Acknowledgements that came from the members' own laptops through the cell, genuine or not, each kept once: the
// deliveries screen shows who acknowledged from their laptop, and which claimed acknowledgement was refused.
import type { Migration } from './types';

export const migration0030: Migration = {
  version: 30,
  name: 'notify_laptop_acknowledgements',
  sql: `
    CREATE TABLE notify_laptop_acknowledgements (
      mobilisation_id TEXT NOT NULL REFERENCES notify_mobilisations(mobilisation_id),
      role_id TEXT NOT NULL,
      device_id TEXT NOT NULL,
      signature TEXT NOT NULL,
      incident_id TEXT NOT NULL,
      person_name TEXT NOT NULL,
      member_name TEXT,
      acknowledged_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      genuine INTEGER NOT NULL CHECK (genuine IN (0, 1)),
      PRIMARY KEY (mobilisation_id, role_id, device_id, signature)
    ) STRICT;
    CREATE INDEX notify_laptop_acknowledgements_incident ON notify_laptop_acknowledgements (incident_id, received_at);
  `,
};
