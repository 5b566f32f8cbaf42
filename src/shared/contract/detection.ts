// Detection calls and events: crisis level per watch, alerts with their why-card, thresholds, backtests, tone fixes.
import { z } from 'zod';
import { call, event } from './define';
import {
  alertSchema,
  alertStatusSchema,
  backtestResultSchema,
  crisisLevelSchema,
  detectionSettingsSchema,
  levelOverviewSchema,
  watchDetectionSettingsSchema,
} from '../domain/detection';
import { toneClassSchema } from '../domain/storedMention';
import { toneQueueSchema } from '../domain/toneQueue';
import { appErrorSchema } from './envelope';
import { workspaceIdSchema } from '../domain/workspace';

const id = z.number().int().positive();
const person = z.string().trim().max(120).optional();
const backtestInput = z.object({
  workspaceId: workspaceIdSchema,
  watchId: id,
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  settings: detectionSettingsSchema.optional(),
});

/** Which scorer gives a workspace's posts their tone, and why the approved model in its folder is not used. */
export const toneBackendSchema = z.object({
  /** `onnx`: the approved model in `folder`; `localModel`: the model trained on corrections; else the lexicon. */
  kind: z.enum(['onnx', 'localModel', 'lexicon']),
  /** Where the workspace's approved ONNX model is read from (model.onnx and tone-model.json). */
  folder: z.string(),
  /** The approved model's languages while it scores. */
  languages: z.array(z.string()),
  /** Why the folder's model was refused: tone is then scored without it. */
  problem: appErrorSchema.nullable(),
});
export type ToneBackend = z.infer<typeof toneBackendSchema>;

export const detectionCalls = {
  'detection:overview': call(z.object({ workspaceId: workspaceIdSchema }), levelOverviewSchema),
  'detection:getSettings': call(z.object({ workspaceId: workspaceIdSchema, watchId: id }), watchDetectionSettingsSchema),
  'detection:saveSettings': call(
    z.object({ workspaceId: workspaceIdSchema, watchId: id, settings: detectionSettingsSchema }),
    watchDetectionSettingsSchema,
  ),
  'detection:backtest': call(backtestInput, backtestResultSchema),
  /** The same replay as a file to download: CSV (one row per episode with its why-card) or JSON. */
  'detection:backtestExport': call(
    backtestInput.extend({ format: z.enum(['csv', 'json']) }),
    z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  ),
  'detection:listAlerts': call(
    z.object({
      workspaceId: workspaceIdSchema,
      status: z.union([alertStatusSchema, z.literal('all')]).default('all'),
      limit: z.number().int().min(1).max(500).default(100),
      /** Only alerts opened in [from, to), of this watch. */
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      watchId: id.optional(),
      /** Keyset paging: only alerts listed after this one (opened earlier, then lower id). */
      before: z.object({ openedAt: z.iso.datetime(), id }).optional(),
    }),
    z.array(alertSchema),
  ),
  'detection:getAlert': call(z.object({ workspaceId: workspaceIdSchema, alertId: id }), alertSchema),
  'detection:acknowledgeAlert': call(
    z.object({ workspaceId: workspaceIdSchema, alertId: id, by: person, note: z.string().trim().max(2000).optional() }),
    alertSchema,
  ),
  'detection:dismissAlert': call(
    z.object({ workspaceId: workspaceIdSchema, alertId: id, by: person, reason: z.string().trim().min(1).max(2000) }),
    alertSchema,
  ),
  'tone:correct': call(
    z.object({ workspaceId: workspaceIdSchema, mentionId: id, toneClass: toneClassSchema, by: person }),
    z.object({
      mentionId: id,
      toneClass: toneClassSchema,
      previous: toneClassSchema.nullable(),
      corrections: z.number().int().nonnegative(),
      modelSamples: z.number().int().nonnegative(),
    }),
  ),
  /** The "help the tone model" queue: the unanswered posts of the current batch of 20 the classifier is least sure of. */
  'tone:queue': call(z.object({ workspaceId: workspaceIdSchema }), toneQueueSchema),
  /** Which scorer tones the workspace's posts, and why its approved ONNX model is refused when it is. */
  'tone:backend': call(z.object({ workspaceId: workspaceIdSchema }), toneBackendSchema),
} as const;

export const detectionEvents = {
  'detection:alertChanged': event(z.object({ workspaceId: workspaceIdSchema, alertId: id })),
  'detection:levelChanged': event(
    z.object({ workspaceId: workspaceIdSchema, watchId: id, level: crisisLevelSchema, previous: crisisLevelSchema }),
  ),
} as const;
