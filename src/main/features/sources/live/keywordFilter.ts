// Jetstream carries every public post: the words of the source's query are matched locally. Every term must be
// present (quoted phrases as a whole), ignoring case and accents, like a search box.
import { foldText } from '../../../platform/text/foldText';

export function compileKeywords(query: string): (text: string) => boolean {
  const terms: string[] = [];
  for (const match of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = foldText((match[1] ?? match[2] ?? '').trim());
    if (term) terms.push(term);
  }
  if (terms.length === 0) return () => false;
  return (text) => {
    const folded = foldText(text);
    return terms.every((term) => folded.includes(term));
  };
}
