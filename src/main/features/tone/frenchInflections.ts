// French nouns, adjectives and verbs inflect for gender, number, person and tense, while a lexicon lists one form
// ("déçu", "détester"). These are the regular inflection rules of French grammar, read backwards: the lexicon
// forms an inflected word may come from, tried only when the word itself is not in the lexicon.

/** Feminine and plural endings of adjectives and nouns → masculine singular (longest endings first). */
const NOMINAL: Array<[string, string]> = [
  ['euses', 'eux'],
  ['euse', 'eux'],
  ['ives', 'if'],
  ['ive', 'if'],
  ['elles', 'el'],
  ['elle', 'el'],
  ['lles', 'l'],
  ['lle', 'l'],
  ['ennes', 'en'],
  ['enne', 'en'],
  ['onnes', 'on'],
  ['onne', 'on'],
  ['ères', 'er'],
  ['ère', 'er'],
  ['ètes', 'et'],
  ['ète', 'et'],
  ['aux', 'al'],
  ['ées', 'é'],
  ['ée', 'é'],
  ['és', 'é'],
  ['es', ''],
  ['s', ''],
  ['x', ''],
  ['e', ''],
];

/** Present, imperfect, future and past-participle endings of first-group verbs → infinitive. */
const VERBAL: Array<[string, string]> = [
  ['eraient', 'er'],
  ['aient', 'er'],
  ['erait', 'er'],
  ['erai', 'er'],
  ['ent', 'er'],
  ['ait', 'er'],
  ['ais', 'er'],
  ['ons', 'er'],
  ['ez', 'er'],
  ['es', 'er'],
  ['e', 'er'],
  ['é', 'er'],
];

/** Candidate lexicon forms of `word`, nearest first; words of three letters or fewer are left alone. */
export function frenchBaseForms(word: string): string[] {
  if (word.length <= 3) return [];
  const forms: string[] = [];
  for (const rules of [NOMINAL, VERBAL]) {
    for (const [ending, base] of rules) {
      if (word.length - ending.length < 3 || !word.endsWith(ending)) continue;
      const form = word.slice(0, word.length - ending.length) + base;
      if (form !== word && !forms.includes(form)) forms.push(form);
    }
  }
  return forms;
}
