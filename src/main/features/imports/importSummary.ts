// What an import found, for its summary: rows per watch, the rows no watch took (the first ones in the progress, all
// of them page by page), the period the file covers, and how often the agency's sentiment agrees with our tone.
import type { ImportProgress } from '../../../shared/domain/fileImport';
import type { MentionInput } from '../../../shared/domain/mention';

const MAX_LISTED_UNMATCHED = 200;
const EXCERPT_CHARS = 200;

type Figures = Pick<ImportProgress, 'watchMatches' | 'unmatched' | 'unmatchedRows' | 'period' | 'sentiment'>;

export class ImportSummary {
  readonly #perWatch = new Map<number, number>();
  readonly #unmatchedRows: { line: number; excerpt: string }[] = [];
  #unmatched = 0;
  #from: string | undefined;
  #to: string | undefined;
  #compared = 0;
  #agreed = 0;

  add(mention: MentionInput, line: number, watchIds: readonly number[], tone: string | null): void {
    for (const id of watchIds) this.#perWatch.set(id, (this.#perWatch.get(id) ?? 0) + 1);
    if (watchIds.length === 0) {
      this.#unmatched++;
      this.#unmatchedRows.push({ line, excerpt: excerpt(mention.title ? `${mention.title} — ${mention.text}` : mention.text) });
    }
    // ISO UTC strings of one form sort as their instants.
    if (this.#from === undefined || mention.publishedAt < this.#from) this.#from = mention.publishedAt;
    if (this.#to === undefined || mention.publishedAt > this.#to) this.#to = mention.publishedAt;
    if (mention.agencyTone && tone) {
      this.#compared++;
      if (mention.agencyTone === tone) this.#agreed++;
    }
  }

  figures(): Figures {
    return {
      watchMatches: [...this.#perWatch].map(([watchId, rows]) => ({ watchId, rows })).sort((a, b) => b.rows - a.rows || a.watchId - b.watchId),
      unmatched: this.#unmatched,
      unmatchedRows: this.#unmatchedRows.slice(0, MAX_LISTED_UNMATCHED),
      period: this.#from && this.#to ? { from: this.#from, to: this.#to } : undefined,
      sentiment: { compared: this.#compared, agreed: this.#agreed },
    };
  }

  /** Up to `limit` rows no watch took after file line `afterLine`, in file order (rows arrive in it). */
  unmatchedAfter(afterLine: number, limit: number): { rows: { line: number; excerpt: string }[]; nextAfterLine: number | null } {
    const rows = this.#unmatchedRows;
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (rows[mid]!.line <= afterLine) low = mid + 1;
      else high = mid;
    }
    const page = rows.slice(low, low + limit);
    return { rows: page, nextAfterLine: low + limit < rows.length ? page[page.length - 1]!.line : null };
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}
