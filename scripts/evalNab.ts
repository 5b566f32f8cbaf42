// npm run eval:nab -- <folder laid out like NAB: data/<category>/*.csv, labels/combined_windows.json, results/>
// Scores the volume detector's one setting per category and on the whole set beside the published detectors, and
// estimates how the way that setting was chosen carries to unseen kinds of series: leave one category out over the
// small grid it was chosen from (leave one file out when the folder holds a single category). Per-setting results
// are cached under .cache/eval-nab (keyed by the detector's code, the settings and the data).
import { resolve } from 'node:path';
import { evaluateNab, type ProfileScores } from './eval/nab/evaluateNab';
import { settingsGrid } from './eval/nab/settingsGrid';
import { DEFAULT_VOLUME_SETTINGS } from '../src/main/features/detection/volume/defaultVolumeSettings';
import type { VolumeDetectorSettings } from '../src/main/features/detection/volume/volumeDetector';

const folder = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!folder) {
  console.error('usage: npm run eval:nab -- <NAB-layout folder> [--no-cache]');
  process.exit(2);
}

const grid = settingsGrid(DEFAULT_VOLUME_SETTINGS);

const cacheDir = process.argv.includes('--no-cache') ? undefined : resolve(__dirname, '..', '.cache', 'eval-nab');
const result = evaluateNab(resolve(folder), DEFAULT_VOLUME_SETTINGS, grid, cacheDir);

const num = (n: number | undefined | null, width = 9) => (n === undefined || n === null ? '—' : n.toFixed(1)).padStart(width);
const settingText = (s: VolumeDetectorSettings) =>
  `recent=${s.recentHours}h threshold=${s.gate.threshold} novelty=${s.gate.noveltyRatio}×${s.gate.noveltyDays}d cooldown=${s.gate.cooldownReadings}`;
const profiles = (s: ProfileScores) => `${num(s.standard, 8)}${num(s.reward_low_FP_rate, 8)}${num(s.reward_low_FN_rate, 8)}`;

console.log(`NAB evaluation of ${result.files} files, ${result.windows} windows, ${result.byCategory.length} categories`);
console.log(`threshold policy: binary episode openings, one setting for every series (${settingText(DEFAULT_VOLUME_SETTINGS)}), chosen on this development data`);

const shown = ['ARTime', 'contextOSE', 'numenta', 'htmjava', 'earthgeckoSkyline', 'windowedGaussian'].filter((d) => result.published.some((p) => p.detector === d));
console.log('\nper category, standard profile (raw score of false alarms where a category has no window):');
console.log(`${'category'.padEnd(24)}${'files'.padStart(6)}${'windows'.padStart(8)}${'tocsin'.padStart(9)}${shown.map((d) => d.slice(0, 9).padStart(10)).join('')}`);
for (const c of result.byCategory) {
  const ours = c.scores ? num(c.scores.standard) : `raw ${c.raw.standard.toFixed(2)}`.padStart(9);
  const theirs = shown.map((d) => num(result.published.find((p) => p.detector === d)!.byCategory.get(c.group)?.standard, 10)).join('');
  console.log(`${c.group.padEnd(24)}${String(c.files).padStart(6)}${String(c.windows).padStart(8)}${ours}${theirs}`);
}

console.log(`\nwhole set (${result.files} files):`);
console.log(`${'detector'.padEnd(24)}${'standard'.padStart(8)}${'low_FP'.padStart(8)}${'low_FN'.padStart(8)}`);
const rows = [{ detector: '» tocsin (dev, in-sample)', scores: result.whole }, ...result.published.map((p) => ({ detector: p.detector, scores: p.whole }))].sort(
  (a, b) => b.scores.standard - a.scores.standard,
);
for (const row of rows) console.log(`${row.detector.padEnd(24)}${profiles(row.scores)}`);

console.log('\nper file (raw standard score / episodes opened):');
for (const f of result.perFile) console.log(`  ${f.file}: ${f.raw.standard.toFixed(3)} / ${f.detections}`);

if (result.heldOut) {
  const h = result.heldOut;
  console.log(`\nleave-one-${h.grouping}-out over ${h.settings} settings (each held-out ${h.grouping} scored with the setting that did best on the others):`);
  for (const p of h.picks) console.log(`  held out ${p.group}: raw standard ${p.raw.standard.toFixed(2)} with ${settingText(p.settings)}`);
  console.log(`leave-one-${h.grouping}-out standard=${h.scores.standard.toFixed(1)} low_fp=${h.scores.reward_low_FP_rate.toFixed(1)} low_fn=${h.scores.reward_low_FN_rate.toFixed(1)}`);
}
const b = result.bestOfGrid;
console.log(`best of the grid on this folder: ${settingText(b.settings)} standard=${b.whole.standard.toFixed(1)}`);
const t = result.whole;
console.log(`tocsin standard=${t.standard.toFixed(1)} low_fp=${t.reward_low_FP_rate.toFixed(1)} low_fn=${t.reward_low_FN_rate.toFixed(1)} files=${result.files}`);
