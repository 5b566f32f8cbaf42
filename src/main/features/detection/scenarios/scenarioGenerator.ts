import type { MentionInput } from '../../../../shared/domain/mention';
import { pick, poisson, seededRandom } from '../../../platform/seededRandom';
import { SCENARIO_TEXTS } from './scenarioTexts';

export type ScenarioKind = 'crisis' | 'campaignLaunch' | 'positiveBuzz' | 'calm';

export interface ScenarioSpec {
  seed: number;
  kind: ScenarioKind;
  language: 'fr' | 'en';
  brand: string;
  /** UTC midnight of the first day. */
  start: number;
  days: number;
  /** Mentions per hour at the busiest time of an ordinary weekday. */
  peakPerHour: number;
  /** Event start as an offset from `start`, in ms (ignored for calm). */
  onsetOffsetMs: number;
  /** Volume multiplier during the event (3–20 for a crisis). */
  multiplier: number;
  durationHours: number;
}

export interface GeneratedScenario {
  spec: ScenarioSpec;
  mentions: MentionInput[];
  /** Labelled event start (epoch ms) for crises; calm counter-examples have an event but no crisis onset. */
  onset: number | null;
  event: { start: number; end: number } | null;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Diurnal shape (quiet nights, peak late afternoon) and a quieter weekend. */
function seasonal(t: number): number {
  const date = new Date(t);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const day = 0.15 + 0.85 * Math.max(0, Math.sin(((hour - 6) / 16) * Math.PI));
  const weekday = date.getUTCDay();
  return day * (weekday === 0 || weekday === 6 ? 0.6 : 1);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Generates a labelled FR or EN mention stream for one brand: ordinary days with diurnal and weekly cycles,
 * ~15 % negative, then an event. A crisis multiplies volume, pushes the negative share to ~60 %, brings crisis
 * vocabulary, a new hashtag and a journalist with a large audience. A campaign launch or positive buzz is as
 * loud but positive or neutral, with its own hashtag and influencer: the engine must not call those crises.
 */
export function generateScenario(spec: ScenarioSpec): GeneratedScenario {
  const random = seededRandom(spec.seed);
  const texts = SCENARIO_TEXTS[spec.language];
  const hashtag = `#${spec.kind === 'crisis' ? (spec.language === 'fr' ? 'Fuite' : 'Breach') : spec.kind === 'campaignLaunch' ? 'Offre' : 'Merci'}${capitalised(spec.brand)}`;
  const end = spec.start + spec.days * 24 * HOUR_MS;
  const event = spec.kind === 'calm' ? null : { start: spec.start + spec.onsetOffsetMs, end: spec.start + spec.onsetOffsetMs + spec.durationHours * HOUR_MS };
  const mentions: MentionInput[] = [];
  let serial = 0;

  const fill = (template: string) =>
    template
      .replaceAll('{b}', spec.brand)
      .replaceAll('{c}', pick(texts.cities, random))
      .replaceAll('{h}', hashtag)
      .replaceAll('{n}', String(2 + Math.floor(random() * 20)));

  const push = (t: number, text: string, author: { handle: string; audience: number; kind: MentionInput['author']['kind'] }) => {
    serial += 1;
    mentions.push({
      externalId: `${spec.kind}-${spec.seed}-${serial}`,
      author: { handle: author.handle, displayName: author.handle, audience: author.audience, kind: author.kind },
      text,
      language: spec.language,
      publishedAt: new Date(t).toISOString(),
      engagement: {},
      sourceName: 'scenario',
    });
  };
  const ordinaryAuthor = () => ({ handle: `user${Math.floor(random() * 5000)}`, audience: Math.floor(50 + random() * 2000), kind: 'public' as const });

  for (let minute = spec.start; minute < end; minute += MINUTE_MS) {
    const inEvent = event !== null && minute >= event.start && minute < event.end;
    // The event ramps up over its first hour, as real surges do.
    const ramp = inEvent ? Math.min(1, (minute - event.start) / HOUR_MS + 0.25) : 0;
    const base = (spec.peakPerHour / 60) * seasonal(minute);
    const extra = inEvent ? base * (spec.multiplier - 1) * ramp + (spec.peakPerHour / 60) * 0.5 * ramp : 0;
    const ordinary = poisson(base, random);
    for (let k = 0; k < ordinary; k += 1) {
      const r = random();
      const pool = r < 0.15 ? texts.negative : r < 0.4 ? texts.positive : texts.neutral;
      push(minute + Math.floor(random() * MINUTE_MS), fill(pick(pool, random)), ordinaryAuthor());
    }
    const surplus = poisson(extra, random);
    for (let k = 0; k < surplus; k += 1) {
      const pool =
        spec.kind === 'crisis' ? (random() < 0.8 ? texts.crisis : texts.negative) : spec.kind === 'campaignLaunch' ? texts.campaign : texts.buzz;
      push(minute + Math.floor(random() * MINUTE_MS), fill(pick(pool, random)), ordinaryAuthor());
    }
    if (event && minute === event.start + 20 * MINUTE_MS) {
      const star = spec.kind === 'crisis'
        ? { handle: spec.language === 'fr' ? 'Claire Martin (Le Temps)' : 'Jane Doe (The Herald)', audience: 250_000, kind: 'journalist' as const }
        : { handle: spec.language === 'fr' ? 'Léa Influence' : 'Sam Trends', audience: 400_000, kind: 'influencer' as const };
      const pool = spec.kind === 'crisis' ? texts.crisis : spec.kind === 'campaignLaunch' ? texts.campaign : texts.buzz;
      push(minute + 30_000, fill(pick(pool, random)), star);
    }
  }
  mentions.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  return { spec, mentions, onset: spec.kind === 'crisis' && event ? event.start : null, event };
}

/** The standard suite: FR and EN crises from ×3 to ×20, and calm counter-examples. */
export function standardSuite(start = Date.UTC(2026, 0, 5)): ScenarioSpec[] {
  const specs: ScenarioSpec[] = [];
  const day = 24 * HOUR_MS;
  const common = { start, days: 9, durationHours: 6 };
  let seed = 1;
  for (const language of ['fr', 'en'] as const) {
    const brand = language === 'fr' ? 'Banque Léman' : 'Harbor Bank';
    for (const [multiplier, peakPerHour, hour] of [[3, 60, 10], [5, 30, 15], [10, 20, 21], [20, 40, 8]] as const) {
      specs.push({ ...common, seed: seed++, kind: 'crisis', language, brand, peakPerHour, multiplier, onsetOffsetMs: 8 * day + hour * HOUR_MS });
    }
    specs.push({ ...common, seed: seed++, kind: 'campaignLaunch', language, brand, peakPerHour: 40, multiplier: 5, onsetOffsetMs: 8 * day + 9 * HOUR_MS });
    specs.push({ ...common, seed: seed++, kind: 'positiveBuzz', language, brand, peakPerHour: 30, multiplier: 8, onsetOffsetMs: 8 * day + 14 * HOUR_MS });
    specs.push({ ...common, seed: seed++, kind: 'calm', language, brand, peakPerHour: 50, multiplier: 1, onsetOffsetMs: 0 });
  }
  return specs;
}
