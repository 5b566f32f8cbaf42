/**
 * How the engine's terms read in the posts that carry them. The engine counts and matches accent-free,
 * lower-case keys ("donnees", "#helvetialeak"); people are shown the form the posts use most ("données",
 * "#HelvetiaLeak"), and words that travel together ("fuite", "donnees") as the phrase they form
 * ("fuite de données").
 */
import { foldAccents } from '../../tone';

/** Words and hashtags, as tokenize() cuts them (apostrophes split words; links and @handles are not words). */
const WORD = /(https?:\/\/\S+)|(@[\p{L}\p{N}_.]+)|#[\p{L}\p{N}_]+|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const normalise = (text: string): string => text.replace(/[\u2019\u2018`´]/g, "'");
/** Short words that may sit inside a phrase without being terms themselves: "fuite de données", "leak of data". */
const LINK = /^[\p{L}]{1,3}$/u;
const MAX_PHRASE_WORDS = 3;
/** A phrase stands for its words when at least this share of the posts carrying each of them use it. */
const PHRASE_SHARE = 0.5;

interface Token {
  key: string;
  written: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...normalise(text).matchAll(WORD)].flatMap((m) => {
    if (m[1] || m[2]) return [];
    const raw = m[0];
    // Hashtags keep their capitals (#HelvetiaLeak); words are shown in lower case whatever the sentence did to them.
    const written = raw.startsWith('#') ? raw : raw.toLowerCase();
    return [{ key: foldAccents(raw.toLowerCase()), written, start: m.index, end: m.index + raw.length }];
  });
}

function mostFrequent(forms: Map<string, number>): string {
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

function tally(map: Map<string, Map<string, number>>, key: string, written: string): void {
  const forms = map.get(key) ?? new Map<string, number>();
  forms.set(written, (forms.get(written) ?? 0) + 1);
  map.set(key, forms);
}

/** The most frequent written form of each wanted key in these texts; keys never seen are left out. */
export function writtenForms(texts: Iterable<string>, wanted: ReadonlySet<string>): Map<string, string> {
  const seen = new Map<string, Map<string, number>>();
  for (const text of texts) for (const t of tokens(text)) if (wanted.has(t.key)) tally(seen, t.key, t.written);
  return new Map([...seen].map(([key, forms]) => [key, mostFrequent(forms)]));
}

/** Counted terms (by key) as the texts write them; a key the texts never show stays as it is. */
export function shownAsWritten<T extends { term: string }>(terms: readonly T[], texts: Iterable<string>): T[] {
  const forms = writtenForms(texts, new Set(terms.map((t) => t.term)));
  return terms.map((t) => ({ ...t, term: forms.get(t.term) ?? t.term }));
}

export interface ShownTerm {
  /** What people read: a written word, hashtag or phrase. */
  shown: string;
  /** The engine's keys it stands for, in the order given. */
  keys: string[];
}

/**
 * The keys (most important first) as people should read them: runs of two or three words that the posts
 * write as one phrase (adjacent, or joined by a short word), in at least half of the posts carrying each of
 * them, become that phrase; the others their written form.
 */
export function shownTerms(texts: readonly string[], keys: readonly string[]): ShownTerm[] {
  const wanted = new Set(keys);
  const forms = new Map<string, Map<string, number>>();
  const phrases = new Map<string, { keys: string[]; posts: number; forms: Map<string, number> }>();
  const postsWith = new Map<string, number>();
  for (const text of texts) {
    const list = tokens(text);
    const plain = normalise(text);
    const inPost = new Set<string>();
    const phrasesInPost = new Set<string>();
    list.forEach((t, i) => {
      if (!wanted.has(t.key)) return;
      tally(forms, t.key, t.written);
      inPost.add(t.key);
      // A hashtag is a unit of its own, never part of a phrase.
      for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= list.length; n += 1) {
        const span = list.slice(i, i + n);
        const last = span[n - 1]!;
        if (!wanted.has(last.key) || span.some((s) => s.key.startsWith('#'))) continue;
        const joined = span.every((s, j) => j === 0 || /^\s+$/.test(plain.slice(span[j - 1]!.end, s.start)));
        const middleOk = span.slice(1, -1).every((s) => wanted.has(s.key) || LINK.test(s.key));
        if (!joined || !middleOk) continue;
        const key = span.map((s) => s.key).join(' ');
        const entry = phrases.get(key) ?? { keys: span.map((s) => s.key).filter((k) => wanted.has(k)), posts: 0, forms: new Map<string, number>() };
        if (!phrasesInPost.has(key)) entry.posts += 1;
        phrasesInPost.add(key);
        const written = span.map((s) => s.written).join(' ');
        entry.forms.set(written, (entry.forms.get(written) ?? 0) + 1);
        phrases.set(key, entry);
      }
    });
    for (const key of inPost) postsWith.set(key, (postsWith.get(key) ?? 0) + 1);
  }
  const used = new Set<string>();
  const shown: ShownTerm[] = [];
  for (const key of keys) {
    if (used.has(key)) continue;
    const phrase = [...phrases.values()]
      .filter((p) => p.keys.includes(key) && p.keys.every((k) => !used.has(k)) && p.posts >= 2 && p.keys.every((k) => p.posts >= PHRASE_SHARE * (postsWith.get(k) ?? 0)))
      .sort((a, b) => b.posts - a.posts || b.keys.length - a.keys.length)[0];
    if (phrase) {
      for (const k of phrase.keys) used.add(k);
      shown.push({ shown: mostFrequent(phrase.forms), keys: phrase.keys });
    } else {
      used.add(key);
      const written = forms.get(key);
      shown.push({ shown: written ? mostFrequent(written) : key, keys: [key] });
    }
  }
  return shown;
}
