import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToneClass } from '../../../src/shared/domain/storedMention';
import { hashedFeatures } from '../../../src/main/features/tone/hashedFeatures';
import { loadLexicons, type Lexicon, type ToneLanguage } from '../../../src/main/features/tone/lexicon';
import { scoreWithLexicon } from '../../../src/main/features/tone/lexiconScorer';
import { toneMetrics, type ToneMetrics } from './toneMetrics';
import { measuredConfusion, shareError, type ShareError } from './shareError';
import { TONE_CLASSES, TONE_MODEL_BUCKETS, ToneModel } from '../../../src/main/features/tone/toneModel';
import { learningCurves, type CurveOptions, type LearningCurves } from './learningCurve';

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
  /** Negative-share error on samples of `split`, the confusion measured on the train split (null without one). */
  lexiconShare: ShareError | null;
  modelShare: ShareError | null;
  /** The correction queue's learning curves (train split as the pool, scored on `split`); null when not asked or no train split. */
  curves: LearningCurves | null;
}

const CONFUSION_FOLDS = 5;

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

function trainModel(texts: readonly string[], labels: readonly ToneClass[], lexicon: Lexicon): ToneModel {
  return ToneModel.train(
    texts.map((t, i) => ({ features: features(t, lexicon), label: labels[i]! })),
    TONE_MODEL_BUCKETS,
  );
}

/** The model's verdicts on the train split, each post scored by a model trained on the other folds. */
function crossValidatedPredictions(train: LabelledSplit, lexicon: Lexicon): ToneClass[] {
  const predicted: ToneClass[] = new Array(train.texts.length);
  for (let fold = 0; fold < CONFUSION_FOLDS; fold += 1) {
    const inFold = (i: number) => i % CONFUSION_FOLDS === fold;
    const rest = train.texts.map((_, i) => i).filter((i) => !inFold(i));
    const model = trainModel(rest.map((i) => train.texts[i]!), rest.map((i) => train.labels[i]!), lexicon);
    train.texts.forEach((t, i) => {
      if (inFold(i)) predicted[i] = model.predict(features(t, lexicon)).toneClass;
    });
  }
  return predicted;
}

/** Lexicon scorer on `split`, and a local model trained only on the `train` split (inside this run, never kept). */
export function evaluateTone(
  folder: string,
  split = 'val',
  options: { share: boolean; curves?: CurveOptions } = { share: true },
): LanguageEvaluation[] {
  const lexicons = loadLexicons();
  const results: LanguageEvaluation[] = [];
  for (const language of ['en', 'fr'] as const) {
    const evalSplit = readSplit(folder, language, split);
    if (!evalSplit) continue;
    const lexicon = lexicons[language];
    const lexiconPredictions = evalSplit.texts.map((t) => scoreWithLexicon(t, lexicon).toneClass);
    const train = split === 'train' ? null : readSplit(folder, language, 'train');
    let model: ToneMetrics | null = null;
    let lexiconShare: ShareError | null = null;
    let modelShare: ShareError | null = null;
    if (train) {
      const trained = trainModel(train.texts, train.labels, lexicon);
      const modelPredictions = evalSplit.texts.map((t) => trained.predict(features(t, lexicon)).toneClass);
      model = toneMetrics(evalSplit.labels, modelPredictions);
      if (options.share) {
        const lexiconOnTrain = train.texts.map((t) => scoreWithLexicon(t, lexicon).toneClass);
        lexiconShare = shareError(evalSplit.labels, lexiconPredictions, measuredConfusion(train.labels, lexiconOnTrain));
        modelShare = shareError(evalSplit.labels, modelPredictions, measuredConfusion(train.labels, crossValidatedPredictions(train, lexicon)));
      }
    }
    results.push({
      language,
      split,
      lexicon: toneMetrics(evalSplit.labels, lexiconPredictions),
      model,
      trainSize: train?.texts.length ?? 0,
      lexiconShare,
      modelShare,
      curves: train && options.curves ? learningCurves(train, evalSplit, lexicon, options.curves) : null,
    });
  }
  return results;
}
