/**
 * TypeScript port of the Numenta Anomaly Benchmark scorer (numenta/NAB, MIT licence, Copyright 2014-2024
 * Numenta Inc.; nab/sweeper.py at commit ea702d75cc2258d9d7dd35ca8e5e2539d71f3140). Ahmad, Lavin, Purdy,
 * Agha (2017), "Unsupervised real-time anomaly detection for streaming data", Neurocomputing.
 */

export interface CostProfile {
  tpWeight: number;
  fnWeight: number;
  fpWeight: number;
}

export const NAB_PROFILES = {
  standard: { tpWeight: 1, fnWeight: 1, fpWeight: 0.11 },
  reward_low_FP_rate: { tpWeight: 1, fnWeight: 1, fpWeight: 0.22 },
  reward_low_FN_rate: { tpWeight: 1, fnWeight: 2, fpWeight: 0.11 },
} as const satisfies Record<string, CostProfile>;

export type NabProfileName = keyof typeof NAB_PROFILES;
export const NAB_PROFILE_NAMES = Object.keys(NAB_PROFILES) as NabProfileName[];

/** Window limits as epoch milliseconds, inclusive on both ends. */
export interface NabWindow {
  start: number;
  end: number;
}

export interface NabFileScore {
  score: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
}

const PROBATION_PERCENT = 0.15;

export function probationaryLength(rows: number): number {
  return Math.min(Math.floor(PROBATION_PERCENT * rows), PROBATION_PERCENT * 5000);
}

/** NAB's scaled sigmoid: 2/(1+e^(5x)) − 1, clamped to −1 beyond x = 3. */
export function scaledSigmoid(x: number): number {
  return x > 3 ? -1 : 2 / (1 + Math.exp(5 * x)) - 1;
}

function windowRowRanges(timestamps: readonly number[], windows: readonly NabWindow[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const w of [...windows].sort((a, b) => a.start - b.start)) {
    let left = -1;
    let right = -1;
    for (let i = 0; i < timestamps.length; i += 1) {
      const t = timestamps[i]!;
      if (t >= w.start && t <= w.end) {
        if (left < 0) left = i;
        right = i;
      }
    }
    if (left >= 0) ranges.push([left, right]);
  }
  return ranges;
}

/**
 * Scores one file: `detected[i]` says whether row i's anomaly score reached the threshold. Rows in the
 * probationary period are ignored; only the earliest detection of a window counts, every detection outside a
 * window costs according to its distance from the preceding window.
 */
export function scoreNabFile(
  timestamps: readonly number[],
  detected: readonly boolean[],
  windows: readonly NabWindow[],
  profile: CostProfile,
): NabFileScore {
  if (timestamps.length !== detected.length) {
    throw new Error(`NAB scorer: ${timestamps.length} timestamps but ${detected.length} detection flags`);
  }
  const probation = probationaryLength(timestamps.length);
  const ranges = windowRowRanges(timestamps, windows);
  const bestTpPerWindow = new Map<number, number>();
  const counts = { tp: 0, tn: 0, fp: 0, fn: 0 };
  let fpScore = 0;
  let next = 0;
  let current: { index: number; left: number; right: number; width: number } | null = null;
  let previous: { right: number; width: number } | null = null;
  const tpNorm = scaledSigmoid(-1);

  for (let i = 0; i < timestamps.length; i += 1) {
    const nextRange = ranges[next];
    if (nextRange && i === nextRange[0]) {
      current = { index: next, left: nextRange[0], right: nextRange[1], width: nextRange[1] - nextRange[0] + 1 };
      next += 1;
    }
    if (i >= probation) {
      const flagged = detected[i] === true;
      if (current) {
        if (flagged) {
          counts.tp += 1;
          const position = -(current.right - i + 1) / current.width;
          const value = (scaledSigmoid(position) / tpNorm) * profile.tpWeight;
          const best = bestTpPerWindow.get(current.index);
          if (best === undefined || value > best) bestTpPerWindow.set(current.index, value);
        } else {
          counts.fn += 1;
        }
      } else if (flagged) {
        counts.fp += 1;
        fpScore += previous
          ? scaledSigmoid(Math.abs(previous.right - i) / (previous.width - 1)) * profile.fpWeight
          : -profile.fpWeight;
      } else {
        counts.tn += 1;
      }
    }
    if (current && i === current.right) {
      previous = { right: current.right, width: current.width };
      current = null;
    }
  }

  let tpScore = 0;
  for (let w = 0; w < ranges.length; w += 1) {
    tpScore += bestTpPerWindow.get(w) ?? -profile.fnWeight;
  }
  return { score: tpScore + fpScore, ...counts };
}

/** NAB normalisation: 100 × (S − S_null) / (S_perfect − S_null) over a set of files with `windowCount` windows. */
export function normaliseNabScore(rawTotal: number, windowCount: number, profile: CostProfile): number {
  const perfect = windowCount * profile.tpWeight;
  const nullScore = -windowCount * profile.fnWeight;
  return (100 * (rawTotal - nullScore)) / (perfect - nullScore);
}
