// A workspace is one database: the live one, or an exercise kept apart from real data.
import { z } from 'zod';

export const workspaceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'workspace id: lowercase letters, digits and dashes');
export type WorkspaceId = z.infer<typeof workspaceIdSchema>;

export const LIVE_WORKSPACE_ID = 'live';

export const workspaceKindSchema = z.enum(['live', 'exercise']);
export type WorkspaceKind = z.infer<typeof workspaceKindSchema>;

export const languageSchema = z.enum(['fr', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const workspaceSettingsSchema = z.object({
  /** Shown in the header and on every report cover. */
  displayName: z.string().trim().min(1).max(120),
  organisation: z.string().trim().max(120),
  /** Language of generated reports and of the paper kit, independent of each person's UI language. */
  reportLanguage: languageSchema,
  /** Hours between two status meetings (points de situation) during an incident. */
  statusMeetingHours: z.number().int().min(1).max(24),
  /**
   * Sealed: no outbound traffic at all. Otherwise only the hosts of enabled connectors and publishing
   * channels may be reached (the allow-list is derived, never typed in).
   */
  sealed: z.boolean(),
  /** Hours between automatic encrypted backups; 0 turns them off. */
  backupHours: z.number().int().min(0).max(168),
  /** Months of full mentions kept; older ones go except evidence, rollups always stay. 0 keeps everything. */
  retentionMonths: z.number().int().min(0).max(120),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export const workspaceSchema = z.object({
  id: workspaceIdSchema,
  kind: workspaceKindSchema,
  createdAt: z.iso.datetime(),
  settings: workspaceSettingsSchema,
});
export type Workspace = z.infer<typeof workspaceSchema>;
