import type { EnrichInput, Enrichment, MentionEnricher } from '../mentions';
import { detectLanguage } from '../mentions';
import { hashedFeatures } from './hashedFeatures';
import type { Lexicon, ToneLanguage } from './lexicon';
import { scoreWithLexicon } from './lexiconScorer';
import type { ToneModel } from './toneModel';
import type { OnnxToneModel } from './onnxToneModel';
import { OnnxRuntimeError } from './onnxRunner';

export type ModelLookup = (workspaceId: string) => ToneModel | null;
export type ApprovedModelLookup = (workspaceId: string) => OnnxToneModel | null;

/**
 * Language and tone are read from the start of a post: a hostile 1 MB item would otherwise cost seconds of main
 * thread, and ten thousand characters already say which language it is in and how it sounds.
 */
export const ANALYSED_CHARS = 10_000;

/**
 * Language, then tone: the workspace's approved ONNX model for the languages it declares, else its local model when
 * analysts have trained one, otherwise the lexicon. Mentions in other languages get a language but no tone (no
 * lexicon would score them honestly).
 */
export class ToneEnricher implements MentionEnricher {
  constructor(
    private readonly lexicons: Record<ToneLanguage, Lexicon>,
    private readonly models: ModelLookup = () => null,
    private readonly approved: ApprovedModelLookup = () => null,
  ) {}

  enrich({ workspaceId, text, title, language }: EnrichInput): Enrichment {
    const full = (title && !text.startsWith(title) ? `${title}. ${text}` : text).slice(0, ANALYSED_CHARS);
    const detected = detectLanguage(full, language);
    const lexicon = detected === 'fr' || detected === 'en' ? this.lexicons[detected] : null;
    if (!lexicon) return { language: detected, toneClass: null, toneScore: null };
    const onnx = workspaceId ? this.approved(workspaceId) : null;
    if (onnx?.handles(lexicon.language)) {
      try {
        const predicted = onnx.predict(full);
        return { language: detected, toneClass: predicted.toneClass, toneScore: predicted.score };
      } catch (error) {
        // A runtime that stops answering must not stop ingestion: the post is scored as without the model.
        if (!(error instanceof OnnxRuntimeError)) throw error;
      }
    }
    const tone = scoreWithLexicon(full, lexicon);
    const model = workspaceId ? this.models(workspaceId) : null;
    if (model) {
      const predicted = model.predict(hashedFeatures(full, lexicon.language, tone, model.buckets));
      return { language: detected, toneClass: predicted.toneClass, toneScore: predicted.score };
    }
    return { language: detected, toneClass: tone.toneClass, toneScore: tone.score };
  }
}
