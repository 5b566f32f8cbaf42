import type { ToneClass } from '../../../src/shared/domain/storedMention';
import { TONE_CLASSES } from '../../../src/main/features/tone/toneModel';

export interface ToneMetrics {
  n: number;
  macroF1: number;
  f1: Record<ToneClass, number>;
  negativePrecision: number;
  negativeRecall: number;
  /** rows = gold, columns = predicted, in TONE_CLASSES order. */
  confusion: number[][];
}

export function toneMetrics(gold: readonly ToneClass[], predicted: readonly ToneClass[]): ToneMetrics {
  const confusion = TONE_CLASSES.map(() => TONE_CLASSES.map(() => 0));
  gold.forEach((g, i) => {
    confusion[TONE_CLASSES.indexOf(g)]![TONE_CLASSES.indexOf(predicted[i]!)]! += 1;
  });
  const precision = (c: number) => {
    const col = confusion.reduce((s, row) => s + row[c]!, 0);
    return col === 0 ? 0 : confusion[c]![c]! / col;
  };
  const recall = (c: number) => {
    const row = confusion[c]!.reduce((s, v) => s + v, 0);
    return row === 0 ? 0 : confusion[c]![c]! / row;
  };
  const f1 = {} as Record<ToneClass, number>;
  TONE_CLASSES.forEach((cls, c) => {
    const p = precision(c);
    const r = recall(c);
    f1[cls] = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  });
  return {
    n: gold.length,
    macroF1: (f1.negative + f1.neutral + f1.positive) / 3,
    f1,
    negativePrecision: precision(0),
    negativeRecall: recall(0),
    confusion,
  };
}
