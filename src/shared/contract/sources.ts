// Source calls: add, edit, test, pause/resume a source and read its health.
// Also the state of each source's streaming connection, pushed when it changes.
import { z } from 'zod';
import { call, event } from './define';
import { healthMessageSchema } from '../domain/healthMessage';
import { sourceInputSchema, sourceSchema } from '../domain/source';
import { workspaceIdSchema } from '../domain/workspace';
import { liveFeedStatusSchema } from '../domain/liveFeed';

const idSchema = z.number().int().positive();

export const sourceTestResultSchema = z.object({
  ok: z.boolean(),
  /** What was found, or why it cannot work: in English, and as a catalogue key for the reader's language. */
  message: z.string(),
  detail: healthMessageSchema,
  itemCount: z.number().int().nonnegative(),
  sample: z.array(z.object({ title: z.string().nullable(), text: z.string(), url: z.string().nullable(), publishedAt: z.string() })),
});
export type SourceTestResult = z.infer<typeof sourceTestResultSchema>;

export const sourcesCalls = {
  'sources:list': call(z.object({ workspaceId: workspaceIdSchema }), z.array(sourceSchema)),
  'sources:create': call(z.object({ workspaceId: workspaceIdSchema, source: sourceInputSchema }), sourceSchema),
  'sources:update': call(z.object({ workspaceId: workspaceIdSchema, id: idSchema, source: sourceInputSchema }), sourceSchema),
  'sources:delete': call(z.object({ workspaceId: workspaceIdSchema, id: idSchema }), z.object({ deleted: z.boolean() })),
  'sources:setPaused': call(z.object({ workspaceId: workspaceIdSchema, id: idSchema, paused: z.boolean() }), sourceSchema),
  /** Polls once without storing anything: checks the settings before saving them. */
  'sources:test': call(z.object({ workspaceId: workspaceIdSchema, source: sourceInputSchema }), sourceTestResultSchema),
  /** Polls a saved source now instead of waiting for its next turn (also clears the backoff). */
  'sources:pollNow': call(z.object({ workspaceId: workspaceIdSchema, id: idSchema }), sourceSchema),
} as const;

export const sourcesEvents = {
  'sources:changed': event(z.object({ workspaceId: workspaceIdSchema })),
} as const;

export const liveFeedsCalls = {
  'sources:liveFeeds': call(z.object({ workspaceId: workspaceIdSchema }), z.array(liveFeedStatusSchema)),
} as const;

export const liveFeedsEvents = {
  'sources:liveFeedsChanged': event(z.object({ workspaceId: workspaceIdSchema })),
} as const;
