// Workspace calls and events: the first vertical thread through every layer.
import { z } from 'zod';
import { call, event } from './define';
import { workspaceIdSchema, workspaceSchema, workspaceSettingsSchema } from '../domain/workspace';

export const workspaceCalls = {
  'workspaces:list': call(z.object({}), z.array(workspaceSchema)),
  'workspaces:get': call(z.object({ workspaceId: workspaceIdSchema }), workspaceSchema),
  'workspaces:updateSettings': call(
    z.object({ workspaceId: workspaceIdSchema, settings: workspaceSettingsSchema.partial() }),
    workspaceSchema,
  ),
} as const;

export const workspaceEvents = {
  'workspaces:changed': event(z.object({ workspaceId: workspaceIdSchema })),
} as const;
