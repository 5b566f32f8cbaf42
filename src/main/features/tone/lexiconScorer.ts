import type { ToneClass } from '../../../shared/domain/storedMention';
import type { Lexicon } from './lexicon';
import { tokenize, type TextToken } from './textTokens';

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
const SHOUT_BOOST = 1.3;
const NEGATED_WEIGHT = 0.75;
const CONTRAST_DISCOUNT = 0.5;
const NORMALISER = 15;

function isScorable(t: TextToken): boolean {
  return t.kind === 'word' || t.kind === 'emoji' || t.kind === 'emoticon' || t.kind === 'hashtag';
}

function phraseKey(tokens: TextToken[], from: number, words: number, folded: boolean): string | null {
  const parts: string[] = [];
  for (let k = from; k < from + words; k += 1) {
    const t = tokens[k];
    if (!t || !isScorable(t)) return null;
    const text = folded ? t.folded : t.text;
    parts.push(t.kind === 'hashtag' ? text.slice(1) : text);
  }
  return parts.join(' ');
}

/**
 * Lexicon tone with negation ("pas terrible", "not good"), intensifiers and diminishers ("très", "a bit"),
 * contrast ("…, but"), shouting in capitals, emojis and emoticons, and multi-word phrases ("fuite de données").
 */
export function scoreWithLexicon(text: string, lexicon: Lexicon): LexiconTone {
  const tokens = tokenize(text);
  let positive = 0;
  let negative = 0;
  let hits = 0;
  let negationLeft = 0;
  let multiplier = 1;
  const crisisTerms = new Set<string>();

  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token.kind === 'break') {
      negationLeft = 0;
      multiplier = 1;
      i += 1;
      continue;
    }
    if (!isScorable(token)) {
      i += 1;
      continue;
    }
    let matched = 0;
    for (let words = lexicon.maxPhraseWords; words >= 1 && matched === 0; words -= 1) {
      const key = phraseKey(tokens, i, words, false);
      if (key === null) continue;
      const folded = phraseKey(tokens, i, words, true)!;
      const crisisTerm = lexicon.crisis.has(key) ? key : lexicon.foldedCrisis.get(folded);
      if (crisisTerm !== undefined) crisisTerms.add(crisisTerm);
      if (words === 1 && lexicon.negators.has(key)) {
        negationLeft = NEGATION_SPAN + 1;
        matched = 1;
        break;
      }
      if (words === 1 && lexicon.contrast.has(key)) {
        positive *= CONTRAST_DISCOUNT;
        negative *= CONTRAST_DISCOUNT;
        matched = 1;
        break;
      }
      const modifier = lexicon.modifiers.get(key);
      if (modifier !== undefined) {
        multiplier *= modifier;
        matched = words;
        break;
      }
      const score = lexicon.scores.get(key) ?? lexicon.foldedScores.get(folded);
      if (score === undefined) continue;
      let value = score * multiplier * (token.shouted ? SHOUT_BOOST : 1);
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
      if (multiplier !== 1 && token.kind === 'word') multiplier = 1 + (multiplier - 1) * 0.5;
    }
    negationLeft = Math.max(0, negationLeft - matched);
    i += matched;
  }

  const total = positive - negative;
  const score = total / Math.sqrt(total * total + NORMALISER);
  const toneClass: ToneClass = total > 0 ? 'positive' : total < 0 ? 'negative' : 'neutral';
  return { toneClass, score, positive, negative, hits, crisisTerms: [...crisisTerms] };
}
