// The negative share of a window, estimated from the classifier's counts corrected by its known confusion
// (adjusted classify-and-count, Forman 2008): a classifier that misses 30 % of negative posts and calls 12 % of the
// others negative reads 35 % when the truth is 30 %, and 16 % when the truth is 5 %. The raw count is biased
// towards the classifier's own habits; the correction removes that bias, at the cost of variance.

/** How often the classifier says "negative", measured on posts whose true tone is known. */
export interface NegativeConfusion {
  /** Truly negative posts seen, and how many of them the classifier called negative. */
  negatives: number;
  negativesCaught: number;
  /** Truly non-negative posts seen, and how many of them the classifier called negative. */
  others: number;
  othersCalledNegative: number;
  /** Analysts' corrections in the workspace, or labelled posts measured offline (eval:tone). */
  source: 'corrections' | 'labelled';
}

export interface ShareEstimate {
  /** Classified negative / classified, as counted. */
  raw: number;
  /** Corrected share, clipped to [0, 1]; equals `raw` when the classifier cannot be corrected. */
  share: number;
  /** 95 % band around `share`: window size (Wilson) and the uncertainty of the two rates, clipped to [0, 1]. */
  low: number;
  high: number;
  corrected: boolean;
}

const Z95 = 1.96;
/**
 * Below this gap between the true-positive and false-positive rates the correction divides by almost nothing and
 * amplifies noise into nonsense: the raw share is then reported with its sampling band only.
 */
const MIN_SEPARATION = 0.15;

function clip(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Wilson score interval of a binomial proportion: honest for small n and for counts near 0 or n. */
export function wilson(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: clip(centre - half), high: clip(centre + half) };
}

/** Rates with a half pseudo-count each side (Jeffreys), so a rate measured on few posts is never exactly 0 or 1. */
function rate(hits: number, n: number): { value: number; variance: number } {
  const value = (hits + 0.5) / (n + 1);
  return { value, variance: (value * (1 - value)) / (n + 1) };
}

/**
 * Adjusted classify-and-count: p = (q − fpr) / (tpr − fpr) with q the classified share. The band adds, in
 * quadrature, the Wilson half-widths of q and the delta-method spread of the two rates, all divided by the same
 * (tpr − fpr): few posts in the window or few labelled posts behind the rates both widen it.
 */
export function estimateNegativeShare(negative: number, classified: number, confusion: NegativeConfusion | null): ShareEstimate {
  if (classified === 0) return { raw: 0, share: 0, low: 0, high: 1, corrected: false };
  const q = negative / classified;
  const band = wilson(negative, classified);
  // Without a measured confusion the share is the classified one, and only the window's size is accounted for.
  if (confusion === null) return { raw: q, share: q, low: band.low, high: band.high, corrected: false };
  const tpr = rate(confusion.negativesCaught, confusion.negatives);
  const fpr = rate(confusion.othersCalledNegative, confusion.others);
  const separation = tpr.value - fpr.value;
  if (separation < MIN_SEPARATION) return { raw: q, share: q, low: band.low, high: band.high, corrected: false };
  const unclipped = (q - fpr.value) / separation;
  const share = clip(unclipped);
  const p = share;
  const rates = (Z95 * Math.sqrt(p * p * tpr.variance + (1 - p) * (1 - p) * fpr.variance)) / separation;
  const below = (q - band.low) / separation;
  const above = (band.high - q) / separation;
  return {
    raw: q,
    share,
    low: clip(unclipped - Math.hypot(below, rates)),
    high: clip(unclipped + Math.hypot(above, rates)),
    corrected: true,
  };
}

/** Confusion counts from posts whose classifier verdict and true tone are both known (`n` posts alike, 1 if absent). */
export function confusionFrom(
  pairs: Iterable<{ predictedNegative: boolean; negative: boolean; n?: number }>,
  source: NegativeConfusion['source'],
): NegativeConfusion {
  const c: NegativeConfusion = { negatives: 0, negativesCaught: 0, others: 0, othersCalledNegative: 0, source };
  for (const { predictedNegative, negative, n = 1 } of pairs) {
    if (negative) {
      c.negatives += n;
      if (predictedNegative) c.negativesCaught += n;
    } else {
      c.others += n;
      if (predictedNegative) c.othersCalledNegative += n;
    }
  }
  return c;
}
