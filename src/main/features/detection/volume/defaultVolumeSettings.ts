import type { VolumeDetectorSettings } from './seasonalVolumeDetector';

/**
 * The one setting used everywhere: the live engine's volume signal, backtests, scenarios and the NAB evaluation.
 * Chosen on a small grid over the five NAB realTweets dev files and never changed per series: single 5-minute
 * buckets (spikes on social media are often one bucket wide) and the hour (a surge that builds without one
 * outstanding bucket), a week of same-slot history, and an episode opens only on a deviation larger than any
 * seen at that scale in the previous five days.
 */
export const DEFAULT_VOLUME_SETTINGS: VolumeDetectorSettings = {
  bucketMs: 5 * 60_000,
  scales: [1, 12],
  historyDays: 7,
  slotTolerance: 1,
  threshold: 5,
  confirmThreshold: 2,
  spreadFloor: 0.3,
  cooldownBuckets: 288,
  rearmBelow: 2,
  warmupBuckets: 288,
  noveltyRatio: 1,
  noveltyDays: 5,
};
