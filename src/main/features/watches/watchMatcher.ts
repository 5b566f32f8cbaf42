// Decides which watches a mention belongs to: any keyword, no exclusion, an allowed language, source and author.
import type { Watch } from '../../../shared/domain/watch';
import { foldText } from '../../platform/text/foldText';

export interface MatchableMention {
  readonly sourceId: number;
  readonly language: string | null;
  readonly text: string;
  readonly title?: string;
  readonly authorHandle?: string;
}

interface CompiledWatch {
  readonly id: number;
  readonly keywords: RegExp | null;
  readonly exclusions: RegExp | null;
  readonly languages: ReadonlySet<string>;
  readonly sources: ReadonlySet<number>;
  readonly authors: ReadonlySet<string>;
}

/** "@Nadia.B", "nadia.b" and "＠nadia.b " name one account. */
const accountOf = (handle: string): string => foldText(handle).trim().replace(/^[@＠]+/, '');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words only: "acme" does not match "acmeology"; "#acme" and "@acme" still match "acme". */
function termsPattern(terms: readonly string[]): RegExp | null {
  const folded = [...new Set(terms.map((t) => foldText(t).trim()).filter((t) => t.length > 0))];
  if (folded.length === 0) return null;
  const alternatives = folded.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'u');
}

export class WatchMatcher {
  readonly #watches: readonly CompiledWatch[];

  constructor(watches: readonly Watch[]) {
    this.#watches = watches
      .filter((w) => w.enabled)
      .map((w) => ({
        id: w.id,
        keywords: termsPattern(w.keywords),
        exclusions: termsPattern(w.exclusions),
        languages: new Set(w.languages),
        sources: new Set(w.sourceIds),
        authors: new Set((w.authors ?? []).map(accountOf).filter((a) => a.length > 0)),
      }))
      // A watch with neither keywords nor sources would swallow every mention of every source.
      .filter((w) => w.keywords !== null || w.sources.size > 0 || w.authors.size > 0);
  }

  get size(): number {
    return this.#watches.length;
  }

  match(mention: MatchableMention): number[] {
    if (this.#watches.length === 0) return [];
    let haystack: string | undefined;
    const ids: number[] = [];
    for (const w of this.#watches) {
      if (w.sources.size > 0 && !w.sources.has(mention.sourceId)) continue;
      if (w.languages.size > 0 && mention.language !== null && !w.languages.has(mention.language)) continue;
      if (w.authors.size > 0 && !w.authors.has(accountOf(mention.authorHandle ?? ''))) continue;
      haystack ??= foldText(`${mention.title ?? ''}\n${mention.text}\n${mention.authorHandle ?? ''}`);
      if (w.keywords && !w.keywords.test(haystack)) continue;
      if (w.exclusions?.test(haystack)) continue;
      ids.push(w.id);
    }
    return ids;
  }
}
