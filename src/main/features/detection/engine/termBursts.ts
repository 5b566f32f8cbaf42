/**
 * Emerging terms by a Poisson burst test against each term's own history: a term's expected count in the window
 * is the window's mentions times the term's share of the mentions before it (with half a mention of prior, so a
 * never-seen term has a small but non-zero share). A term bursts when seeing at least its count under that
 * expectation is less likely than `alpha`. Because the expectation follows the window's volume, a surge of the
 * usual conversation does not make its usual words emerge; a new hashtag, or a word whose share jumps, does.
 */

export interface TermHistory {
  /** Mentions before the window that carried the term, and mentions before the window in all. */
  pastCount: number;
  pastMentions: number;
}

export interface BurstSettings {
  /** Fewest window mentions carrying a term before it can emerge. */
  minCount: number;
  /** Largest probability, under the term's usual share, of seeing its window count or more. */
  alpha: number;
}

export interface TermBurst {
  term: string;
  count: number;
  /** Mentions expected to carry the term in the window, from its share before it. */
  expected: number;
  /** P(X ≥ count) for X ~ Poisson(expected). */
  pValue: number;
}

function logFactorial(n: number): number {
  if (n < 2) return 0;
  if (n < 256) {
    let sum = 0;
    for (let i = 2; i <= n; i += 1) sum += Math.log(i);
    return sum;
  }
  // Stirling's series: exact to 1e-10 at this size.
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

/** P(X ≥ k) for X ~ Poisson(lambda), accurate in the far tail where bursts live. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (!(lambda > 0)) return 0;
  if (k <= lambda) {
    // Not the far tail: one minus the probabilities below k, each built in log space (e^-lambda underflows).
    let logP = -lambda;
    let below = 0;
    for (let i = 0; i < k; i += 1) {
      below += Math.exp(logP);
      logP += Math.log(lambda) - Math.log(i + 1);
    }
    return Math.max(0, 1 - below);
  }
  // Sum the tail from k upwards: each term is the previous times lambda / (i + 1), so it converges fast past lambda.
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  let sum = term;
  for (let i = k; term > sum * 1e-12 && i < k + 10_000; i += 1) {
    term *= lambda / (i + 1);
    sum += term;
  }
  return Math.min(1, sum);
}

/** The window's terms that burst against their history, most significant first. */
export function burstingTerms(
  windowCounts: ReadonlyMap<string, number>,
  windowMentions: number,
  history: (term: string) => TermHistory,
  settings: BurstSettings,
): TermBurst[] {
  const bursts: TermBurst[] = [];
  for (const [term, count] of windowCounts) {
    if (count < settings.minCount) continue;
    const { pastCount, pastMentions } = history(term);
    const expected = (windowMentions * (pastCount + 0.5)) / (pastMentions + 1);
    const pValue = poissonTail(count, expected);
    if (pValue <= settings.alpha) bursts.push({ term, count, expected, pValue });
  }
  return bursts.sort((a, b) => a.pValue - b.pValue || b.count - a.count || a.term.localeCompare(b.term));
}
