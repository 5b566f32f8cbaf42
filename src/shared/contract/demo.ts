// Demo calls: whether the demo watch runs, and stopping it for good.
import { z } from 'zod';
import { call, event } from './define';
import { workspaceIdSchema } from '../domain/workspace';

export const demoStatusSchema = z.object({
  state: z.enum(['off', 'running', 'stopped']),
  watchId: z.number().int().positive().nullable(),
  watchName: z.string().nullable(),
});
export type DemoStatus = z.infer<typeof demoStatusSchema>;

export const demoCalls = {
  'demo:status': call(z.object({ workspaceId: workspaceIdSchema }), demoStatusSchema),
  /** `removeData`: also delete the demo watch, its source and its simulated mentions (audited either way). */
  'demo:stop': call(z.object({ workspaceId: workspaceIdSchema, removeData: z.boolean().default(false) }), demoStatusSchema),
} as const;

export const demoEvents = {
  'demo:changed': event(z.object({ workspaceId: workspaceIdSchema })),
} as const;
