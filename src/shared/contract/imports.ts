// File import calls: upload in chunks, preview with detections, run with a column mapping, follow, cancel.
import { z } from 'zod';
import { call, event } from './define';
import { columnMappingSchema, delimiterSchema, importPreviewSchema, importProgressSchema, timeZoneSchema, unmatchedRowSchema } from '../domain/fileImport';
import { workspaceIdSchema } from '../domain/workspace';

const uploadIdSchema = z.uuid();
const runIdSchema = z.uuid();
/** One chunk stays far below the browser-mode request limit once base64-encoded. */
export const IMPORT_CHUNK_BYTES = 2 * 1024 * 1024;

const readChoices = {
  delimiter: delimiterSchema.optional(),
  headerLine: z.number().int().positive().optional(),
};

export const importCalls = {
  'imports:begin': call(
    z.object({ fileName: z.string().trim().min(1).max(255), sizeBytes: z.number().int().nonnegative() }),
    z.object({ uploadId: uploadIdSchema }),
  ),
  'imports:chunk': call(
    z.object({
      uploadId: uploadIdSchema,
      offset: z.number().int().nonnegative(),
      dataBase64: z.base64().max(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4),
    }),
    z.object({ received: z.number().int().nonnegative() }),
  ),
  'imports:preview': call(z.object({ uploadId: uploadIdSchema, ...readChoices }), importPreviewSchema),
  'imports:run': call(
    z.object({
      workspaceId: workspaceIdSchema,
      uploadId: uploadIdSchema,
      sourceId: z.number().int().positive(),
      mapping: columnMappingSchema,
      /** The zone zone-less dates are read in; this computer's when left out. */
      timeZone: timeZoneSchema.optional(),
      ...readChoices,
    }),
    importProgressSchema,
  ),
  'imports:cancel': call(z.object({ runId: runIdSchema }), importProgressSchema),
  'imports:status': call(z.object({ runId: runIdSchema }), importProgressSchema),
  /** Every row of a run that no watch took, in file order, a page after a line at a time (keyset paging). */
  'imports:unmatched': call(
    z.object({ runId: runIdSchema, afterLine: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(500).default(200) }),
    z.object({ rows: z.array(unmatchedRowSchema), nextAfterLine: z.number().int().positive().nullable() }),
  ),
} as const;

export const importEvents = {
  /** After each batch and once at the end (state done, cancelled or failed). */
  'imports:progress': event(importProgressSchema),
} as const;
