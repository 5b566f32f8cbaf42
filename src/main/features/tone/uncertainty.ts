// How unsure the tone classifier is of a post, so that analysts are asked about the posts that teach it most.

/** Posts the "help the tone model" queue asks about at a time. */
export const QUEUE_BATCH = 20;

/**
 * Margin sampling (Scheffer et al. 2001): one minus the gap between the two most likely classes. Preferred to
 * entropy because the question put to the analyst is which of the two contenders is right; entropy also rises
 * when the least likely class gains mass, which that answer does not settle.
 */
export function marginUncertainty(probabilities: readonly number[]): number {
  let first = 0;
  let second = 0;
  for (const p of probabilities) {
    if (p > first) {
      second = first;
      first = p;
    } else if (p > second) second = p;
  }
  return 1 - (first - second);
}

/**
 * Before a local model exists, the lexicon decides by the sign of its compound score: the closer the score is
 * to 0, its decision boundary, the less the post's words settle its tone.
 */
export function lexiconUncertainty(score: number): number {
  return 1 - Math.abs(score);
}

/** The `count` items of highest uncertainty, most uncertain first; ties keep the items' order. */
export function leastSure<T>(items: readonly T[], uncertainty: (item: T) => number, count = QUEUE_BATCH): Array<{ item: T; uncertainty: number }> {
  return items
    .map((item, index) => ({ item, uncertainty: uncertainty(item), index }))
    .sort((a, b) => b.uncertainty - a.uncertainty || a.index - b.index)
    .slice(0, count)
    .map(({ item, uncertainty: u }) => ({ item, uncertainty: u }));
}

/**
 * `count` items drawn uniformly at random without replacement (a partial Fisher–Yates shuffle), in the order drawn.
 * Before the local model exists the queue asks about such a sample rather than the lexicon's least sure posts:
 * those are mostly posts with no sentiment word, nearly all neutral, and a first model trained on them scores below
 * one trained on as many random posts (`eval:tone` prints both learning curves).
 */
export function randomSample<T>(items: readonly T[], random: () => number, count = QUEUE_BATCH): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}
