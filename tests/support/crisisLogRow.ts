// A crisis_log row as stored, for tests that read or tamper with the table directly.
export interface CrisisLogRow {
  seq: number;
  id: string;
  record: string;
  incident_id: string | null;
  kind: string | null;
  occurred_at: string;
  entered_at: string;
  author: string;
  author_role: string | null;
  body: string;
  source: string | null;
  verification: string | null;
  pinned: number;
  ref_id: string | null;
  system_code: string | null;
  data_json: string | null;
  prev_hash: string;
  hash: string;
}
