// The portable incident archive: the incident's own rows from each table, the whole crisis log chain (it is
// chained across the workspace, so every record is needed to verify it), and the aggregated series the
// report's charts read. Rows are kept as stored so an import reproduces the incident exactly. The file is
// signed with the exporting workspace's device key (Ed25519): the signature covers the JSON of every other
// field, in the file's order, as JSON.stringify writes it.
import { z } from 'zod';
import { workspaceKindSchema } from './workspace';

export const ARCHIVE_FORMAT = 'tocsin-incident-archive';
/** Version 2 is signed; version 1 (unsigned) is refused, since nothing tells it apart from a forgery. */
export const ARCHIVE_VERSION = 2;

/**
 * Why an archive is refused, as stable codes the UI words (i18n `reports.archiveProblem`):
 * - unsigned: no signature (an archive from before signing, or one stripped of it);
 * - signature_invalid: the content is not what the key it names signed;
 * - signer_mismatch: signed, but not by the laptop whose fingerprint the person expects;
 * - log_broken: the log's records do not link into one chain;
 * - head_mismatch: the chain does not end at the head the archive declares.
 */
export const ARCHIVE_PROBLEMS = ['unsigned', 'signature_invalid', 'signer_mismatch', 'log_broken', 'head_mismatch'] as const;
export type ArchiveProblem = (typeof ARCHIVE_PROBLEMS)[number];

export const archiveSignerSchema = z.object({
  algorithm: z.literal('ed25519'),
  /** Raw 32-byte public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  /** SHA-256 of the public key (first 16 bytes, hex in groups of four), to compare with the exporting laptop's. */
  fingerprint: z.string().regex(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/),
});
export type ArchiveSigner = z.infer<typeof archiveSignerSchema>;

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
  'regulatory_clocks',
  'regulatory_steps',
  'regulatory_reminders',
  'statements',
  'statement_decisions',
  'outbox',
  'crisis_log',
  'watches',
  'incident_watches',
  'alerts',
  'mention_rollups',
  'watch_term_hours',
  'lessons_learned',
  'press_inquiries',
  'compensation_cases',
  'compensation_decisions',
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
    signer: archiveSignerSchema,
    /** The incident's period: from its first signal to its closing (or the export while open). */
    window: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
    tables: z.object({
      incidents: rows('The incident (one row).'),
      incident_roles: rows('Roster roles of the incident.'),
      incident_role_holders: rows('Who held each role, with handovers.'),
      incident_mobilisations: rows('Mobilisations of the cell.'),
      incident_mobilisation_calls: rows('Each role alerted, with acknowledgement time.'),
      incident_checklist_items: rows('Checklist items from the playbooks, with who/when.'),
      incident_situation_reports: rows('Situation reports with the log head hash they quoted.'),
      regulatory_clocks: rows('Obligations the incident was classified under, as worded then, with who classified and the awareness time.').default([]),
      regulatory_steps: rows('Each notification step of a clock: its deadline (UTC), and what was sent, when and by whom.').default([]),
      regulatory_reminders: rows('Reminders given at fractions of each deadline.').default([]),
      statements: rows('Statements with their FR/EN text.'),
      statement_decisions: rows('Approvals and rejections bound to the content hash.'),
      outbox: rows('Publications per channel and language.'),
      crisis_log: rows('Every record of the workspace crisis log chain, in sequence order.'),
      watches: rows('The watches the incident is about.'),
      incident_watches: rows('Which watches the incident is about (archives made before scopes have none).').default([]),
      alerts: rows('Alerts of the period with their stored explanation (why-card).'),
      mention_rollups: rows('Per-watch per-minute mention counts and tone of the period.'),
      watch_term_hours: rows('Per-watch per-hour term counts of the period.'),
      lessons_learned: rows('Lessons-learned (RETEX) answers of the workspace.'),
      press_inquiries: rows('Journalists’ inquiries with their deadline and answer.').default([]),
      compensation_cases: rows('Customer compensation cases; `customer`, `what_happened` and `reference` are empty and `mention_id` null unless the export included personal data.').default([]),
      compensation_decisions: rows('Approvals and rejections of each compensation case.').default([]),
    }),
    /** Whether what identifies the customers of the compensation register was kept (archives made before it have none). */
    personalData: z.boolean().default(false),
    /** Ed25519 signature (base64) by `signer` of JSON.stringify of this object without `signature`. */
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .describe('Tocsin incident archive, version 2 (signed)');
export type IncidentArchive = z.infer<typeof incidentArchiveSchema>;
