import { SeasonalVolumeDetector, type VolumeDetectorSettings } from '../../../src/main/features/detection/volume/seasonalVolumeDetector';
import { readNabSeries, readNabWindows, readPublishedScores } from './nabCorpus';
import { NAB_PROFILE_NAMES, NAB_PROFILES, normaliseNabScore, scoreNabFile, type NabProfileName } from './nabScorer';

export type ProfileScores = Record<NabProfileName, number>;

export interface NabEvaluation {
  files: number;
  windows: number;
  tocsin: ProfileScores;
  /** Per file: raw standard score and number of episodes opened. */
  perFile: Array<{ file: string; raw: ProfileScores; detections: number }>;
  /** Published detectors that have a score for every evaluated file, normalised the same way. */
  published: Array<{ detector: string; scores: ProfileScores }>;
}

/**
 * Runs the volume detector with one fixed setting over every labelled series of a NAB-layout folder and
 * scores its episode openings (binary detections, threshold 0.5) with the NAB scorer port. The detector never
 * sees the labels.
 */
export function evaluateNab(folder: string, settings: VolumeDetectorSettings): NabEvaluation {
  const windows = readNabWindows(folder);
  const series = readNabSeries(folder, windows);
  const totals = { standard: 0, reward_low_FP_rate: 0, reward_low_FN_rate: 0 } as ProfileScores;
  const perFile: NabEvaluation['perFile'] = [];
  let windowCount = 0;

  for (const s of series) {
    const detector = new SeasonalVolumeDetector(settings);
    const detected = s.timestamps.map((t, i) => detector.observe(t, s.values[i]!).fired);
    const fileWindows = windows.get(s.key) ?? [];
    windowCount += fileWindows.length;
    const raw = {} as ProfileScores;
    for (const profile of NAB_PROFILE_NAMES) {
      raw[profile] = scoreNabFile(s.timestamps, detected, fileWindows, NAB_PROFILES[profile]).score;
      totals[profile] += raw[profile];
    }
    perFile.push({ file: s.key, raw, detections: detected.filter(Boolean).length });
  }

  const tocsin = {} as ProfileScores;
  for (const profile of NAB_PROFILE_NAMES) {
    tocsin[profile] = normaliseNabScore(totals[profile], windowCount, NAB_PROFILES[profile]);
  }
  return { files: series.length, windows: windowCount, tocsin, perFile, published: publishedScores(folder, series.map((s) => s.key), windowCount) };
}

function publishedScores(folder: string, files: string[], windowCount: number): NabEvaluation['published'] {
  const byDetector = new Map<string, Partial<ProfileScores>>();
  for (const profile of NAB_PROFILE_NAMES) {
    const rows = readPublishedScores(folder, profile).filter((r) => files.includes(r.file));
    const sums = new Map<string, { total: number; count: number }>();
    for (const row of rows) {
      const acc = sums.get(row.detector) ?? { total: 0, count: 0 };
      acc.total += row.score;
      acc.count += 1;
      sums.set(row.detector, acc);
    }
    for (const [detector, acc] of sums) {
      if (acc.count !== files.length) continue;
      const entry = byDetector.get(detector) ?? {};
      entry[profile] = normaliseNabScore(acc.total, windowCount, NAB_PROFILES[profile]);
      byDetector.set(detector, entry);
    }
  }
  return [...byDetector.entries()]
    .filter(([, scores]) => NAB_PROFILE_NAMES.every((p) => scores[p] !== undefined))
    .map(([detector, scores]) => ({ detector, scores: scores as ProfileScores }))
    .sort((a, b) => b.scores.standard - a.scores.standard);
}

export interface LofoEvaluation {
  scores: ProfileScores;
  /** Setting picked for each held-out file (on the other files' standard score). */
  picks: Array<{ file: string; settings: Partial<VolumeDetectorSettings> }>;
}

/**
 * Leave-one-file-out estimate of how the detector generalises: for each file, the setting of `grid` that scores
 * best (standard profile) on the other files is applied to it; the held-out raw scores are then normalised.
 */
export function evaluateNabLeaveOneOut(
  folder: string,
  base: VolumeDetectorSettings,
  grid: ReadonlyArray<Partial<VolumeDetectorSettings>>,
): LofoEvaluation {
  const runs = grid.map((g) => evaluateNab(folder, { ...base, ...g }));
  const files = runs[0]?.perFile.map((f) => f.file) ?? [];
  const windows = runs[0]?.windows ?? 0;
  const totals = { standard: 0, reward_low_FP_rate: 0, reward_low_FN_rate: 0 } as ProfileScores;
  const picks: LofoEvaluation['picks'] = [];
  files.forEach((file, heldOut) => {
    let best = 0;
    let bestScore = -Infinity;
    runs.forEach((run, g) => {
      const others = run.perFile.reduce((sum, f, i) => (i === heldOut ? sum : sum + f.raw.standard), 0);
      if (others > bestScore) {
        bestScore = others;
        best = g;
      }
    });
    for (const profile of NAB_PROFILE_NAMES) totals[profile] += runs[best]!.perFile[heldOut]!.raw[profile];
    picks.push({ file, settings: grid[best]! });
  });
  const scores = {} as ProfileScores;
  for (const profile of NAB_PROFILE_NAMES) scores[profile] = normaliseNabScore(totals[profile], windows, NAB_PROFILES[profile]);
  return { scores, picks };
}
