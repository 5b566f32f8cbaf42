// Crisis levels, alerts with their stored explanation, per-watch detection thresholds and backtests.
import { z } from 'zod';
import { thresholdValuesSchema } from './plan';
import { toneClassSchema } from './storedMention';

export const crisisLevelSchema = z.enum(['calm', 'vigilance', 'alert', 'crisis']);
export type CrisisLevel = z.infer<typeof crisisLevelSchema>;
export const CRISIS_LEVELS: readonly CrisisLevel[] = crisisLevelSchema.options;

export const signalKindSchema = z.enum(['volume', 'negativeShare', 'audience', 'vocabulary', 'emergingTerms']);
export type SignalKind = z.infer<typeof signalKindSchema>;

export const signalSchema = z.object({
  kind: signalKindSchema,
  /** Level this signal alone points to; calm when it did not fire. */
  level: crisisLevelSchema,
  /** Measured value: volume ratio, negative share (%), audience, mention count… */
  value: z.number(),
  /** Reference the value is compared with: usual mentions per hour, baseline share (%), configured audience… */
  reference: z.number().nullable(),
  /** Terms, authors or hashtags behind the signal, most important first. */
  items: z.array(z.string()).max(20),
  /**
   * Negative share only: the 95 % band around `value` (same unit, %), and whether `value` is corrected for the
   * tone classifier's known errors or is the share as classified. Absent from signals stored before it existed.
   */
  band: z.object({ low: z.number(), high: z.number(), corrected: z.boolean() }).optional(),
});
export type Signal = z.infer<typeof signalSchema>;

const mentionSampleSchema = z.object({
  mentionId: z.number().int(),
  author: z.string().nullable(),
  text: z.string(),
  tone: toneClassSchema.nullable(),
  publishedAt: z.iso.datetime(),
});

export const explanationSchema = z.object({
  /** Minute (UTC ISO) of the data the explanation describes. */
  at: z.iso.datetime(),
  windowMinutes: z.number().int().positive(),
  mentions: z.number().int().nonnegative(),
  signals: z.array(signalSchema),
  topTerms: z.array(z.object({ term: z.string(), count: z.number().int() })).max(15),
  topAuthors: z
    .array(z.object({ name: z.string(), audience: z.number().int().nullable(), kind: z.string(), mentions: z.number().int() }))
    .max(10),
  sources: z.array(z.object({ name: z.string(), count: z.number().int() })).max(10),
  languages: z.array(z.object({ language: z.string(), count: z.number().int() })).max(10),
  tone: z.object({ negative: z.number().int(), neutral: z.number().int(), positive: z.number().int(), unknown: z.number().int() }),
  samples: z.array(mentionSampleSchema).max(5),
  /** Emerging terms: how many mentions carried each, how many its usual share predicted, and the first of them. */
  emerging: z
    .array(z.object({ term: z.string(), count: z.number().int(), expected: z.number(), firstMentions: z.array(mentionSampleSchema).max(3) }))
    .max(8)
    .default([]),
  /** While the episode is open: its busiest hour so far (mentions in the hour ending at `at`). */
  peak: z.object({ at: z.iso.datetime(), mentions: z.number().int().nonnegative() }).nullable().optional(),
});
export type Explanation = z.infer<typeof explanationSchema>;

export const alertStatusSchema = z.enum(['open', 'acknowledged', 'dismissed']);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const alertSchema = z.object({
  id: z.number().int().positive(),
  watchId: z.number().int().positive(),
  watchName: z.string(),
  level: crisisLevelSchema.exclude(['calm']),
  openedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  status: alertStatusSchema,
  statusReason: z.string().nullable(),
  statusBy: z.string().nullable(),
  statusAt: z.iso.datetime().nullable(),
  /** The why-card as it stands: it follows the episode while the alert is open (authors, terms, peak). */
  explanation: explanationSchema,
  /** The why-card as it was when the alert opened, kept for the record (every stored alert has one). */
  opening: explanationSchema.optional(),
});
export type Alert = z.infer<typeof alertSchema>;

export const watchLevelSchema = z.object({
  watchId: z.number().int().positive(),
  watchName: z.string(),
  level: crisisLevelSchema,
  since: z.iso.datetime().nullable(),
  /** The open alert of the current episode, with its explanation (the why-card). */
  alert: alertSchema.nullable(),
  /** Latest signals, also when no alert is open (what vigilance is about). */
  signals: z.array(signalSchema),
});
export type WatchLevel = z.infer<typeof watchLevelSchema>;

export const levelOverviewSchema = z.object({
  level: crisisLevelSchema,
  watches: z.array(watchLevelSchema),
});
export type LevelOverview = z.infer<typeof levelOverviewSchema>;

/** Per-watch thresholds have the plan's shape; a watch without its own uses the plan's (per watch, then defaults). */
export const detectionSettingsSchema = thresholdValuesSchema;
export type DetectionSettings = z.infer<typeof detectionSettingsSchema>;

export const watchDetectionSettingsSchema = z.object({
  watchId: z.number().int().positive(),
  /** Where the values come from: this watch's own settings, or the crisis plan. */
  origin: z.enum(['watch', 'plan']),
  settings: detectionSettingsSchema,
});
export type WatchDetectionSettings = z.infer<typeof watchDetectionSettingsSchema>;

export const backtestEpisodeSchema = z.object({
  startedAt: z.iso.datetime(),
  /** Back to calm; null when the episode still runs at the end of the range. */
  endedAt: z.iso.datetime().nullable(),
  peakLevel: crisisLevelSchema.exclude(['calm']),
  peakAt: z.iso.datetime(),
  /** An alert would have opened (alert or crisis reached); vigilance alone opens none. */
  alerted: z.boolean(),
  /**
   * The why-card at the episode's height (written again at each escalation and each time its last hour grew
   * busier), so authors and words that came after the opening are in it; its `at` says when.
   */
  explanation: explanationSchema,
});
export type BacktestEpisode = z.infer<typeof backtestEpisodeSchema>;

export const backtestResultSchema = z.object({
  watchId: z.number().int().positive(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** 5-minute buckets: mentions, seasonal baseline and level reached. */
  buckets: z.array(
    z.object({ at: z.iso.datetime(), count: z.number().int(), baseline: z.number().nullable(), level: crisisLevelSchema }),
  ),
  alerts: z.array(
    z.object({ openedAt: z.iso.datetime(), level: crisisLevelSchema, closedAt: z.iso.datetime().nullable(), signals: z.array(signalSchema) }),
  ),
  mentions: z.number().int().nonnegative(),
  /** Every change of level the replay went through, in time order. */
  changes: z.array(z.object({ at: z.iso.datetime(), level: crisisLevelSchema, previous: crisisLevelSchema })),
  /** Each stretch above calm, vigilance included, with the why-card as it would have been shown then. */
  episodes: z.array(backtestEpisodeSchema),
});
export type BacktestResult = z.infer<typeof backtestResultSchema>;
