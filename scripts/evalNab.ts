// npm run eval:nab -- <folder laid out like NAB: data/<category>/*.csv, labels/combined_windows.json, results/>
import { resolve } from 'node:path';
import { evaluateNab } from '../src/main/detection/nab/evaluateNab';
import { DEFAULT_VOLUME_SETTINGS } from '../src/main/detection/volume/defaultVolumeSettings';

const folder = process.argv[2];
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
const t = result.tocsin;
console.log(
  `tocsin standard=${t.standard.toFixed(1)} low_fp=${t.reward_low_FP_rate.toFixed(1)} low_fn=${t.reward_low_FN_rate.toFixed(1)} files=${result.files}`,
);
