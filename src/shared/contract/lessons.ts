// Lessons-learned (RETEX) calls: answers after an exercise or an incident, anonymous if the person wants.
import { z } from 'zod';
import { call, event } from './define';
import { workspaceIdSchema } from '../domain/workspace';
import { actorSchema, incidentIdSchema } from '../domain/incident';
import { followUpItemSchema, incidentRetexSchema, newRetexActionSchema, retexTextSchema } from '../domain/retex';

export const lessonActionSchema = z.object({
  action: z.string().trim().min(1).max(1000),
  owner: z.string().trim().min(1).max(120),
});

export const newLessonSchema = z.object({
  /** Left out to answer anonymously. */
  author: z.string().trim().min(1).max(120).nullable().default(null),
  authorRole: z.string().trim().min(1).max(80).nullable().default(null),
  wentWell: z.string().trim().max(10_000),
  wentBadly: z.string().trim().max(10_000),
  actions: z.array(lessonActionSchema).max(50).default([]),
});
export type NewLesson = z.input<typeof newLessonSchema>;

export const lessonSchema = newLessonSchema.extend({
  id: z.number().int().positive(),
  submittedAt: z.iso.datetime(),
  actions: z.array(lessonActionSchema),
  author: z.string().nullable(),
  authorRole: z.string().nullable(),
});
export type Lesson = z.infer<typeof lessonSchema>;

const ws = z.object({ workspaceId: workspaceIdSchema });

export const lessonsCalls = {
  'lessons:list': call(ws, z.array(lessonSchema)),
  'lessons:submit': call(
    ws.extend({ lesson: newLessonSchema.refine((l) => l.wentWell || l.wentBadly || l.actions.length, {
        message: 'write at least one answer',
        params: { wording: 'exercises.checks.lessonEmpty' },
      }) }),
    lessonSchema,
  ),
  /** The RETEX of a stabilised or closed incident, its timings measured from what was recorded. */
  'lessons:retex': call(ws.extend({ incidentId: incidentIdSchema }), incidentRetexSchema),
  'lessons:saveRetex': call(ws.extend({ incidentId: incidentIdSchema, text: retexTextSchema, actor: actorSchema }), incidentRetexSchema),
  'lessons:addAction': call(ws.extend({ incidentId: incidentIdSchema, action: newRetexActionSchema, actor: actorSchema }), incidentRetexSchema),
  'lessons:setActionDone': call(
    ws.extend({ incidentId: incidentIdSchema, actionId: z.number().int().positive(), done: z.boolean(), actor: actorSchema }),
    incidentRetexSchema,
  ),
  /** Ticks (or unticks) an item of the follow-up campaign; each change is in the crisis log. */
  'lessons:setFollowUp': call(
    ws.extend({ incidentId: incidentIdSchema, item: followUpItemSchema, done: z.boolean(), actor: actorSchema }),
    incidentRetexSchema,
  ),
  /** Accepting edits the plan (a new revision naming the lesson); rejecting keeps the plan as it is. */
  'lessons:decidePlanChange': call(
    ws.extend({ incidentId: incidentIdSchema, actionId: z.number().int().positive(), accept: z.boolean(), actor: actorSchema }),
    incidentRetexSchema,
  ),
} as const;

export const lessonsEvents = {
  'lessons:changed': event(ws),
} as const;
