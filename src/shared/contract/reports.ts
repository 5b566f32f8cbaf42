// Report calls: the PDF report and the other exports (incident archive, mentions CSV/XLSX, crisis log CSV) run as
// jobs followed through reports:exportStatus and reports:exportProgress; the on-screen reaction analysis of each
// published statement; the import of an incident archive.
import { z } from 'zod';
import { call, event } from './define';
import { incidentIdSchema } from '../domain/crisisLog';
import { exportJobSchema, exportKindSchema, jobIdSchema, statementReactionSchema } from '../domain/report';
import { languageSchema, workspaceIdSchema } from '../domain/workspace';

/** An IANA time zone name this runtime knows (e.g. Europe/Zurich). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, { message: 'Unknown time zone', params: { wording: 'platform.validation.unknownTimeZone' } });

const inIncident = z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema });

export const reportCalls = {
  /**
   * Starts the PDF report in the background; the language defaults to the workspace's report language. Times are
   * printed in `timeZone` (the IANA zone of the person generating it, sent by their screen), else the zone of the
   * machine running the core; the cover names the zone used.
   */
  'reports:generate': call(inIncident.extend({ language: languageSchema.optional(), timeZone: timeZoneSchema.optional() }), exportJobSchema),
  'reports:reactions': call(inIncident, z.array(statementReactionSchema)),
} as const;

/** Archives above this are refused before parsing (the browser-mode request limit is of the same order). */
export const ARCHIVE_MAX_CHARS = 200 * 1024 * 1024;

export const exportCalls = {
  /**
   * Customer names of the compensation register stay out of the archive and the compensation CSV unless
   * `includePersonalData` is set.
   */
  'reports:startExport': call(
    z.object({
      workspaceId: workspaceIdSchema,
      incidentId: incidentIdSchema,
      kind: exportKindSchema.exclude(['report']),
      includePersonalData: z.boolean().default(false),
    }),
    exportJobSchema,
  ),
  'reports:exportStatus': call(z.object({ jobId: jobIdSchema }), exportJobSchema),
  'reports:cancelExport': call(z.object({ jobId: jobIdSchema }), exportJobSchema),
  /** The finished file; it stays available until the job is forgotten (a newer job or a restart). */
  'reports:downloadExport': call(
    z.object({ jobId: jobIdSchema }),
    z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  ),
  /**
   * Imports a signed archive into a workspace that holds no incident or log yet (a fresh data folder). With
   * `expectedFingerprint`, an archive signed by any other device key is refused. A refused archive fails with
   * CONFLICT and one issue at path `archive` whose message is the ArchiveProblem code.
   */
  'reports:importArchive': call(
    z.object({ workspaceId: workspaceIdSchema, content: z.string().max(ARCHIVE_MAX_CHARS), expectedFingerprint: z.string().max(80).optional() }),
    z.object({
      incidentId: incidentIdSchema,
      logRecords: z.number().int().nonnegative(),
      headHash: z.string().nullable(),
      /** The fingerprint of the device key that signed it, to compare with the exporting laptop's. */
      signer: z.object({ fingerprint: z.string() }),
    }),
  ),
} as const;

export const exportEvents = {
  /** Pushed as a job advances (at most every 100 ms) and once when it ends. */
  'reports:exportProgress': event(exportJobSchema),
} as const;
