// Reads what agencies write about a post beyond its text: their sentiment (words in FR/EN or a signed score),
// the account type, the verified flag and the hashtags, in the forms Brandwatch, Meltwater and Talkwalker use.
import type { AuthorKind } from '../../../shared/domain/mention';

type Tone = 'negative' | 'neutral' | 'positive';

const fold = (raw: string): string =>
  raw
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

const TONES: Readonly<Record<string, Tone>> = {
  negative: 'negative', negatif: 'negative', negativ: 'negative', neg: 'negative',
  neutral: 'neutral', neutre: 'neutral', neu: 'neutral', 'not rated': 'neutral',
  positive: 'positive', positif: 'positive', positiv: 'positive', pos: 'positive',
};

/** Undefined for an empty cell or a label we cannot place ("mixed"): the row keeps only our tone. */
export function parseSentiment(raw: string): Tone | undefined {
  const value = fold(raw);
  if (!value) return undefined;
  const word = TONES[value];
  if (word) return word;
  // Talkwalker and some APIs write a signed score (-5…5 or -1…1).
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(value)) {
    const score = Number(value.replace(',', '.'));
    return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
  }
  return undefined;
}

const KINDS: readonly [RegExp, AuthorKind][] = [
  [/journalist|journaliste|reporter|redacteur|editor|press|presse/, 'journalist'],
  [/politic|politique|elu|deput|minist|senat/, 'politician'],
  [/media|news|publisher|outlet|editeur|journal/, 'media'],
  [/influenc/, 'influencer'],
  [/employee|employe|staff|collaborat/, 'employee'],
  [/individual|individu|person|particulier|public|citizen|citoyen/, 'public'],
];

export function parseAccountType(raw: string): AuthorKind {
  const value = fold(raw);
  if (!value) return 'unknown';
  return KINDS.find(([pattern]) => pattern.test(value))?.[1] ?? 'unknown';
}

const YES = new Set(['true', 'yes', 'oui', 'y', 'o', '1', 'x', 'verified', 'verifie', 'vrai']);
const NO = new Set(['false', 'no', 'non', 'n', '0', 'unverified', 'non verifie', 'faux']);

export function parseVerified(raw: string): boolean | undefined {
  const value = fold(raw);
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return undefined;
}

const TAG = /^[\p{L}\p{N}_]{1,139}$/u;

/** "#a, #b", "a;b" or "#a #b" → ['#a', '#b'], each once, odd tokens dropped. */
export function parseHashtags(raw: string): string[] | undefined {
  const tags = new Map<string, string>();
  for (const token of raw.split(/[\s,;|]+/)) {
    const tag = token.replace(/^#+/, '').normalize('NFC');
    if (TAG.test(tag) && !tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), `#${tag}`);
  }
  return tags.size > 0 ? [...tags.values()].slice(0, 100) : undefined;
}
