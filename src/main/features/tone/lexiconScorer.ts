import type { ToneClass } from '../../../shared/domain/storedMention';
import type { Lexicon } from './lexicon';
import { foldAccents, tokenize, type TextToken } from './textTokens';
import { elongationForms, hashtagWords } from './wordForms';

export interface LexiconTone {
  toneClass: ToneClass;
  /** Compound score in [−1, 1] (VADER-style normalisation of the summed valence). */
  score: number;
  positive: number;
  negative: number;
  hits: number;
  /** Crisis-vocabulary terms found, as written in the lexicon. */
  crisisTerms: string[];
}

const NEGATION_SPAN = 3;
/** Capitals and stretched letters ("NUL", "nuuul") both mark a word said with more force (Brody & Diakopoulos 2011). */
const EMPHASIS_BOOST = 1.3;
const NEGATED_WEIGHT = 0.75;
const CONTRAST_DISCOUNT = 0.5;
const NORMALISER = 15;

/** What the scorer walks over: words (a hashtag counts as the words it runs together), emojis, emoticons, stops. */
interface Unit {
  text: string;
  folded: string;
  kind: 'word' | 'symbol' | 'break' | 'pause' | 'skip';
  emphasised: boolean;
}

/** Negators are left out: a stretched "noooo" or "nooon" is an exclamation, not a negation with a scope. */
function known(lexicon: Lexicon, word: string): boolean {
  if (lexicon.negators.has(word)) return false;
  const folded = foldAccents(word);
  return (
    lexicon.scores.has(word) ||
    lexicon.foldedScores.has(folded) ||
    lexicon.modifiers.has(word) ||
    lexicon.contrast.has(word) ||
    lexicon.crisis.has(word) ||
    lexicon.foldedCrisis.has(folded)
  );
}

function word(text: string, emphasised: boolean): Unit {
  return { text, folded: foldAccents(text), kind: 'word', emphasised };
}

/**
 * Tokens as the scorer reads them: an elongated word becomes the first of its dictionary forms the lexicon knows
 * ("trooop" → "trop"); a hashtag the lexicon knows whole stays one word (#boycott), any other is read as the words
 * it runs together (#HelvetiaLeak → helvetia leak), so crisis phrases match across them (#FuiteDeDonnées).
 */
function units(tokens: TextToken[], lexicon: Lexicon): Unit[] {
  const out: Unit[] = [];
  for (const t of tokens) {
    if (t.kind === 'break' || t.kind === 'pause') out.push({ text: t.text, folded: t.folded, kind: t.kind, emphasised: false });
    else if (t.kind === 'emoji' || t.kind === 'emoticon') out.push({ text: t.text, folded: t.folded, kind: 'symbol', emphasised: false });
    else if (t.kind === 'word') {
      const forms = elongationForms(t.text);
      const text = forms ? (forms.find((f) => known(lexicon, f)) ?? t.text) : t.text;
      out.push(word(text, t.shouted || forms !== null));
    } else if (t.kind === 'hashtag') {
      const body = t.text.slice(1);
      if (known(lexicon, body)) out.push(word(body, false));
      else for (const w of hashtagWords(t.raw.slice(1))) out.push(word(w, false));
    } else out.push({ text: t.text, folded: t.folded, kind: 'skip', emphasised: false });
  }
  return out;
}

function phraseKey(list: Unit[], from: number, words: number, folded: boolean): string | null {
  const parts: string[] = [];
  for (let k = from; k < from + words; k += 1) {
    const u = list[k];
    if (!u || (u.kind !== 'word' && u.kind !== 'symbol')) return null;
    parts.push(folded ? u.folded : u.text);
  }
  return parts.join(' ');
}

function inflectedScore(word: string, lexicon: Lexicon): number | undefined {
  for (const form of lexicon.baseForms(word)) {
    const score = lexicon.scores.get(form) ?? lexicon.foldedScores.get(foldAccents(form));
    if (score !== undefined) return score;
  }
  return undefined;
}

/** Whether the post carries an explicit irony marker (#ironie, #sarcasme, 🙃…), read before hashtags are split. */
function ironic(tokens: TextToken[], lexicon: Lexicon): boolean {
  return tokens.some((t) => lexicon.irony.has(t.text) || lexicon.irony.has(t.folded));
}

/**
 * Lexicon tone with negation ("pas terrible", "not good") whose reach ends at the clause (comma, full stop,
 * "mais"), restrictive "ne … que" and set phrases that only look negative ("sans doute", "pas mal de"),
 * intensifiers and diminishers ("très", "a bit"), contrast ("…, but"), emphasis (capitals, stretched letters),
 * emojis and emoticons, hashtags read as words, multi-word phrases ("fuite de données"), and explicit irony
 * markers, under which the post's positive words count as negative ("Super service #ironie").
 */
export function scoreWithLexicon(text: string, lexicon: Lexicon): LexiconTone {
  const tokens = tokenize(text);
  const list = units(tokens, lexicon);
  let positive = 0;
  let negative = 0;
  let hits = 0;
  let negationLeft = 0;
  /** A clitic "ne"/"n'" opened the negation and nothing stronger ("pas", "jamais") followed yet. */
  let cliticOnly = false;
  let multiplier = 1;
  const crisisTerms = new Set<string>();

  for (let i = 0; i < list.length; ) {
    const unit = list[i]!;
    if (unit.kind === 'break' || unit.kind === 'pause') {
      negationLeft = 0;
      if (unit.kind === 'break') multiplier = 1;
      i += 1;
      continue;
    }
    if (unit.kind === 'skip') {
      i += 1;
      continue;
    }
    let matched = 0;
    for (let words = lexicon.maxPhraseWords; words >= 1 && matched === 0; words -= 1) {
      const key = phraseKey(list, i, words, false);
      if (key === null) continue;
      const folded = phraseKey(list, i, words, true)!;
      const crisisTerm = lexicon.crisis.has(key) ? key : lexicon.foldedCrisis.get(folded);
      if (crisisTerm !== undefined) crisisTerms.add(crisisTerm);
      if (lexicon.notNegations.has(key) || lexicon.notNegations.has(folded)) {
        matched = words;
        break;
      }
      if (words === 1 && negationLeft > 0 && cliticOnly && lexicon.restrictiveCloses.has(key)) {
        negationLeft = 0;
        matched = 1;
        break;
      }
      if (words === 1 && lexicon.negators.has(key)) {
        cliticOnly = lexicon.restrictiveOpens.has(key);
        negationLeft = NEGATION_SPAN + 1;
        matched = 1;
        break;
      }
      if (words === 1 && lexicon.contrast.has(key)) {
        positive *= CONTRAST_DISCOUNT;
        negative *= CONTRAST_DISCOUNT;
        negationLeft = 0;
        matched = 1;
        break;
      }
      const modifier = lexicon.modifiers.get(key);
      if (modifier !== undefined) {
        multiplier *= modifier;
        matched = words;
        break;
      }
      const score = lexicon.scores.get(key) ?? lexicon.foldedScores.get(folded) ?? (words === 1 ? inflectedScore(key, lexicon) : undefined);
      if (score === undefined) continue;
      let value = score * multiplier * (unit.emphasised ? EMPHASIS_BOOST : 1);
      if (negationLeft > 0) value = -value * NEGATED_WEIGHT;
      if (value > 0) positive += value;
      else negative -= value;
      hits += 1;
      multiplier = 1;
      matched = words;
    }
    if (matched === 0) {
      matched = 1;
      // A modifier only reaches the next word or two.
      if (multiplier !== 1 && unit.kind === 'word') multiplier = 1 + (multiplier - 1) * 0.5;
    }
    negationLeft = Math.max(0, negationLeft - matched);
    i += matched;
  }

  if (ironic(tokens, lexicon) && positive > 0) {
    negative += positive;
    positive = 0;
  }
  const total = positive - negative;
  const score = total / Math.sqrt(total * total + NORMALISER);
  const toneClass: ToneClass = total > 0 ? 'positive' : total < 0 ? 'negative' : 'neutral';
  return { toneClass, score, positive, negative, hits, crisisTerms: [...crisisTerms] };
}
