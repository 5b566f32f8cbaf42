// Turns what a person types into a safe FTS5 query: every word must match, as a prefix, accents ignored.
export function toFtsQuery(text: string): string | undefined {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  // Quoting each word makes FTS5 operators (AND, NEAR, *, :) plain text; the trailing * allows prefixes.
  return words.length === 0 ? undefined : words.map((w) => `"${w}"*`).join(' ');
}
