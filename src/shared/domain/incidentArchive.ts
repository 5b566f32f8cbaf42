// The portable incident archive: the incident's own rows from each table, the whole crisis log chain (it is
// chained across the workspace, so every record is needed to verify it), and the aggregated series the
// report's charts read. Rows are kept as stored so an import reproduces the incident exactly.
import { z } from 'zod';
import { workspaceKindSchema } from './workspace';

export const ARCHIVE_FORMAT = 'tocsin-incident-archive';
export const ARCHIVE_VERSION = 1;

const sqlValueSchema = z.union([z.string(), z.number(), z.null()]);
/** One stored row: column name → value (text, number or null), exactly as in the database. */
export const archiveRowSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/), sqlValueSchema);
const rows = (description: string) => z.array(archiveRowSchema).max(5_000_000).describe(description);

/** Tables in the order an import inserts them (parents before children). */
export const ARCHIVE_TABLES = [
  'incidents',
  'incident_roles',
  'incident_role_holders',
  'incident_mobilisations',
  'incident_mobilisation_calls',
  'incident_checklist_items',
  'incident_situation_reports',
  'statements',
  'statement_decisions',
  'outbox',
  'crisis_log',
  'watches',
  'alerts',
  'mention_rollups',
  'watch_term_hours',
  'lessons_learned',
] as const;
export type ArchiveTable = (typeof ARCHIVE_TABLES)[number];

export const incidentArchiveSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(ARCHIVE_VERSION),
    exportedAt: z.iso.datetime(),
    incidentId: z.uuid(),
    workspace: z.object({ kind: workspaceKindSchema, displayName: z.string().max(120), organisation: z.string().max(120) }),
    /** Head hash of the crisis log chain at export; the import verifies the chain and compares. */
    logHeadHash: z.string().nullable(),
    /** The period the report covers (lead-in before the incident opened → close or export). */
    window: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
    tables: z.object({
      incidents: rows('The incident (one row).'),
      incident_roles: rows('Roster roles of the incident.'),
      incident_role_holders: rows('Who held each role, with handovers.'),
      incident_mobilisations: rows('Mobilisations of the cell.'),
      incident_mobilisation_calls: rows('Each role alerted, with acknowledgement time.'),
      incident_checklist_items: rows('Checklist items from the playbooks, with who/when.'),
      incident_situation_reports: rows('Situation reports with the log head hash they quoted.'),
      statements: rows('Statements with their FR/EN text.'),
      statement_decisions: rows('Approvals and rejections bound to the content hash.'),
      outbox: rows('Publications per channel and language.'),
      crisis_log: rows('Every record of the workspace crisis log chain, in sequence order.'),
      watches: rows('Watches the alerts and series refer to.'),
      alerts: rows('Alerts of the period with their stored explanation (why-card).'),
      mention_rollups: rows('Per-watch per-minute mention counts and tone of the period.'),
      watch_term_hours: rows('Per-watch per-hour term counts of the period.'),
      lessons_learned: rows('Lessons-learned (RETEX) answers of the workspace.'),
    }),
  })
  .describe('Tocsin incident archive, version 1');
export type IncidentArchive = z.infer<typeof incidentArchiveSchema>;
