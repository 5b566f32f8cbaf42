import type { ToneClass } from '../../../src/shared/domain/storedMention';
import { confusionFrom, estimateNegativeShare, type NegativeConfusion } from '../../../src/main/features/tone/negativeShare';
import { seededRandom } from '../../../src/main/platform/seededRandom';

export interface ShareError {
  maeRaw: number;
  maeCorrected: number;
  /** Share of samples whose true share lies inside the estimate's 95 % band. */
  bandCoverage: number;
  samples: number;
}

export interface ShareErrorOptions {
  samples: number;
  postsPerSample: number;
  minPrevalence: number;
  maxPrevalence: number;
  seed: number;
}

/** Issue #18's protocol: 200 samples of 100 posts, negative prevalence uniform in [5 %, 60 %], seeded. */
export const SHARE_PROTOCOL: ShareErrorOptions = { samples: 200, postsPerSample: 100, minPrevalence: 0.05, maxPrevalence: 0.6, seed: 18 };

export function measuredConfusion(gold: readonly ToneClass[], predicted: readonly ToneClass[]): NegativeConfusion {
  return confusionFrom(
    gold.map((g, i) => ({ negative: g === 'negative', predictedNegative: predicted[i] === 'negative' })),
    'labelled',
  );
}

/** Draws `k` distinct items (partial Fisher–Yates on a copy). */
function draw<T>(items: readonly T[], k: number, random: () => number): T[] {
  const pool = [...items];
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}

/**
 * Mean absolute error of the raw and the corrected negative share over samples drawn without replacement from
 * labelled posts (`gold`, with the classifier's `predicted` verdicts), the confusion measured elsewhere.
 */
export function shareError(
  gold: readonly ToneClass[],
  predicted: readonly ToneClass[],
  confusion: NegativeConfusion,
  options: ShareErrorOptions = SHARE_PROTOCOL,
): ShareError {
  const random = seededRandom(options.seed);
  const negatives = gold.flatMap((g, i) => (g === 'negative' ? [predicted[i] === 'negative'] : []));
  const others = gold.flatMap((g, i) => (g === 'negative' ? [] : [predicted[i] === 'negative']));
  let raw = 0;
  let corrected = 0;
  let covered = 0;
  for (let s = 0; s < options.samples; s += 1) {
    const prevalence = options.minPrevalence + random() * (options.maxPrevalence - options.minPrevalence);
    const k = Math.min(negatives.length, Math.round(prevalence * options.postsPerSample));
    const rest = options.postsPerSample - k;
    if (rest > others.length) throw new Error(`only ${others.length} non-negative posts, ${rest} needed`);
    const calledNegative = [...draw(negatives, k, random), ...draw(others, rest, random)].filter(Boolean).length;
    const truth = k / options.postsPerSample;
    const estimate = estimateNegativeShare(calledNegative, options.postsPerSample, confusion);
    raw += Math.abs(estimate.raw - truth);
    corrected += Math.abs(estimate.share - truth);
    if (estimate.low <= truth && truth <= estimate.high) covered += 1;
  }
  return { maeRaw: raw / options.samples, maeCorrected: corrected / options.samples, bandCoverage: covered / options.samples, samples: options.samples };
}
