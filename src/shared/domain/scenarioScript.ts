// An exercise scenario script: a timeline of injects in game minutes, played by the exercise director.
// Mention waves and persona posts go through the real ingestion pipeline; messages (press calls,
// internal messages, regulator inquiries) reach the players' crisis log; director notes stay with the director.
import { z } from 'zod';
import { authorKindSchema } from './mention';
import { localizedNameSchema, localizedTextSchema, planIdSchema } from './plan';

export const SCENARIO_SCRIPT_FORMAT = 'tocsin-exercise-script';
export const SCENARIO_SCRIPT_VERSION = 1;

/** Game minutes from the start of the exercise. */
const gameMinute = z.number().min(0).max(24 * 60);

const shareSchema = z.number().min(0).max(1);

export const toneMixSchema = z
  .object({ negative: shareSchema, neutral: shareSchema, positive: shareSchema })
  .refine((mix) => Math.abs(mix.negative + mix.neutral + mix.positive - 1) < 0.001, {
    message: 'tone shares must add up to 1',
    params: { wording: 'exercises.checks.toneShares' },
  });
export type ToneMix = z.infer<typeof toneMixSchema>;

export const personaKindSchema = z.enum(['journalist', 'influencer', 'angryCustomer', 'employee', 'politician', 'expert']);
export type PersonaKind = z.infer<typeof personaKindSchema>;

/** How each persona appears as a mention author to ingestion and detection. */
export const PERSONA_AUTHOR_KIND: Record<PersonaKind, z.infer<typeof authorKindSchema>> = {
  journalist: 'journalist',
  influencer: 'influencer',
  angryCustomer: 'public',
  employee: 'employee',
  politician: 'politician',
  expert: 'public',
};

export const personaSchema = z.object({
  id: planIdSchema,
  name: z.string().trim().min(1).max(120),
  handle: z.string().trim().min(1).max(120),
  kind: personaKindSchema,
  /** Followers or readership. */
  audience: z.number().int().min(0).max(1_000_000_000),
  /** Outlet or network shown with the post (e.g. "Le Temps", "mastodon.social"). */
  outlet: z.string().max(120).default(''),
});
export type Persona = z.infer<typeof personaSchema>;

export const volumeShapeSchema = z.enum(['ramp', 'burst', 'plateau', 'decay']);
export type VolumeShape = z.infer<typeof volumeShapeSchema>;

const phrasesSchema = z.object({
  fr: z.array(z.string().min(1).max(500)).min(1).max(100),
  en: z.array(z.string().min(1).max(500)).min(1).max(100),
});

const injectBase = {
  id: planIdSchema,
  at: gameMinute,
  /** What the director sees in the timeline. */
  title: localizedNameSchema,
};

export const waveInjectSchema = z.object({
  ...injectBase,
  kind: z.literal('wave'),
  durationMinutes: z.number().int().min(1).max(24 * 60),
  volume: z.object({
    shape: volumeShapeSchema,
    /** Mentions per game minute at the wave's peak. */
    peakPerMinute: z.number().min(0).max(2000),
  }),
  tone: toneMixSchema,
  /** Share of French mentions; the rest are English. */
  frenchShare: shareSchema,
  /** Network names the mentions appear to come from, picked at random. */
  sources: z.array(z.string().min(1).max(80)).min(1).max(20),
  vocabulary: z.object({ fr: z.array(z.string().min(1).max(80)).max(100), en: z.array(z.string().min(1).max(80)).max(100) }),
  hashtags: z.array(z.string().regex(/^#[\p{L}\p{N}_]{1,60}$/u, 'hashtag: # followed by letters or digits')).max(20),
  /** Sentences by tone with {brand}, {term} and {hashtag} placeholders. */
  phrases: z.object({ negative: phrasesSchema, neutral: phrasesSchema, positive: phrasesSchema }),
});
export type WaveInject = z.infer<typeof waveInjectSchema>;

export const postInjectSchema = z.object({
  ...injectBase,
  kind: z.literal('post'),
  persona: planIdSchema,
  language: z.enum(['fr', 'en']),
  text: z.string().min(1).max(5000),
  engagement: z.object({ likes: z.number().int().min(0), shares: z.number().int().min(0), replies: z.number().int().min(0) }).partial().default({}),
});
export type PostInject = z.infer<typeof postInjectSchema>;

export const messageInjectSchema = z.object({
  ...injectBase,
  kind: z.enum(['pressCall', 'internalMessage', 'regulatorInquiry']),
  /** Who calls or writes (a persona id or a free name). */
  from: z.string().trim().min(1).max(120),
  body: localizedTextSchema,
});
export type MessageInject = z.infer<typeof messageInjectSchema>;

export const directorNoteInjectSchema = z.object({
  ...injectBase,
  kind: z.literal('directorNote'),
  body: localizedTextSchema,
});
export type DirectorNoteInject = z.infer<typeof directorNoteInjectSchema>;

export const injectSchema = z.discriminatedUnion('kind', [
  waveInjectSchema,
  postInjectSchema,
  messageInjectSchema,
  directorNoteInjectSchema,
]);
export type Inject = z.infer<typeof injectSchema>;
export type InjectKind = Inject['kind'];

export const scenarioScriptSchema = z
  .object({
    format: z.literal(SCENARIO_SCRIPT_FORMAT),
    formatVersion: z.literal(SCENARIO_SCRIPT_VERSION),
    id: planIdSchema,
    title: localizedNameSchema,
    description: localizedTextSchema,
    /** The brand name the players' watch follows; every generated mention names it. */
    brand: z.string().trim().min(1).max(80),
    /** Which plan scenario kind the players are expected to open. */
    planScenario: planIdSchema,
    durationMinutes: z.number().int().min(10).max(24 * 60),
    /** Game minute the crisis objectively starts: time to detect is counted from here. */
    onsetMinute: gameMinute,
    /** Detection should raise an alert no later than this many game minutes after onset. */
    expectedAlertWithinMinutes: z.number().int().min(1).max(600),
    seed: z.number().int().min(0).max(2 ** 31),
    personas: z.array(personaSchema).max(100),
    injects: z.array(injectSchema).min(1).max(1000),
  })
  .superRefine((script, ctx) => {
    const personas = new Set(script.personas.map((p) => p.id));
    const seen = new Set<string>();
    script.injects.forEach((inject, index) => {
      if (seen.has(inject.id)) {
        const params = { wording: 'exercises.checks.duplicateInject', values: { id: inject.id } };
        ctx.addIssue({ code: 'custom', path: ['injects', index, 'id'], message: `duplicate id "${inject.id}"`, params });
      }
      seen.add(inject.id);
      if (inject.at > script.durationMinutes) {
        const params = { wording: 'exercises.checks.afterEnd', values: { at: inject.at, end: script.durationMinutes } };
        ctx.addIssue({ code: 'custom', path: ['injects', index, 'at'], message: 'after the end of the exercise', params });
      }
      if (inject.kind === 'post' && !personas.has(inject.persona)) {
        const params = { wording: 'exercises.checks.noPersona', values: { id: inject.persona } };
        ctx.addIssue({ code: 'custom', path: ['injects', index, 'persona'], message: `no persona "${inject.persona}"`, params });
      }
    });
  });
export type ScenarioScript = z.infer<typeof scenarioScriptSchema>;
