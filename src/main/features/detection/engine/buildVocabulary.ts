import type { DetectionSettings } from '../../../../shared/domain/detection';
import type { Lexicon, ToneLanguage } from '../../tone';
import { VocabularyMatcher } from './vocabularyMatcher';

/** The plan's crisis vocabulary for the watch plus the shipped crisis lexicons (resources/tone/crisis.json). */
export function buildVocabulary(settings: DetectionSettings, lexicons: Record<ToneLanguage, Lexicon>): VocabularyMatcher {
  return new VocabularyMatcher([
    ...settings.vocabulary.fr,
    ...settings.vocabulary.en,
    ...lexicons.fr.crisis.keys(),
    ...lexicons.en.crisis.keys(),
  ]);
}
