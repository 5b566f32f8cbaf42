// The crisis log (main courante): typed, chained entries whose verification and pin are recorded as history.
import { z } from 'zod';

export const LOG_ENTRY_KINDS = ['information', 'decision', 'action', 'communication', 'handover', 'system'] as const;
export const logEntryKindSchema = z.enum(LOG_ENTRY_KINDS);
export type LogEntryKind = z.infer<typeof logEntryKindSchema>;

/** Kinds a person writes; `system` entries come only from the application itself. */
export const humanLogEntryKindSchema = logEntryKindSchema.exclude(['system']);

export const VERIFICATION_STATES = ['to_verify', 'being_verified', 'verified', 'released'] as const;
export const verificationStateSchema = z.enum(VERIFICATION_STATES);
export type VerificationState = z.infer<typeof verificationStateSchema>;

/**
 * Allowed moves: forward one step, or back to `to_verify` when a check fails. A released entry has
 * been communicated outside and stays released; a wrong one is corrected by a new entry.
 */
export const VERIFICATION_MOVES: Readonly<Record<VerificationState, readonly VerificationState[]>> = {
  to_verify: ['being_verified', 'verified'],
  being_verified: ['verified', 'to_verify'],
  verified: ['released', 'to_verify'],
  released: [],
};

export const logEntryIdSchema = z.uuid();
export type LogEntryId = z.infer<typeof logEntryIdSchema>;

/** Incidents are identified by a UUID; the log accepts entries about the workspace as a whole (null). */
export const incidentIdSchema = z.uuid();
export type IncidentId = z.infer<typeof incidentIdSchema>;

const personSchema = z.string().trim().min(1).max(120);
const roleSchema = z.string().trim().min(1).max(80);

export const newLogEntrySchema = z.object({
  incidentId: incidentIdSchema.nullable().default(null),
  kind: humanLogEntryKindSchema,
  /** When it happened; defaults to when it is entered. A scribe often writes minutes after the fact. */
  occurredAt: z.iso.datetime().optional(),
  author: personSchema,
  authorRole: roleSchema.nullable().default(null),
  body: z.string().trim().min(1).max(10_000),
  source: z.string().trim().max(500).nullable().default(null),
  verification: z.enum(['to_verify', 'verified']).default('to_verify'),
  pinned: z.boolean().default(false),
  /** The entry this one corrects: the corrected entry stays as it was, marked as corrected. */
  correctsId: logEntryIdSchema.nullable().default(null),
});
export type NewLogEntry = z.input<typeof newLogEntrySchema>;

/** Parameters of a system entry, kept so the UI can word it in the reader's language. */
export const systemDataSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type SystemData = z.infer<typeof systemDataSchema>;

export const logChangeSchema = z.object({
  kind: z.enum(['verification', 'pin']),
  at: z.iso.datetime(),
  author: z.string(),
  authorRole: z.string().nullable(),
  verification: verificationStateSchema.nullable(),
  pinned: z.boolean().nullable(),
});
export type LogChange = z.infer<typeof logChangeSchema>;

export const logEntrySchema = z.object({
  id: logEntryIdSchema,
  seq: z.number().int().positive(),
  incidentId: incidentIdSchema.nullable(),
  kind: logEntryKindSchema,
  occurredAt: z.iso.datetime(),
  enteredAt: z.iso.datetime(),
  author: z.string(),
  authorRole: z.string().nullable(),
  body: z.string(),
  source: z.string().nullable(),
  /** Current state, after every recorded transition. */
  verification: verificationStateSchema,
  pinned: z.boolean(),
  correctsId: logEntryIdSchema.nullable(),
  correctedById: logEntryIdSchema.nullable(),
  systemCode: z.string().nullable(),
  data: systemDataSchema.nullable(),
  history: z.array(logChangeSchema),
  hash: z.string(),
  /**
   * Where the entry comes from when the workspace is in a cell: the laptop that wrote it, its member's name, its
   * hybrid logical clock, and whether its signature by that laptop's device key holds. Null outside a cell.
   */
  origin: z
    .object({ deviceId: z.string(), memberName: z.string().nullable(), hlc: z.string(), genuine: z.boolean() })
    .nullable()
    .default(null),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const logFilterSchema = z.object({
  incidentId: incidentIdSchema.nullable().optional(),
  /** With an incident: also the workspace's own entries (alerts raised, level changes, sealed mode…). */
  includeWorkspace: z.boolean().optional(),
  kinds: z.array(logEntryKindSchema).max(LOG_ENTRY_KINDS.length).optional(),
  verification: z.array(verificationStateSchema).max(VERIFICATION_STATES.length).optional(),
  pinnedOnly: z.boolean().optional(),
  /** Free text, accent- and case-insensitive, every word must match (prefixes allowed). */
  text: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(2000).default(500),
  /** Keyset paging: only entries listed after this one (older by occurrence, then by sequence). */
  before: z.object({ occurredAt: z.iso.datetime(), seq: z.number().int().positive() }).optional(),
});
export type LogFilter = z.input<typeof logFilterSchema>;

/**
 * Why a crisis log does not verify, as stable codes the UI and the reports word (i18n `incidents.log.reason`).
 * - content_changed: a record's content no longer matches its link (rewritten in place);
 * - rechained: a record was changed and the links after it recomputed, which only the key could do right;
 * - chain_broken: a record does not link to the one before it;
 * - sequence_gap: records are missing before this one;
 * - reordered: a record links to one that now comes after it;
 * - truncated: the log ends before the head anchored outside the database;
 * - last_record_deleted: the log ends exactly one record before the anchored head;
 * - anchor_missing / anchor_invalid: the head file beside the key is gone or does not authenticate;
 * - anchor_mismatch: the anchored head is not a record of this log;
 * - author_chain_broken: a cell laptop's signed entries are missing one, or one does not name the one before.
 */
export const LOG_BREAK_REASONS = [
  'content_changed',
  'rechained',
  'chain_broken',
  'sequence_gap',
  'reordered',
  'truncated',
  'last_record_deleted',
  'anchor_missing',
  'anchor_invalid',
  'anchor_mismatch',
  'author_chain_broken',
] as const;
export type LogBreakReason = (typeof LOG_BREAK_REASONS)[number];

export const logIntegritySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  /** Link of the last record, equal to the anchored head: quoted in situation reports and the PDF report. */
  headHash: z.string().nullable(),
  firstBroken: z
    .object({
      /** The record concerned; for a cut tail, the first record missing. */
      seq: z.number().int(),
      /** Null when the record is missing (truncation) or the problem is the anchor itself. */
      id: z.string().nullable(),
      reason: z.enum(LOG_BREAK_REASONS),
    })
    .nullable(),
});
export type LogIntegrity = z.infer<typeof logIntegritySchema>;
