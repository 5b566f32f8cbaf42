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

/** Whether a hashtag's body is only ignored words run together (`#banqueleman` for a watch on "Banque Léman"). */
function onlyIgnoredWords(body: string, ignored: ReadonlySet<string>): boolean {
  if (body === '' || ignored.size === 0) return false;
  // reachable[i]: body[0, i) splits into ignored words.
  const reachable = new Array<boolean>(body.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < body.length; i += 1) {
    if (!reachable[i]) continue;
    for (let j = i + 1; j <= body.length; j += 1) if (ignored.has(body.slice(i, j))) reachable[j] = true;
  }
  return reachable[body.length]!;
}

/**
 * Candidate top and emerging terms of a post: its hashtags and its content words of four letters or more, minus
 * the watch's own words (its name — the brand — and its keywords, accent-free, with their plurals in s or x),
 * which are in every mention of the watch and say nothing new, and minus hashtags made only of those words. A hashtag that adds to them
 * (`#fuiteleman`) stays: that is what a crisis looks like.
 */
export function extractTerms(text: string, ignored: ReadonlySet<string> = new Set()): string[] {
  const terms = new Set<string>();
  for (const t of tokenize(text)) {
    if (ignored.has(t.folded) || (/[sx]$/.test(t.folded) && ignored.has(t.folded.slice(0, -1)))) continue;
    if (t.kind === 'hashtag' && onlyIgnoredWords(t.folded.slice(1), ignored)) continue;
    if (t.kind === 'hashtag' && t.folded.length > 2) terms.add(t.folded);
    else if (t.kind === 'word' && t.folded.length >= 4 && !STOPWORDS.has(t.folded) && !/^\d+$/.test(t.folded)) terms.add(t.folded);
  }
  return [...terms];
}

/** Accent-free words of a watch's name and keywords. */
export function keywordWords(keywords: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const k of keywords) for (const t of tokenize(k)) if (t.kind === 'word' || t.kind === 'hashtag') words.add(t.folded);
  return words;
}
