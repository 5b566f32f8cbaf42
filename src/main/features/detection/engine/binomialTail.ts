// Exact binomial tail for the negative-share test: the normal approximation it replaces overstates how rare a
// count is when the window is small and the usual share low (10 negative of 21 at 15.7 % reads as 4 σ, while
// its exact probability is 4·10⁻⁴, ten times more common than 4 σ means).

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space from k upwards. */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  // log C(n, k) p^k (1 − p)^(n − k), built as a sum of logs (n is at most a window's toned mentions).
  let logTerm = k * Math.log(p) + (n - k) * Math.log1p(-p);
  for (let i = 1; i <= k; i += 1) logTerm += Math.log((n - k + i) / i);
  let term = Math.exp(logTerm);
  let sum = term;
  const ratio = p / (1 - p);
  for (let i = k; i < n && term > sum * 1e-12; i += 1) {
    term *= ((n - i) / (i + 1)) * ratio;
    sum += term;
  }
  return Math.min(1, sum);
}

/** One-sided tail of the standard normal beyond `z` (Abramowitz–Stegun 7.1.26 on erfc), for a level set in σ. */
export function normalTail(z: number): number {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return erfc / 2;
}
