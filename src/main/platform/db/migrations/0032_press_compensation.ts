// The press desk (journalists' inquiries with their deadline and the answer given) and the compensation register
// (customer cases, the gesture proposed and the approvals it needs). The customer name lives only in
// compensation_cases.customer, so exports can leave it out in one place.
import type { Migration } from './types';

export const migration0032: Migration = {
  version: 32,
  name: 'press_compensation',
  sql: `
    CREATE TABLE press_inquiries (
      id INTEGER PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      outlet TEXT NOT NULL,
      person TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'social', 'inPerson', 'other')),
      question TEXT NOT NULL,
      deadline TEXT NOT NULL,
      contact_id TEXT,
      mention_id INTEGER,
      spokesperson_role TEXT,
      spokesperson_person TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'declined')),
      answer TEXT NOT NULL DEFAULT '',
      statement_id TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      closed_at TEXT,
      closed_by TEXT
    ) STRICT;
    CREATE INDEX press_inquiries_incident ON press_inquiries (incident_id, deadline);
    CREATE TABLE compensation_cases (
      id INTEGER PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      customer TEXT NOT NULL,
      what_happened TEXT NOT NULL,
      reference TEXT NOT NULL DEFAULT '',
      mention_id INTEGER,
      gesture TEXT NOT NULL,
      amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
      currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
      status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'done')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      done_at TEXT,
      done_by TEXT
    ) STRICT;
    CREATE INDEX compensation_cases_incident ON compensation_cases (incident_id, id);
    CREATE TABLE compensation_decisions (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES compensation_cases(id),
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
      person TEXT NOT NULL,
      role TEXT NOT NULL,
      reason TEXT,
      decided_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX compensation_decisions_case ON compensation_decisions (case_id, id);
  `,
};
