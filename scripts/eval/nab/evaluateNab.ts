import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EpisodeGate } from '../../../src/main/features/detection/volume/episodeGate';
import { VolumeEnsemble, type VolumeDetectorSettings } from '../../../src/main/features/detection/volume/volumeDetector';
import { readNabSeries, readNabWindows, readPublishedScores } from './nabCorpus';
import { NAB_PROFILE_NAMES, NAB_PROFILES, normaliseNabScore, scoreNabFile, type NabProfileName } from './nabScorer';

export type ProfileScores = Record<NabProfileName, number>;

/** Raw NAB scores of one file under one gate setting, and how many episodes it opened. */
export interface FileRun {
  file: string;
  windows: number;
  raw: ProfileScores;
  detections: number;
}

export interface NabRuns {
  files: string[];
  /** runs[g][f]: setting g of the grid on file f. */
  runs: FileRun[][];
}

export interface GroupScore {
  group: string;
  files: number;
  windows: number;
  /** Normalised scores, or null for a group without any window (its raw score then says what false alarms cost). */
  scores: ProfileScores | null;
  raw: ProfileScores;
}

export interface HeldOutPick {
  group: string;
  settings: VolumeDetectorSettings;
  raw: ProfileScores;
}

export interface NabEvaluation {
  files: number;
  windows: number;
  /** The setting evaluated, on the whole set and per category. */
  whole: ProfileScores;
  byCategory: GroupScore[];
  perFile: FileRun[];
  /** Leave one group out (categories; files when the folder holds a single category): null when only one group. */
  heldOut: { grouping: 'category' | 'file'; settings: number; scores: ProfileScores; picks: HeldOutPick[] } | null;
  /** Published detectors that have a score for every evaluated file, normalised the same way. */
  published: Array<{ detector: string; whole: ProfileScores; byCategory: Map<string, ProfileScores | null> }>;
  /** The grid's setting with the best whole-set standard score (what choosing on this folder picks). */
  bestOfGrid: { settings: VolumeDetectorSettings; whole: ProfileScores };
}

const categoryOf = (file: string) => file.split('/')[0]!;
const zero = (): ProfileScores => ({ standard: 0, reward_low_FP_rate: 0, reward_low_FN_rate: 0 });

function normalise(raw: ProfileScores, windows: number): ProfileScores {
  const out = zero();
  for (const p of NAB_PROFILE_NAMES) out[p] = normaliseNabScore(raw[p], windows, NAB_PROFILES[p]);
  return out;
}

function sum(runs: readonly FileRun[]): { raw: ProfileScores; windows: number } {
  const raw = zero();
  let windows = 0;
  for (const r of runs) {
    windows += r.windows;
    for (const p of NAB_PROFILE_NAMES) raw[p] += r.raw[p];
  }
  return { raw, windows };
}

/** Everything a cached run depends on: the detector's code, the settings and the data files. */
function cacheKey(folder: string, grid: readonly VolumeDetectorSettings[]): string {
  const hash = createHash('sha256');
  const volumeDir = resolve(__dirname, '../../../src/main/features/detection/volume');
  for (const f of readdirSync(volumeDir).sort()) hash.update(f).update(readFileSync(join(volumeDir, f)));
  hash.update(readFileSync(join(__dirname, 'nabScorer.ts'))).update(readFileSync(__filename));
  hash.update(JSON.stringify(grid));
  hash.update(readFileSync(join(folder, 'labels', 'combined_windows.json')));
  const dataDir = join(folder, 'data');
  for (const category of readdirSync(dataDir).sort()) {
    const dir = join(dataDir, category);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      const st = statSync(join(dir, f));
      hash.update(`${category}/${f}:${st.size}:${st.mtimeMs}`);
    }
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * Runs every setting of `grid` over every labelled series of a NAB-layout folder and scores its episode openings
 * (binary detections) with the NAB scorer port; the detector never sees the labels. Settings that differ only by
 * their gate share one pass of the members per series, each gate judging the same readings (the code path of
 * `VolumeDetector`, one ensemble feeding several gates). With `cacheDir`, results are kept per (code, settings,
 * data) and reused.
 */
export function runNab(folder: string, grid: readonly VolumeDetectorSettings[], cacheDir?: string): NabRuns {
  const cacheFile = cacheDir ? join(cacheDir, `${cacheKey(folder, grid)}.json`) : null;
  if (cacheFile && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as NabRuns;

  const windows = readNabWindows(folder);
  const series = readNabSeries(folder, windows);
  const passes = new Map<string, number[]>();
  grid.forEach((settings, g) => {
    const key = JSON.stringify({ ...settings, gate: null });
    passes.set(key, [...(passes.get(key) ?? []), g]);
  });
  const runs: FileRun[][] = grid.map(() => []);
  for (const s of series) {
    const fileWindows = windows.get(s.key) ?? [];
    for (const members of passes.values()) {
      const ensemble = new VolumeEnsemble(grid[members[0]!]!);
      const gates = members.map((g) => new EpisodeGate(grid[g]!.gate));
      const detected = members.map(() => new Array<boolean>(s.timestamps.length).fill(false));
      s.timestamps.forEach((t, i) => {
        const { time, readings } = ensemble.observe(t, s.values[i]!);
        gates.forEach((gate, k) => {
          detected[k]![i] = gate.decide(time, readings, true).fired;
        });
      });
      members.forEach((g, k) => {
        const raw = zero();
        for (const p of NAB_PROFILE_NAMES) raw[p] = scoreNabFile(s.timestamps, detected[k]!, fileWindows, NAB_PROFILES[p]).score;
        runs[g]!.push({ file: s.key, windows: fileWindows.length, raw, detections: detected[k]!.filter(Boolean).length });
      });
    }
  }
  const result: NabRuns = { files: series.map((s) => s.key), runs };
  if (cacheDir && cacheFile) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(result));
  }
  return result;
}

function groupScores(runs: readonly FileRun[], groupOf: (file: string) => string): GroupScore[] {
  const groups = new Map<string, FileRun[]>();
  for (const r of runs) groups.set(groupOf(r.file), [...(groups.get(groupOf(r.file)) ?? []), r]);
  return [...groups.entries()].map(([group, members]) => {
    const { raw, windows } = sum(members);
    return { group, files: members.length, windows, raw, scores: windows > 0 ? normalise(raw, windows) : null };
  });
}

/**
 * Leave one group out: for each group, the setting of the grid that scores best (standard profile, raw sum) on all
 * the other groups is applied to it; the held-out raw scores are summed and normalised over every window.
 */
export function leaveOneGroupOut(
  nab: NabRuns,
  grid: readonly VolumeDetectorSettings[],
  groupOf: (file: string) => string,
): { scores: ProfileScores; picks: HeldOutPick[] } {
  const groups = [...new Set(nab.files.map(groupOf))];
  const total = zero();
  let windows = 0;
  const picks: HeldOutPick[] = [];
  for (const group of groups) {
    let best = 0;
    let bestScore = -Infinity;
    nab.runs.forEach((run, g) => {
      const others = run.filter((r) => groupOf(r.file) !== group).reduce((acc, r) => acc + r.raw.standard, 0);
      if (others > bestScore) {
        bestScore = others;
        best = g;
      }
    });
    const held = sum(nab.runs[best]!.filter((r) => groupOf(r.file) === group));
    windows += held.windows;
    for (const p of NAB_PROFILE_NAMES) total[p] += held.raw[p];
    picks.push({ group, settings: grid[best]!, raw: held.raw });
  }
  return { scores: normalise(total, windows), picks };
}

function publishedScores(folder: string, files: readonly string[], windowsOf: Map<string, number>): NabEvaluation['published'] {
  const perDetector = new Map<string, Map<string, ProfileScores>>();
  for (const profile of NAB_PROFILE_NAMES) {
    for (const row of readPublishedScores(folder, profile)) {
      if (!files.includes(row.file)) continue;
      const byFile = perDetector.get(row.detector) ?? new Map<string, ProfileScores>();
      const scores = byFile.get(row.file) ?? zero();
      scores[profile] = row.score;
      byFile.set(row.file, scores);
      perDetector.set(row.detector, byFile);
    }
  }
  const published: NabEvaluation['published'] = [];
  for (const [detector, byFile] of perDetector) {
    if (byFile.size !== files.length) continue;
    const runs: FileRun[] = files.map((file) => ({ file, windows: windowsOf.get(file) ?? 0, raw: byFile.get(file)!, detections: 0 }));
    const { raw, windows } = sum(runs);
    published.push({
      detector,
      whole: normalise(raw, windows),
      byCategory: new Map(groupScores(runs, categoryOf).map((g) => [g.group, g.scores])),
    });
  }
  return published.sort((a, b) => b.whole.standard - a.whole.standard);
}

/**
 * Evaluates `settings` on a NAB-layout folder: whole set and per category, beside the published detectors, and
 * the leave-one-category-out estimate over `grid` (leave-one-file-out when the folder holds one category).
 * `settings` must be one of the grid's.
 */
export function evaluateNab(folder: string, settings: VolumeDetectorSettings, grid: readonly VolumeDetectorSettings[], cacheDir?: string): NabEvaluation {
  const index = grid.findIndex((g) => JSON.stringify(g) === JSON.stringify(settings));
  if (index < 0) throw new Error('eval:nab: the evaluated setting must be part of the grid');
  const nab = runNab(folder, grid, cacheDir);
  const perFile = nab.runs[index]!;
  const { raw, windows } = sum(perFile);
  const totals = nab.runs.map((run) => sum(run).raw.standard);
  // The first of equal bests: the grid lists smaller changes first.
  const best = totals.indexOf(Math.max(...totals));
  const categories = new Set(nab.files.map(categoryOf));
  const grouping = categories.size > 1 ? 'category' : 'file';
  const groupOf = grouping === 'category' ? categoryOf : (file: string) => file;
  const heldOut = nab.files.length > 1 ? { grouping, settings: grid.length, ...leaveOneGroupOut(nab, grid, groupOf) } : null;
  return {
    files: nab.files.length,
    windows,
    whole: normalise(raw, windows),
    byCategory: groupScores(perFile, categoryOf),
    perFile,
    heldOut: heldOut as NabEvaluation['heldOut'],
    published: publishedScores(folder, nab.files, new Map(perFile.map((r) => [r.file, r.windows]))),
    bestOfGrid: { settings: grid[best]!, whole: normalise(sum(nab.runs[best]!).raw, windows) },
  };
}
