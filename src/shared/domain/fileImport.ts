// File imports (monitoring-tool exports): what the wizard shows and sends, shared by main and renderer.
import { z } from 'zod';
import { wordingSchema } from './wording';

/** Large enough for a month of a busy brand's export; beyond it the user splits the export by date range. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The MentionInput fields a file column can feed. `publishedTime` joins a separate time column to the date;
 * `sentiment` is the agency's, stored beside our own tone; `accountType` feeds the author kind (journalist, media…).
 */
export const importFieldSchema = z.enum([
  'externalId',
  'url',
  'text',
  'title',
  'authorHandle',
  'authorName',
  'accountType',
  'verified',
  'audience',
  'publishedAt',
  'publishedTime',
  'language',
  'sourceName',
  'likes',
  'shares',
  'replies',
  'sentiment',
  'hashtags',
]);
export type ImportField = z.infer<typeof importFieldSchema>;
export const IMPORT_FIELDS = importFieldSchema.options;

/** Field → column header. Columns not named here are kept only in the stored raw row. */
export const columnMappingSchema = z.partialRecord(importFieldSchema, z.string().max(512));
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importFormatSchema = z.enum(['csv', 'xlsx', 'json', 'ndjson']);
export type ImportFormat = z.infer<typeof importFormatSchema>;

export const importPresetIdSchema = z.enum(['brandwatch', 'meltwater', 'talkwalker', 'visibrain', 'digimind', 'mention', 'generic']);
export type ImportPresetId = z.infer<typeof importPresetIdSchema>;

export const delimiterSchema = z.enum([',', ';', '\t', '|']);
export type Delimiter = z.infer<typeof delimiterSchema>;

/** An IANA zone name this runtime knows (e.g. `Europe/Zurich`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z.string().max(64).refine(isTimeZone, { message: 'Unknown time zone.', params: { wording: 'platform.validation.unknownTimeZone' } });

/** Why a row was left out; the UI words it (FR/EN) from the code. `badCount`: an audience no account can have. */
export const rowProblemCodeSchema = z.enum(['noText', 'noDate', 'badDate', 'badCount', 'invalid', 'duplicateInFile', 'rejected']);
export type RowProblemCode = z.infer<typeof rowProblemCodeSchema>;

export const rowProblemSchema = z.object({
  /** Line in the file (CSV/NDJSON), row number (XLSX) or item number (JSON array), 1-based. */
  line: z.number().int().positive(),
  code: rowProblemCodeSchema,
  /** The offending value or validator message, cut short. */
  detail: z.string().max(300).optional(),
  /** For a value the mention's rules refuse: the field at fault and the problem's catalogue key and values. */
  field: z.string().max(100).optional(),
  wording: wordingSchema.optional(),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

export const importPreviewSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  format: importFormatSchema,
  /** Character encoding found for text formats (e.g. `utf-8`, `windows-1252`, `utf-16le`). */
  encoding: z.string().optional(),
  delimiter: delimiterSchema.optional(),
  /** 1-based line of the header row (title lines above it are skipped). */
  headerLine: z.number().int().positive(),
  headers: z.array(z.string()),
  /** Columns whose dates are wall-clock times without a zone: they are read in the zone chosen for the import. */
  zoneLessColumns: z.array(z.string()),
  preset: importPresetIdSchema,
  mapping: columnMappingSchema,
  /** The first rows, cells in header order, for the preview table. */
  sample: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  rowCount: z.number().int().nonnegative(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importRunStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);

/** A row no watch took: its line in the file and the start of its text. */
export const unmatchedRowSchema = z.object({ line: z.number().int().positive(), excerpt: z.string().max(200) });

export const importProgressSchema = z.object({
  runId: z.string(),
  workspaceId: z.string(),
  fileName: z.string(),
  state: importRunStateSchema,
  total: z.number().int().nonnegative(),
  processed: z.number().int().nonnegative(),
  inserted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  /** Rows left out, counted; the first ones are listed in `problems`. */
  bad: z.number().int().nonnegative(),
  problems: z.array(rowProblemSchema),
  error: z.string().optional(),
  /** The error's catalogue key and values, for the screens to word it in their reader's language. */
  errorWording: wordingSchema.optional(),
  /** The zone zone-less dates were read in, and how many rows had such dates. */
  timeZone: z.string(),
  zoneLessRows: z.number().int().nonnegative(),
  /** Readable rows (new or already known) that each watch matched; a row can match several watches. */
  watchMatches: z.array(z.object({ watchId: z.number().int().positive(), rows: z.number().int().nonnegative() })),
  /** Readable rows that matched no watch, counted; the first ones are listed. */
  unmatched: z.number().int().nonnegative(),
  unmatchedRows: z.array(unmatchedRowSchema),
  /** First and last publication time of the readable rows, UTC. */
  period: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }).optional(),
  /** Rows that carry both the agency's sentiment and our tone, and how many of them agree. */
  sentiment: z.object({ compared: z.number().int().nonnegative(), agreed: z.number().int().nonnegative() }),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;
