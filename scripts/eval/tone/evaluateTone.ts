import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToneClass } from '../../../src/shared/domain/storedMention';
import { hashedFeatures } from '../../../src/main/features/tone/hashedFeatures';
import { loadLexicons, type Lexicon, type ToneLanguage } from '../../../src/main/features/tone/lexicon';
import { scoreWithLexicon } from '../../../src/main/features/tone/lexiconScorer';
import { toneMetrics, type ToneMetrics } from './toneMetrics';
import { TONE_CLASSES, TONE_MODEL_BUCKETS, ToneModel } from '../../../src/main/features/tone/toneModel';

/** Folder names used by the UMSAB layout (`<lang>/<split>_text.txt`); ISO codes are accepted too. */
const LANGUAGE_FOLDERS: Record<ToneLanguage, string[]> = { en: ['english', 'en'], fr: ['french', 'fr'] };

export interface LabelledSplit {
  texts: string[];
  labels: ToneClass[];
}

export interface LanguageEvaluation {
  language: ToneLanguage;
  split: string;
  lexicon: ToneMetrics;
  /** Local model trained on the `train` split, evaluated on `split`; null when there is no train split. */
  model: ToneMetrics | null;
  trainSize: number;
}

export function readSplit(folder: string, language: ToneLanguage, split: string): LabelledSplit | null {
  for (const name of LANGUAGE_FOLDERS[language]) {
    const textFile = join(folder, name, `${split}_text.txt`);
    const labelFile = join(folder, name, `${split}_labels.txt`);
    if (!existsSync(textFile) || !existsSync(labelFile)) continue;
    const texts = readFileSync(textFile, 'utf8').replace(/\n$/, '').split('\n');
    const labels = readFileSync(labelFile, 'utf8').replace(/\n$/, '').split('\n').map((l) => {
      const cls = TONE_CLASSES[Number(l.trim())];
      if (!cls) throw new Error(`${labelFile}: label "${l}" is not 0, 1 or 2`);
      return cls;
    });
    if (texts.length !== labels.length) throw new Error(`${textFile}: ${texts.length} texts but ${labels.length} labels`);
    return { texts, labels };
  }
  return null;
}

function features(text: string, lexicon: Lexicon) {
  return hashedFeatures(text, lexicon.language, scoreWithLexicon(text, lexicon), TONE_MODEL_BUCKETS);
}

/** Lexicon scorer on `split`, and a local model trained only on the `train` split (inside this run, never kept). */
export function evaluateTone(folder: string, split = 'val'): LanguageEvaluation[] {
  const lexicons = loadLexicons();
  const results: LanguageEvaluation[] = [];
  for (const language of ['en', 'fr'] as const) {
    const evalSplit = readSplit(folder, language, split);
    if (!evalSplit) continue;
    const lexicon = lexicons[language];
    const lexiconPredictions = evalSplit.texts.map((t) => scoreWithLexicon(t, lexicon).toneClass);
    const train = split === 'train' ? null : readSplit(folder, language, 'train');
    let model: ToneMetrics | null = null;
    if (train) {
      const trained = ToneModel.train(
        train.texts.map((t, i) => ({ features: features(t, lexicon), label: train.labels[i]! })),
        TONE_MODEL_BUCKETS,
      );
      model = toneMetrics(evalSplit.labels, evalSplit.texts.map((t) => trained.predict(features(t, lexicon)).toneClass));
    }
    results.push({
      language,
      split,
      lexicon: toneMetrics(evalSplit.labels, lexiconPredictions),
      model,
      trainSize: train?.texts.length ?? 0,
    });
  }
  return results;
}
