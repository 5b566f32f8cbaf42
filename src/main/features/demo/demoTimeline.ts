// The demo's looping scenario: an ordinary day of FR and EN posts about a fictional bank (the detection engine's
// seeded generator), repeated every day in real time, plus a crisis wave every hour — two hours of the generator's
// crisis squeezed into fifteen minutes — so a newcomer sees the level rise within the hour. Deterministic: the
// same instant always yields the same mentions and ids, so a restart or an overlap adds no duplicate.
import type { MentionInput } from '../../../shared/domain/mention';
import { generateScenario, type ScenarioSpec } from '../detection';
import { demoVoice } from './demoVoice';

export const DEMO_BRAND = { fr: 'Banque Lemania', en: 'Lemania Bank' } as const;
export const DEMO_KEYWORD = 'Lemania';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Crisis event in the generated day, and how the wave replays it each hour. */
const EVENT_START_MS = 10 * HOUR_MS;
const EVENT_HOURS = 2;
const WAVE_OFFSET_MS = 20 * MINUTE_MS;
const WAVE_SPEEDUP = 8;

interface Templated {
  /** Offset within the day (ordinary) or within the crisis event (wave). */
  offset: number;
  key: string;
  mention: MentionInput;
}

function template(spec: Omit<ScenarioSpec, 'start' | 'days'>, window: [number, number]): Templated[] {
  const day = generateScenario({ ...spec, start: 0, days: 1 });
  return day.mentions
    .map((mention) => ({ offset: Date.parse(mention.publishedAt), key: mention.externalId, mention }))
    .filter((m) => m.offset >= window[0] && m.offset < window[1])
    .map((m) => ({ ...m, offset: m.offset - window[0] }));
}

export class DemoTimeline {
  readonly #ordinary: Templated[];
  readonly #wave: Templated[];

  constructor() {
    const ordinary = (seed: number, language: 'fr' | 'en', peakPerHour: number) =>
      template({ seed, kind: 'calm', language, brand: DEMO_BRAND[language], peakPerHour, onsetOffsetMs: 0, multiplier: 1, durationHours: 0 }, [0, DAY_MS]);
    const crisis = (seed: number, language: 'fr' | 'en', peakPerHour: number) =>
      template(
        { seed, kind: 'crisis', language, brand: DEMO_BRAND[language], peakPerHour, onsetOffsetMs: EVENT_START_MS, multiplier: 10, durationHours: EVENT_HOURS },
        [EVENT_START_MS, EVENT_START_MS + EVENT_HOURS * HOUR_MS],
      );
    this.#ordinary = [...ordinary(4101, 'fr', 90), ...ordinary(4102, 'en', 60)].sort((a, b) => a.offset - b.offset);
    this.#wave = [...crisis(4201, 'fr', 90), ...crisis(4202, 'en', 60)].sort((a, b) => a.offset - b.offset);
  }

  /** Mentions published in [from, to), ordinary posts and, when `waves`, the hourly crisis waves. */
  between(from: number, to: number, waves: boolean): MentionInput[] {
    const out: Array<{ at: number; mention: MentionInput }> = [];
    for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < to; day += DAY_MS) {
      for (const m of this.#ordinary) {
        const at = day + m.offset;
        if (at >= from && at < to) out.push({ at, mention: this.#place(m, at, `d${day / DAY_MS}`, false) });
      }
    }
    if (waves) {
      for (let hour = Math.floor(from / HOUR_MS) * HOUR_MS; hour < to; hour += HOUR_MS) {
        for (const m of this.#wave) {
          const at = hour + WAVE_OFFSET_MS + Math.floor(m.offset / WAVE_SPEEDUP);
          if (at >= from && at < to) out.push({ at, mention: this.#place(m, at, `w${hour / HOUR_MS}`, true) });
        }
      }
    }
    return out.sort((a, b) => a.at - b.at).map((x) => x.mention);
  }

  #place(m: Templated, at: number, loop: string, wave: boolean): MentionInput {
    const externalId = `demo-${loop}-${m.key}`;
    return { ...demoVoice(m.mention, externalId, wave), externalId, publishedAt: new Date(at).toISOString(), sourceName: 'DEMO' };
  }
}
