// Learning curves of the "help the tone model" queue: corrections chosen by uncertainty against corrections chosen at
// random, each retraining the local model exactly as the product does, scored on a held-out split.
import type { ToneClass } from '../../../src/shared/domain/storedMention';
import { MIN_CORRECTIONS, modelFromCorrections, toneFeatures, type ToneFeatures } from '../../../src/main/features/tone/correctionModel';
import type { Lexicon } from '../../../src/main/features/tone/lexicon';
import { leastSure, marginUncertainty, QUEUE_BATCH } from '../../../src/main/features/tone/uncertainty';
import { seededRandom } from '../../../src/main/platform/seededRandom';
import type { LabelledSplit } from './evaluateTone';
import { toneMetrics } from './toneMetrics';

export type Policy = 'uncertainty' | 'random';

export interface CurveOptions {
  /** Random corrections both policies start from (the posts an analyst corrected from the mention drawer). */
  seedSize: number;
  step: number;
  /** The curves stop at this many corrections (or when the pool is used up). */
  max: number;
  seeds: readonly number[];
}

export const NEAR_FULL = 0.97;

export const DEFAULT_CURVES: CurveOptions = { seedSize: 20, step: QUEUE_BATCH, max: 600, seeds: [1, 2, 3, 4, 5] };

export interface LearningCurves {
  poolSize: number;
  scoredOn: number;
  options: CurveOptions;
  /** Corrections after each step, and the macro-F1 on the scored split averaged over the seeds, per policy. */
  corrections: number[];
  macroF1: Record<Policy, number[]>;
  /** The local model trained on the whole pool, scored on the same split. */
  fullPool: number;
  /**
   * Fewest corrections, from MIN_CORRECTIONS on, whose averaged macro-F1 reaches `fullPool`; null when not within
   * `max`. Below MIN_CORRECTIONS the lexicon scores, and where it already matches the full model (English) every
   * policy would "reach" it with its seed: the figure is about the local model.
   */
  reached: Record<Policy, number | null>;
  /**
   * The same for NEAR_FULL of `fullPool`: retraining the same posts in another order moves the score by about a
   * point, so the full figure itself is partly luck of the order.
   */
  reachedNear: Record<Policy, number | null>;
}

interface Post extends ToneFeatures {
  label: ToneClass;
}

/** The classifier the product runs after these corrections: the local model once trained, else the lexicon. */
function scoreAfter(labelled: readonly number[], pool: readonly Post[], held: readonly Post[]) {
  const trained = modelFromCorrections(labelled.map((i) => ({ features: pool[i]!.features, label: pool[i]!.label })));
  const predicted = held.map((p) => (trained ? trained.model.predict(p.features).toneClass : p.lexicon.toneClass));
  return { model: trained?.model ?? null, macroF1: toneMetrics(held.map((p) => p.label), predicted).macroF1 };
}

function curve(policy: Policy, order: readonly number[], pool: readonly Post[], held: readonly Post[], options: CurveOptions): number[] {
  const labelled = order.slice(0, options.seedSize);
  let unlabelled = order.slice(options.seedSize);
  const scores: number[] = [];
  for (;;) {
    const { model, macroF1 } = scoreAfter(labelled, pool, held);
    scores.push(macroF1);
    if (labelled.length >= options.max || unlabelled.length === 0) return scores;
    const count = Math.min(options.step, options.max - labelled.length);
    // The product's queue: margin once the local model is trained, a random sample before (the seed's order).
    const chosen =
      policy === 'uncertainty' && model
        ? leastSure(unlabelled, (i) => marginUncertainty(model.probabilities(pool[i]!.features)), count).map((c) => c.item)
        : unlabelled.slice(0, count);
    const taken = new Set(chosen);
    labelled.push(...chosen);
    unlabelled = unlabelled.filter((i) => !taken.has(i));
  }
}

function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * `pool` plays the workspace's uncorrected posts (its labels are the analyst's answers), `scored` the posts the
 * classifier is judged on. Under each seed both policies start from the same random corrections, and random
 * choice takes the posts in that seed's shuffled order.
 */
export function learningCurves(pool: LabelledSplit, scored: LabelledSplit, lexicon: Lexicon, options: CurveOptions = DEFAULT_CURVES): LearningCurves {
  const posts = (split: LabelledSplit): Post[] => split.texts.map((t, i) => ({ ...toneFeatures(t, lexicon), label: split.labels[i]! }));
  const poolPosts = posts(pool);
  const held = posts(scored);
  const runs: Record<Policy, number[][]> = { uncertainty: [], random: [] };
  for (const seed of options.seeds) {
    const order = shuffled(poolPosts.length, seed);
    for (const policy of ['uncertainty', 'random'] as const) runs[policy].push(curve(policy, order, poolPosts, held, options));
  }
  const steps = runs.uncertainty[0]!.length;
  const mean = (policy: Policy) => Array.from({ length: steps }, (_, s) => runs[policy].reduce((sum, r) => sum + r[s]!, 0) / runs[policy].length);
  const corrections = Array.from({ length: steps }, (_, s) => Math.min(options.seedSize + s * options.step, options.max, poolPosts.length));
  const fullPool = scoreAfter(poolPosts.map((_, i) => i), poolPosts, held).macroF1;
  const macroF1 = { uncertainty: mean('uncertainty'), random: mean('random') };
  const reach = (policy: Policy, target: number) => {
    const at = macroF1[policy].findIndex((f, i) => corrections[i]! >= MIN_CORRECTIONS && f >= target);
    return at < 0 ? null : corrections[at]!;
  };
  return {
    poolSize: poolPosts.length,
    scoredOn: held.length,
    options,
    corrections,
    macroF1,
    fullPool,
    reached: { uncertainty: reach('uncertainty', fullPool), random: reach('random', fullPool) },
    reachedNear: { uncertainty: reach('uncertainty', NEAR_FULL * fullPool), random: reach('random', NEAR_FULL * fullPool) },
  };
}
