// What the Learn step produces: reaction to each published statement, and report/export jobs with progress.
import { z } from 'zod';
import { wordingSchema } from './wording';

export const termCountSchema = z.object({ term: z.string(), count: z.number().int().nonnegative() });

export const reactionWindowSchema = z.object({
  /** The window's ends: the hours asked for, cut at the incident's period. */
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  mentions: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  /** Mentions with a tone (negative + neutral + positive): the denominator of the negative share. */
  toned: z.number().int().nonnegative(),
  /** Null when no mention in the window had a tone. */
  negativeShare: z.number().min(0).max(1).nullable(),
  topTerms: z.array(termCountSchema).max(10),
});
export type ReactionWindow = z.infer<typeof reactionWindowSchema>;

export const statementReactionSchema = z.object({
  statementId: z.string(),
  title: z.string(),
  kind: z.string(),
  /** First confirmed publication on any channel. */
  publishedAt: z.iso.datetime(),
  channels: z.array(z.string()),
  windowHours: z.number().int().positive(),
  watches: z.array(
    z.object({
      watchId: z.number().int().positive(),
      watchName: z.string(),
      before: reactionWindowSchema,
      after: reactionWindowSchema,
    }),
  ),
});
export type StatementReaction = z.infer<typeof statementReactionSchema>;

export const REACTION_WINDOW_HOURS = 6;

export const EXPORT_KINDS = ['report', 'archive', 'mentionsCsv', 'mentionsXlsx', 'logCsv', 'compensationCsv'] as const;
export const exportKindSchema = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof exportKindSchema>;

export const jobIdSchema = z.uuid();

export const exportJobSchema = z.object({
  jobId: jobIdSchema,
  workspaceId: z.string(),
  incidentId: z.string(),
  kind: exportKindSchema,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0..1 */
  progress: z.number().min(0).max(1),
  /** Key of the step under way (reports.stage.<key>), for the progress bar's label. */
  stage: z.string(),
  error: z.string().nullable(),
  /** The error's catalogue key and values, for the screens to word it in their reader's language. */
  errorWording: wordingSchema.optional(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  pages: z.number().int().nonnegative().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;
