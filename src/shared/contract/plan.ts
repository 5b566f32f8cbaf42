// Crisis plan calls and events: read, edit, history, portable file import/export, paper fallback kit.
import { z } from 'zod';
import { call, event } from './define';
import { crisisPlanSchema } from '../domain/plan';
import { languageSchema, workspaceIdSchema } from '../domain/workspace';
import { planLessonLinkSchema } from '../domain/retex';
import { roleChangesSchema } from '../domain/planRoles';

/** `default`: the shipped sample company's plan (marked SAMPLE until edited); `empty`: the plan started without it. */
export const planOriginSchema = z.enum(['default', 'empty', 'edit', 'import']);

export const planRevisionMetaSchema = z.object({
  revision: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  savedAt: z.iso.datetime(),
  origin: planOriginSchema,
  author: z.string(),
  note: z.string(),
  /** The lesson an accepted plan change came from (null for edits and imports). */
  lesson: planLessonLinkSchema.nullable(),
  /** The roles this revision added, renamed or removed, worded by the reader's catalogue; null when none. */
  roleChanges: roleChangesSchema.nullable(),
  /** In a cell: the cell revision it shows, the laptop that signed it and what it changed (null: made on this laptop before). */
  cell: z.object({ changeId: z.uuid(), deviceId: z.string(), paths: z.array(z.string()) }).nullable().optional(),
});
export type PlanRevisionMeta = z.infer<typeof planRevisionMetaSchema>;

const wordingSchema = z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

/** A revision another laptop shared that this one did not take: forged, unreadable, or a plan failing its checks. */
export const planRefusalSchema = z.object({
  changeId: z.string(),
  deviceId: z.string(),
  member: z.string().nullable(),
  at: z.iso.datetime(),
  note: z.string(),
  genuine: z.boolean(),
  reason: z.string(),
  wording: wordingSchema,
  issues: z.array(z.object({ path: z.string(), message: z.string(), wording: wordingSchema.optional() })),
});
export type PlanRefusalView = z.infer<typeof planRefusalSchema>;

export const storedPlanSchema = planRevisionMetaSchema.extend({ plan: crisisPlanSchema });
export type StoredPlan = z.infer<typeof storedPlanSchema>;

const workspaceInput = z.object({ workspaceId: workspaceIdSchema });

export const planCalls = {
  'plan:get': call(workspaceInput, storedPlanSchema),
  'plan:save': call(
    workspaceInput.extend({
      /** The revision the editor started from; a save over a newer revision is refused (CONFLICT). */
      baseRevision: z.number().int().positive(),
      plan: crisisPlanSchema,
      note: z.string().max(500).default(''),
    }),
    storedPlanSchema,
  ),
  'plan:history': call(workspaceInput, z.array(planRevisionMetaSchema)),
  /** The cell's plan revisions this laptop refused, newest first, each with why. */
  'plan:refusals': call(workspaceInput, z.array(planRefusalSchema)),
  /** Whether the live workspace still asks how its plan starts (a fresh data folder). */
  'plan:firstStart': call(workspaceInput, z.object({ pending: z.boolean() })),
  /** The answer, once: the sample company's plan, or an empty one under the cell's organisation name. */
  'plan:chooseFirst': call(
    workspaceInput.extend({ choice: z.enum(['sample', 'empty']), organisation: z.string().trim().min(1).max(200).optional() }),
    storedPlanSchema,
  ),
  'plan:export': call(workspaceInput, z.object({ fileName: z.string(), content: z.string() })),
  /** `content` is the file's text; validated in full before anything is stored. */
  'plan:import': call(workspaceInput.extend({ content: z.string().max(6 * 1024 * 1024) }), storedPlanSchema),
  /** The printable paper fallback kit of the current plan, as a PDF. */
  'plan:paperKit': call(
    workspaceInput.extend({ language: languageSchema }),
    z.object({ fileName: z.string(), pdfBase64: z.string() }),
  ),
} as const;

export const planEvents = {
  'plan:changed': event(z.object({ workspaceId: workspaceIdSchema, revision: z.number().int().positive() })),
} as const;
