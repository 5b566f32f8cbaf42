// Watch calls: what the cell monitors, with keywords, exclusions, languages and sources.
import { z } from 'zod';
import { call, event } from './define';
import { watchInputSchema, watchSchema } from '../domain/watch';
import { workspaceIdSchema } from '../domain/workspace';

const idSchema = z.number().int().positive();

export const watchesCalls = {
  'watches:list': call(z.object({ workspaceId: workspaceIdSchema }), z.array(watchSchema)),
  'watches:create': call(z.object({ workspaceId: workspaceIdSchema, watch: watchInputSchema }), watchSchema),
  'watches:update': call(z.object({ workspaceId: workspaceIdSchema, id: idSchema, watch: watchInputSchema }), watchSchema),
  'watches:delete': call(z.object({ workspaceId: workspaceIdSchema, id: idSchema }), z.object({ deleted: z.boolean() })),
} as const;

export const watchesEvents = {
  'watches:changed': event(z.object({ workspaceId: workspaceIdSchema })),
} as const;
