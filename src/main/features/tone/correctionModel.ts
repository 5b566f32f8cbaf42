// The workspace's local tone model as trained from the analysts' corrections, shared by the product and eval:tone.
import type { ToneClass } from '../../../shared/domain/storedMention';
import { hashedFeatures, type SparseVector } from './hashedFeatures';
import type { Lexicon } from './lexicon';
import { scoreWithLexicon, type LexiconTone } from './lexiconScorer';
import { TONE_CLASSES, TONE_MODEL_BUCKETS, ToneModel } from './toneModel';

/** A model trained on fewer corrections, or missing a class, would be worse than the lexicon. */
export const MIN_CORRECTIONS = 30;
const MIN_PER_CLASS = 5;

export interface ToneFeatures {
  lexicon: LexiconTone;
  features: SparseVector;
}

export function toneFeatures(text: string, lexicon: Lexicon): ToneFeatures {
  const tone = scoreWithLexicon(text, lexicon);
  return { lexicon: tone, features: hashedFeatures(text, lexicon.language, tone, TONE_MODEL_BUCKETS) };
}

/** The model trained on these corrections, or null while they are too few or miss a class. */
export function modelFromCorrections(
  examples: ReadonlyArray<{ features: SparseVector; label: ToneClass }>,
): { model: ToneModel; perClass: number[] } | null {
  if (examples.length < MIN_CORRECTIONS) return null;
  const perClass = TONE_CLASSES.map((c) => examples.filter((e) => e.label === c).length);
  if (perClass.some((n) => n < MIN_PER_CLASS)) return null;
  return { model: ToneModel.train(examples, TONE_MODEL_BUCKETS), perClass };
}
