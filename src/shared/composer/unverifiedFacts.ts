// Spots a draft that states as fact what the crisis log still marks "to verify" or "being verified".
import { foldAccents } from './foldText';

export interface UnverifiedFact {
  readonly id: string;
  readonly text: string;
}

// Short grammatical words carry no fact; without this list every entry would "match" every draft.
const STOPWORDS = new Set(
  (
    'the and that this with from have has been were was are for not but they their there about into over after ' +
    'before would could should will which what when where while than then them these those also more most some ' +
    'les des une dans pour par sur avec sont est ont pas qui que quoi dont mais plus nous vous leur leurs ces cette ' +
    'ete etre avoir fait selon apres avant entre chez sans sous tres tout tous toute toutes deux elle elles ils aux'
  ).split(' '),
);

/** Content words of a text: folded, lower case, 4+ letters or any token with a digit (counts, dates, amounts). */
export function contentWords(text: string): Set<string> {
  const words = foldAccents(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => (w.length >= 4 || /\d/.test(w)) && !STOPWORDS.has(w)));
}

/**
 * A fact is echoed when the draft contains most of its content words (at least two, and 60 % of them):
 * loose enough to survive rewording around the key terms, strict enough not to fire on a shared topic word.
 */
export function findUnverifiedFacts(draft: string, facts: readonly UnverifiedFact[]): UnverifiedFact[] {
  if (facts.length === 0) return [];
  const draftWords = contentWords(draft);
  return facts.filter((fact) => {
    const words = contentWords(fact.text);
    if (words.size === 0) return false;
    let shared = 0;
    for (const w of words) if (draftWords.has(w)) shared += 1;
    return shared >= Math.min(2, words.size) && shared / words.size >= 0.6;
  });
}
