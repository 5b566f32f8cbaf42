// npm run eval:tone -- <folder laid out like tone-dev: <english|french>/<split>_text.txt and <split>_labels.txt> [split]
import { resolve } from 'node:path';
import { evaluateTone } from './eval/tone/evaluateTone';
import type { ToneMetrics } from './eval/tone/toneMetrics';
import type { ShareError } from './eval/tone/shareError';

const folder = process.argv[2];
const split = process.argv[3] ?? 'val';
if (!folder) {
  console.error('usage: npm run eval:tone -- <folder> [split=val]');
  process.exit(2);
}
const results = evaluateTone(resolve(folder), split);
if (results.length === 0) {
  console.error(`no ${split} split found under ${folder}`);
  process.exit(1);
}
const line = (name: string, m: ToneMetrics) =>
  `  ${name.padEnd(34)} macroF1=${m.macroF1.toFixed(3)}  F1 neg/neu/pos=${m.f1.negative.toFixed(2)}/${m.f1.neutral.toFixed(2)}/${m.f1.positive.toFixed(2)}  neg_precision=${m.negativePrecision.toFixed(2)} neg_recall=${m.negativeRecall.toFixed(2)}  confusion=${JSON.stringify(m.confusion)}`;
const share = (name: string, e: ShareError | null) =>
  e
    ? `  ${name.padEnd(34)} share mae_raw=${e.maeRaw.toFixed(3)} mae_corrected=${e.maeCorrected.toFixed(3)} band95_coverage=${e.bandCoverage.toFixed(2)}`
    : null;
for (const r of results) {
  console.log(`${r.language} (${split}, n=${r.lexicon.n})`);
  console.log(line('lexicon', r.lexicon));
  if (r.model) console.log(line(`local model (trained on train, n=${r.trainSize})`, r.model));
  // Negative share over 200 samples of 100 posts of this split, prevalence 5–60 %; confusion measured on train
  // (the local model's by 5-fold cross-validation, so it is not scored on its own training posts).
  for (const l of [share('lexicon', r.lexiconShare), share('local model', r.modelShare)]) if (l) console.log(l);
}
const summary = results
  .map((r) => `${r.language}_lexicon=${r.lexicon.macroF1.toFixed(3)}${r.model ? ` ${r.language}_model=${r.model.macroF1.toFixed(3)}` : ''}`)
  .join(' ');
console.log(`tone ${summary}`);
