import { foldAccents, tokenize } from '../../tone';

/** Finds crisis-vocabulary terms (single words or phrases), ignoring case, accents and a leading '#'. */
export class VocabularyMatcher {
  private readonly terms = new Map<string, string>();
  private readonly maxWords: number;

  constructor(terms: Iterable<string>) {
    let maxWords = 1;
    for (const term of terms) {
      const key = tokenize(term)
        .filter((t) => t.kind !== 'break')
        .map((t) => (t.kind === 'hashtag' ? t.folded.slice(1) : t.folded))
        .join(' ');
      if (key === '') continue;
      if (!this.terms.has(key)) this.terms.set(key, term.trim().toLowerCase());
      maxWords = Math.max(maxWords, key.split(' ').length);
    }
    this.maxWords = Math.min(maxWords, 5);
  }

  match(text: string): string[] {
    const words = tokenize(text)
      .filter((t) => t.kind === 'word' || t.kind === 'hashtag')
      .map((t) => (t.kind === 'hashtag' ? t.folded.slice(1) : t.folded));
    const found = new Set<string>();
    for (let i = 0; i < words.length; i += 1) {
      for (let n = 1; n <= this.maxWords && i + n <= words.length; n += 1) {
        const hit = this.terms.get(words.slice(i, i + n).join(' '));
        if (hit) found.add(hit);
      }
    }
    return [...found];
  }
}

const STOPWORDS = new Set(
  foldAccents(
    `avec dans pour plus mais sont cette comme tout tous toute leur leurs nous vous elle elles ils aussi encore être avoir
     fait faire chez sans sous entre depuis avant après très bien peut alors donc quand dont même autre autres votre notre
     this that with from have what when will your they them their there been were just about would could should than then
     into more some only also over very after before because which while where here http https amp`,
  ).split(/\s+/),
);

/**
 * Candidate emerging terms of a post: its hashtags and its content words of four letters or more, minus the
 * watch's own keywords (accent-free), which are in every mention of the watch and say nothing new.
 */
export function extractTerms(text: string, ignored: ReadonlySet<string> = new Set()): string[] {
  const terms = new Set<string>();
  for (const t of tokenize(text)) {
    if (ignored.has(t.folded)) continue;
    if (t.kind === 'hashtag' && t.folded.length > 2) terms.add(t.folded);
    else if (t.kind === 'word' && t.folded.length >= 4 && !STOPWORDS.has(t.folded) && !/^\d+$/.test(t.folded)) terms.add(t.folded);
  }
  return [...terms];
}

/**
 * How the wanted accent-free terms are most often written in these texts (lowercase), so an explanation shows
 * "données", not the "donnees" it counted by.
 */
export function surfaceForms(texts: Iterable<string>, wanted: ReadonlySet<string>): Map<string, string> {
  const seen = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const t of tokenize(text)) {
      if (!wanted.has(t.folded)) continue;
      const forms = seen.get(t.folded) ?? new Map<string, number>();
      const form = t.text.toLowerCase();
      forms.set(form, (forms.get(form) ?? 0) + 1);
      seen.set(t.folded, forms);
    }
  }
  const best = new Map<string, string>();
  for (const [folded, forms] of seen) best.set(folded, [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  return best;
}

/** Accent-free words of a watch's name and keywords. */
export function keywordWords(keywords: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const k of keywords) for (const t of tokenize(k)) if (t.kind === 'word' || t.kind === 'hashtag') words.add(t.folded);
  return words;
}
