// Crisis log calls: append, change verification or pin (both recorded, never edited), list, verify the chain.
import { z } from 'zod';
import { call, event } from './define';
import {
  incidentIdSchema,
  logEntryIdSchema,
  logEntrySchema,
  logFilterSchema,
  logIntegritySchema,
  newLogEntrySchema,
  verificationStateSchema,
} from '../domain/crisisLog';
import { workspaceIdSchema } from '../domain/workspace';

const actorSchema = z.object({
  author: z.string().trim().min(1).max(120),
  authorRole: z.string().trim().min(1).max(80).nullable().default(null),
});

export const crisisLogCalls = {
  'crisisLog:append': call(z.object({ workspaceId: workspaceIdSchema, entry: newLogEntrySchema }), logEntrySchema),
  'crisisLog:setVerification': call(
    z.object({ workspaceId: workspaceIdSchema, entryId: logEntryIdSchema, to: verificationStateSchema, actor: actorSchema }),
    logEntrySchema,
  ),
  'crisisLog:setPinned': call(
    z.object({ workspaceId: workspaceIdSchema, entryId: logEntryIdSchema, pinned: z.boolean(), actor: actorSchema }),
    logEntrySchema,
  ),
  'crisisLog:list': call(z.object({ workspaceId: workspaceIdSchema, filter: logFilterSchema }), z.array(logEntrySchema)),
  'crisisLog:verify': call(z.object({ workspaceId: workspaceIdSchema }), logIntegritySchema),
} as const;

export const crisisLogEvents = {
  'crisisLog:changed': event(z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema.nullable() })),
} as const;
