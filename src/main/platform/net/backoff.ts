// When to try a failing source again: exponential from its own interval, with jitter so that sources
// failing together (the network is down) do not all retry in the same second.

export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
export const MIN_BACKOFF_BASE_MS = 30_000;

/**
 * Delay before attempt number `failures + 1`: base × 2^(failures−1), capped, then "equal jitter" (half fixed,
 * half random) so the delay still grows; never shorter than the server's Retry-After.
 */
export function backoffDelayMs(
  failures: number,
  intervalMs: number,
  random: () => number,
  retryAfterMs?: number,
  minBaseMs = MIN_BACKOFF_BASE_MS,
): number {
  const base = Math.max(minBaseMs, Math.min(intervalMs, minBaseMs * 4));
  const exponential = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, failures - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_BACKOFF_MS));
}
