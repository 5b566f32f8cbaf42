// The user's search words → a safe FTS5 expression: every word or "quoted phrase" must appear.

const PHRASE_OR_WORD = /"([^"]*)"|(\S+)/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function mentionFtsQuery(input: string | undefined): string | undefined {
  if (!input) return undefined;
  const terms: string[] = [];
  for (const match of input.matchAll(PHRASE_OR_WORD)) {
    // FTS5 operators and punctuation are dropped: only letters and digits reach the MATCH expression.
    const words = (match[1] ?? match[2] ?? '').replace(NOT_WORD, ' ').trim();
    if (words) terms.push(`"${words}"`);
  }
  return terms.length ? terms.slice(0, 32).join(' ') : undefined;
}
