// Workspace calls and events: the first vertical thread through every layer.
import { z } from 'zod';
import { call, event } from './define';
import { workspaceIdSchema, workspaceSchema, workspaceSettingsSchema } from '../domain/workspace';

export const workspaceCalls = {
  'workspace:list': call(z.object({}), z.array(workspaceSchema)),
  'workspace:get': call(z.object({ workspaceId: workspaceIdSchema }), workspaceSchema),
  'workspace:updateSettings': call(
    z.object({ workspaceId: workspaceIdSchema, settings: workspaceSettingsSchema.partial() }),
    workspaceSchema,
  ),
} as const;

export const workspaceEvents = {
  'workspace:changed': event(z.object({ workspaceId: workspaceIdSchema })),
} as const;
