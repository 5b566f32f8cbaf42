import type { VolumeDetectorSettings } from '../../../src/main/features/detection/volume/volumeDetector';

/**
 * The small grid `eval:nab` chooses the volume detector's setting from, and estimates leave-one-category-out with:
 * the span of the recent baseline, and the gate (threshold, how far above a member's recent maximum a score must
 * go and over how many days, the quiet after an episode). Settings that differ only by their gate share one pass
 * of the members over each series, so the 48 settings cost two passes.
 */
export function settingsGrid(base: VolumeDetectorSettings): VolumeDetectorSettings[] {
  const grid: VolumeDetectorSettings[] = [];
  for (const recentHours of [12, 24])
    for (const threshold of [4, 5, 6])
      for (const noveltyRatio of [1.1, 1.2])
        for (const noveltyDays of [14, 30])
          for (const cooldownReadings of [24, 36])
            grid.push({ ...base, recentHours, gate: { ...base.gate, threshold, noveltyRatio, noveltyDays, cooldownReadings } });
  return grid;
}
