// How social-media spelling departs from the dictionary, undone before a word is looked up in the lexicon.

/** Three or more of the same letter in a row: "trooop", "nuuul", "génialllll". */
const ELONGATION = /(\p{L})\1{2,}/gu;
const ELONGATED = /(\p{L})\1{2,}/u;

/**
 * Dictionary candidates of an elongated word, most likely first: French and English double consonants are
 * common ("belle", "good") and never tripled, so a run is first read as two letters, then as one
 * ("trooop" → "troop", then "trop"). Null when the word is not elongated.
 */
export function elongationForms(word: string): [string, string] | null {
  if (!ELONGATED.test(word)) return null;
  return [word.replace(ELONGATION, '$1$1'), word.replace(ELONGATION, '$1')];
}

/**
 * The words run together in a hashtag's body: `HelvetiaLeak` → helvetia leak, `fuite_de_données` → fuite de
 * données, `COVID19Scandale` → covid 19 scandale, `BNPScandale` → bnp scandale. Splits on underscores,
 * lower-to-upper case changes, the last capital of an acronym before a capitalised word, and letter–digit changes;
 * an all-lower-case body stays one word (no dictionary guesses where people wrote no boundary).
 */
export function hashtagWords(body: string): string[] {
  return body
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}
