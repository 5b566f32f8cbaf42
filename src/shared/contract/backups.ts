// Encrypted backups of a workspace, on demand and on a schedule; restore verifies the crisis log chain.
import { z } from 'zod';
import { workspaceIdSchema } from '../domain/workspace';
import { call, event } from './define';

export const backupInfoSchema = z.object({
  name: z.string(),
  createdAt: z.iso.datetime(),
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupInfoDto = z.infer<typeof backupInfoSchema>;

export const backupCalls = {
  'backups:list': call(z.object({ workspaceId: workspaceIdSchema }), z.array(backupInfoSchema)),
  'backups:create': call(z.object({ workspaceId: workspaceIdSchema }), backupInfoSchema),
  'backups:restore': call(
    z.object({ workspaceId: workspaceIdSchema, name: z.string().max(64) }),
    z.object({ restored: backupInfoSchema, log: z.string() }),
  ),
} as const;

export const backupEvents = {
  /** `restored`: the workspace's whole data went back to a backup, so every screen of it must read again. */
  'backups:changed': event(z.object({ workspaceId: workspaceIdSchema, restored: z.boolean() })),
} as const;
