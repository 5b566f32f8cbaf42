// Turns a scripted mention wave into concrete mentions, minute by minute. Each game minute is drawn
// from its own seed, so the same script gives the same mentions however the clock is sped up or jumped.
import type { MentionInput } from '../../../shared/domain/mention';
import type { ScenarioScript, VolumeShape, WaveInject } from '../../../shared/domain/scenarioScript';
import { pick, poisson, seededRandom } from '../../platform/seededRandom';

const MINUTE_MS = 60_000;

/** Relative volume at a point of the wave (0 = start, 1 = end). */
export function shapeAt(shape: VolumeShape, progress: number): number {
  const p = Math.min(1, Math.max(0, progress));
  switch (shape) {
    case 'ramp':
      return 0.15 + 0.85 * p;
    case 'burst':
      return p < 0.2 ? 0.2 + (0.8 * p) / 0.2 : 1 - (0.75 * (p - 0.2)) / 0.8;
    case 'plateau':
      return 1;
    case 'decay':
      return 1 - 0.85 * p;
  }
}

function hashSeed(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const char of parts.join('|')) {
    h ^= char.codePointAt(0) ?? 0;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const FIRST = ['marie', 'luca', 'nina', 'sam', 'julie', 'alex', 'noah', 'emma', 'leo', 'sara', 'tom', 'ines', 'max', 'lea', 'ben'];
const LAST = ['_ch', '_vd', '.ge', '_lausanne', '_fr', '_off', '_news', '75', '_vs', '_1988', '_bzh', '_ldn'];

function fill(phrase: string, values: { brand: string; term: string; hashtag: string }): string {
  return phrase
    .replaceAll('{brand}', values.brand)
    .replaceAll('{term}', values.term)
    .replaceAll('{hashtag}', values.hashtag)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The mentions of one game minute of a wave, stamped in game time from `gameStartMs`. */
export function waveMinute(script: ScenarioScript, wave: WaveInject, minute: number, gameStartMs: number): MentionInput[] {
  const offset = minute - wave.at;
  if (offset < 0 || offset >= wave.durationMinutes) return [];
  const random = seededRandom(hashSeed(script.seed, wave.id, minute));
  const count = poisson(wave.volume.peakPerMinute * shapeAt(wave.volume.shape, offset / wave.durationMinutes), random);
  const mentions: MentionInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const language = random() < wave.frenchShare ? 'fr' : 'en';
    const r = random();
    const tone = r < wave.tone.negative ? 'negative' : r < wave.tone.negative + wave.tone.neutral ? 'neutral' : 'positive';
    const terms = wave.vocabulary[language];
    const text = fill(pick(wave.phrases[tone][language], random), {
      brand: script.brand,
      term: terms.length ? pick(terms, random) : script.brand,
      hashtag: wave.hashtags.length && random() < 0.7 ? pick(wave.hashtags, random) : '',
    });
    // Most authors are small accounts; a few percent reach tens of thousands.
    const audience = random() < 0.04 ? Math.round(10_000 + random() * 90_000) : Math.round(20 + random() * random() * 3000);
    mentions.push({
      externalId: `${script.id}:${wave.id}:${minute}:${i}`,
      author: { handle: `@${pick(FIRST, random)}${pick(LAST, random)}${Math.floor(random() * 100)}`, audience, kind: 'public' },
      text,
      language,
      publishedAt: new Date(gameStartMs + minute * MINUTE_MS + Math.floor(random() * MINUTE_MS)).toISOString(),
      engagement: { likes: Math.floor(random() * random() * 200), shares: Math.floor(random() * random() * 60) },
      sourceName: pick(wave.sources, random),
    });
  }
  return mentions;
}
