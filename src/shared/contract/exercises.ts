// Exercise calls: rehearsal workspaces kept in their own database files, apart from live data; shipped scenario
// scripts, the director's controls and the live run state.
import { z } from 'zod';
import { call, event } from './define';
import { localizedNameSchema, localizedTextSchema } from '../domain/plan';
import { workspaceIdSchema, workspaceSchema } from '../domain/workspace';
import { personaKindSchema } from '../domain/scenarioScript';

export const exerciseCalls = {
  /** Creates an exercise workspace (its own database) with a copy of the live crisis plan. */
  'exercises:create': call(z.object({ name: z.string().trim().min(1).max(120) }), workspaceSchema),
  /** When any exercise was last played (started, run, steered or finished), null when none ever was. */
  'exercises:lastPlayed': call(z.object({}), z.object({ at: z.iso.datetime().nullable() })),
} as const;

export const MIN_SPEED = 1;
export const MAX_SPEED = 60;

export const scriptSummarySchema = z.object({
  id: z.string(),
  title: localizedNameSchema,
  description: localizedTextSchema,
  brand: z.string(),
  planScenario: z.string(),
  durationMinutes: z.number(),
  injectCount: z.number().int(),
  /** Imported by the cell from its own file (it can be replaced or removed), not shipped with Tocsin. */
  custom: z.boolean(),
});
export type ScriptSummary = z.infer<typeof scriptSummarySchema>;

export const runInjectSchema = z.object({
  id: z.string(),
  at: z.number(),
  kind: z.enum(['wave', 'post', 'pressCall', 'internalMessage', 'regulatorInquiry', 'directorNote']),
  title: localizedNameSchema,
  /** Director notes and messages, shown in the console. */
  body: localizedTextSchema.nullable(),
  /** Game minute it fired (waves: started), null while pending. */
  firedAt: z.number().nullable(),
  /** Added by the director during the run. */
  pressure: z.boolean(),
});
export type RunInject = z.infer<typeof runInjectSchema>;

export const exerciseRunSchema = z.object({
  workspaceId: workspaceIdSchema,
  scriptId: z.string(),
  title: localizedNameSchema,
  status: z.enum(['running', 'paused', 'finished']),
  speed: z.number().min(MIN_SPEED).max(MAX_SPEED),
  /** Current game time, in minutes since the start. */
  gameMinute: z.number(),
  durationMinutes: z.number(),
  onsetMinute: z.number(),
  expectedAlertWithinMinutes: z.number(),
  /** Game time of minute 0, so clocks and mentions line up. */
  gameStartAt: z.iso.datetime(),
  mentionsInjected: z.number().int(),
  injects: z.array(runInjectSchema),
});
export type ExerciseRun = z.infer<typeof exerciseRunSchema>;

const ws = z.object({ workspaceId: workspaceIdSchema });
const speedSchema = z.number().min(MIN_SPEED).max(MAX_SPEED);

export const exerciseControlSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('speed'), speed: speedSchema }),
  /** Moves game time to a minute; skipped wave minutes are not played. */
  z.object({ action: z.literal('jump'), minute: z.number().min(0).max(24 * 60) }),
  z.object({ action: z.literal('fire'), injectId: z.string().min(1).max(80) }),
]);
export type ExerciseControl = z.infer<typeof exerciseControlSchema>;

export const pressureInjectSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('post'),
    author: z.string().trim().min(1).max(120),
    /** Who posts: an employee posting from a personal account tests the staff charter and the staff watch. */
    persona: personaKindSchema.default('influencer'),
    audience: z.number().int().min(0).max(1_000_000_000),
    language: z.enum(['fr', 'en']),
    text: z.string().trim().min(1).max(2000),
  }),
  z.object({
    kind: z.literal('wave'),
    perMinute: z.number().min(1).max(500),
    minutes: z.number().int().min(1).max(120),
  }),
]);
export type PressureInject = z.infer<typeof pressureInjectSchema>;

const minutesOrNull = z.number().nullable();
const completionSchema = z.object({ due: z.number().int(), done: z.number().int() });

/** Debrief timings, in game minutes counted from the crisis onset of the script. */
export const exerciseDebriefSchema = z.object({
  workspaceId: workspaceIdSchema,
  scriptId: z.string(),
  onsetMinute: z.number(),
  expectedAlertWithinMinutes: z.number(),
  /** First alert opened after onset. */
  timeToDetect: minutesOrNull,
  timeToOpenIncident: minutesOrNull,
  /** Every role called in the first mobilisation has acknowledged. */
  timeToMobilise: minutesOrNull,
  /** First holding statement approved by every required role, then published. */
  timeToHoldingApproved: minutesOrNull,
  timeToHoldingPublished: minutesOrNull,
  /** Checklist actions due by H+1 and H+4 of the first incident, and how many were done by then. */
  checklistH1: completionSchema,
  checklistH4: completionSchema,
  /** From a statement's creation to its full approval. */
  approvalLatency: z.object({ count: z.number().int(), averageMinutes: minutesOrNull, maxMinutes: minutesOrNull }),
  /** Injected mentions that ask a question, and those no reply statement answers. */
  questions: z.number().int(),
  unansweredQuestions: z.number().int(),
  /** Regulatory notifications with a deadline, counted on the game clock: sent in time, late or not sent past it, still running. */
  obligations: z.object({ met: z.number().int(), missed: z.number().int(), running: z.number().int() }),
});
export type ExerciseDebrief = z.infer<typeof exerciseDebriefSchema>;

export const exerciseRunCalls = {
  'exercises:scripts': call(z.object({}), z.array(scriptSummarySchema)),
  /** A scenario file of the cell's own (JSON or YAML, format tocsin-exercise-script); every problem by path. */
  'exercises:importScript': call(z.object({ content: z.string().max(3 * 1024 * 1024) }), scriptSummarySchema),
  'exercises:deleteScript': call(z.object({ scriptId: z.string().min(1).max(80) }), z.object({ deleted: z.boolean() })),
  'exercises:start': call(ws.extend({ scriptId: z.string().min(1).max(80), speed: speedSchema.default(1) }), exerciseRunSchema),
  'exercises:run': call(ws, exerciseRunSchema.nullable()),
  'exercises:control': call(ws.extend({ control: exerciseControlSchema }), exerciseRunSchema),
  'exercises:pressure': call(ws.extend({ inject: pressureInjectSchema }), exerciseRunSchema),
  'exercises:debrief': call(ws, exerciseDebriefSchema),
  /** The debrief with the timeline played and the lessons learned, as a PDF marked EXERCISE on every page. */
  'exercises:debriefPdf': call(ws.extend({ language: z.enum(['fr', 'en']) }), z.object({ fileName: z.string(), pdfBase64: z.string() })),
} as const;

export const exerciseRunEvents = {
  'exercises:changed': event(ws),
} as const;
