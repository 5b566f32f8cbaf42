import type { VolumeDetectorSettings } from './volumeDetector';

/**
 * The one setting used everywhere: the live engine's volume signal, backtests, scenarios and the NAB evaluation.
 * Chosen once on the 53 development series of `../shared/data/nab-all-dev` (every NAB category; `npm run eval:nab`
 * prints the leave-one-category-out estimate of how it does on a kind of series it was not chosen on) and never
 * changed per series. Members: the level of the last reading and of the last 24 readings (two hours of 5-minute
 * buckets) against the last 12 hours; the last reading and the last hour against the same time of day on the
 * previous days; sudden jumps over one and six readings; the agitation over 24 readings; shapes of 8 readings
 * and of 8 six-reading means; the surprise of a sequence predictor over six-reading means (8 bands, a context of
 * the 2 bands before and the run in the latest), as a likelihood over the last 8 of them. An episode opens on a score of at least 6 that is also 10 % above anything that
 * member read in the last 30 days; then three hours (36 five-minute readings) of quiet. That setting is the best
 * of `eval:nab`'s grid (settingsGrid.ts) on the whole development set; the members themselves were chosen on the
 * same data (the README gives the figures and their limits).
 */
export const DEFAULT_VOLUME_SETTINGS: VolumeDetectorSettings = {
  members: [
    { kind: 'level', scale: 1 },
    { kind: 'level', scale: 24 },
    { kind: 'seasonal', scale: 1 },
    { kind: 'seasonal', scale: 12 },
    { kind: 'jump', scale: 1 },
    { kind: 'jump', scale: 6 },
    { kind: 'volatility', scale: 24 },
    { kind: 'shape', scale: 1 },
    { kind: 'shape', scale: 6 },
    { kind: 'surprise', scale: 6 },
  ],
  recentHours: 12,
  longDays: 7,
  seasonalDays: 7,
  slotTolerance: 1,
  spreadFloor: 0.5,
  shapeLength: 8,
  shapeVigilance: 0.9,
  shapeCapacity: 256,
  surpriseBins: 8,
  surpriseContext: 2,
  surpriseSpan: 8,
  gate: { threshold: 6, noveltyRatio: 1.1, noveltyDays: 30, cooldownReadings: 36, warmupReadings: 288 },
};
