// npm run eval:nab -- <folder laid out like NAB: data/<category>/*.csv, labels/combined_windows.json, results/> [--lofo]
// --lofo adds a leave-one-file-out estimate over a small grid around the fixed setting (how well it generalises).
import { resolve } from 'node:path';
import { evaluateNab, evaluateNabLeaveOneOut } from './eval/nab/evaluateNab';
import { DEFAULT_VOLUME_SETTINGS } from '../src/main/features/detection/volume/defaultVolumeSettings';

const folder = process.argv.slice(2).find((a) => !a.startsWith('--'));
const lofo = process.argv.includes('--lofo');
if (!folder) {
  console.error('usage: npm run eval:nab -- <NAB-layout folder>');
  process.exit(2);
}
const result = evaluateNab(resolve(folder), DEFAULT_VOLUME_SETTINGS);
const fmt = (n: number) => n.toFixed(1).padStart(8);
console.log(`NAB evaluation of ${result.files} files, ${result.windows} windows (threshold policy: binary episode openings, one fixed setting for every file)`);
console.log(`${'detector'.padEnd(22)}${'standard'.padStart(8)}${'low_FP'.padStart(8)}${'low_FN'.padStart(8)}`);
const rows = [
  { detector: '» tocsin', scores: result.tocsin },
  ...result.published.map((p) => ({ detector: p.detector, scores: p.scores })),
].sort((a, b) => b.scores.standard - a.scores.standard);
for (const row of rows) {
  console.log(`${row.detector.padEnd(22)}${fmt(row.scores.standard)}${fmt(row.scores.reward_low_FP_rate)}${fmt(row.scores.reward_low_FN_rate)}`);
}
console.log('per file (raw standard score / episodes opened):');
for (const f of result.perFile) console.log(`  ${f.file}: ${f.raw.standard.toFixed(3)} / ${f.detections}`);
if (lofo) {
  const grid = [];
  for (const scales of [[1], [1, 6], [1, 12]])
    for (const threshold of [4, 5, 6])
      for (const noveltyDays of [3, 5, 7]) for (const spreadFloor of [0.25, 0.3, 0.35]) grid.push({ scales, threshold, noveltyDays, spreadFloor });
  const loo = evaluateNabLeaveOneOut(resolve(folder), DEFAULT_VOLUME_SETTINGS, grid);
  for (const p of loo.picks) console.log(`  held out ${p.file}: picked ${JSON.stringify(p.settings)}`);
  console.log(
    `leave-one-file-out (${grid.length} settings) standard=${loo.scores.standard.toFixed(1)} low_fp=${loo.scores.reward_low_FP_rate.toFixed(1)} low_fn=${loo.scores.reward_low_FN_rate.toFixed(1)}`,
  );
}
const t = result.tocsin;
console.log(
  `tocsin standard=${t.standard.toFixed(1)} low_fp=${t.reward_low_FP_rate.toFixed(1)} low_fn=${t.reward_low_FN_rate.toFixed(1)} files=${result.files}`,
);
