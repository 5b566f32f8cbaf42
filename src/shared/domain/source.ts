// A place mentions come from (a feed, an account search, a webhook, manual capture) and how it is doing.
import { z } from 'zod';
import { healthMessageSchema } from './healthMessage';
import { sourceKindSchema } from './mention';

export const sourceInputSchema = z.object({
  kind: sourceKindSchema,
  name: z.string().trim().min(1).max(120),
  /** Connector settings (feed URL, instance, query…); each connector validates its own. */
  config: z.record(z.string(), z.unknown()).default({}),
  /** Secrets; write-only from the UI, never read back. */
  credentials: z.record(z.string(), z.string().max(4096)).optional(),
  intervalSeconds: z.number().int().min(30).max(86_400).optional(),
});
export type SourceInput = z.input<typeof sourceInputSchema>;

export const sourceStateSchema = z.enum(['ok', 'failing', 'offline', 'paused', 'pending', 'push']);
export type SourceState = z.infer<typeof sourceStateSchema>;

export const sourceHealthSchema = z.object({
  state: sourceStateSchema,
  lastAttemptAt: z.iso.datetime().nullable(),
  lastSuccessAt: z.iso.datetime().nullable(),
  /** Human message of the last failure, cleared by the next success. */
  lastError: z.string().nullable(),
  /** The same, as a catalogue key and values for the reader's language, when it is a known problem. */
  lastErrorMessage: healthMessageSchema.nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  nextAttemptAt: z.iso.datetime().nullable(),
  /** Seconds between now and the newest mention's publication, null when none. */
  lagSeconds: z.number().nullable(),
  itemsLastHour: z.number().int().nonnegative(),
});
export type SourceHealth = z.infer<typeof sourceHealthSchema>;

export const sourceSchema = z.object({
  id: z.number().int().positive(),
  kind: sourceKindSchema,
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  /** Names of the stored credentials, so the UI can show "token saved" without the value. */
  credentialKeys: z.array(z.string()),
  intervalSeconds: z.number().int().positive(),
  paused: z.boolean(),
  createdAt: z.iso.datetime(),
  health: sourceHealthSchema,
  /** Webhook sources only: where local tools post, and the Standard Webhooks secret they sign with. */
  receive: z.object({ url: z.string(), secret: z.string() }).optional(),
});
export type Source = z.infer<typeof sourceSchema>;
