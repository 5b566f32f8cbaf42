// Lessons-learned (RETEX) calls: answers after an exercise or an incident, anonymous if the person wants.
import { z } from 'zod';
import { call, event } from './define';
import { workspaceIdSchema } from '../domain/workspace';

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
    ws.extend({ lesson: newLessonSchema.refine((l) => l.wentWell || l.wentBadly || l.actions.length, 'write at least one answer') }),
    lessonSchema,
  ),
} as const;

export const lessonsEvents = {
  'lessons:changed': event(ws),
} as const;
