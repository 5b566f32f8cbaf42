// npm run eval:tone -- <folder laid out like tone-dev: <english|french>/<split>_text.txt and <split>_labels.txt> [split]
//   [--curve-max N] [--curve-seeds K]: the queue's learning curves stop at N corrections, averaged over K seeds.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateTone } from './eval/tone/evaluateTone';
import { DEFAULT_CURVES, NEAR_FULL, type LearningCurves } from './eval/tone/learningCurve';
import { MIN_CORRECTIONS } from '../src/main/features/tone/correctionModel';
import type { ToneMetrics } from './eval/tone/toneMetrics';
import type { ShareError } from './eval/tone/shareError';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'curve-max': { type: 'string' }, 'curve-seeds': { type: 'string' } },
});
const [folder, split = 'val'] = positionals;
const count = (value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`not a positive whole number: ${value}`);
    process.exit(2);
  }
  return n;
};
if (!folder) {
  console.error('usage: npm run eval:tone -- <folder> [split=val] [--curve-max N] [--curve-seeds K]');
  process.exit(2);
}
const curves = {
  ...DEFAULT_CURVES,
  max: count(flags['curve-max'], DEFAULT_CURVES.max),
  seeds: Array.from({ length: count(flags['curve-seeds'], DEFAULT_CURVES.seeds.length) }, (_, i) => i + 1),
};
const results = evaluateTone(resolve(folder), split, { share: true, curves });
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
  if (r.curves) printCurves(r.language, r.curves);
}

function printCurves(language: string, c: LearningCurves) {
  const o = c.options;
  console.log(
    `  queue learning curves (${language}): pool = train split (n=${c.poolSize}, its labels play the analyst's answers), macro-F1 scored on ${split} (n=${c.scoredOn}), ` +
      `mean of ${o.seeds.length} seeds; both start from the same ${o.seedSize} random corrections, then add ${o.step} at a time ` +
      `chosen by the queue (the model's margin once it is trained, a random sample before) or at random; the lexicon scores until the model is trained`,
  );
  console.log(`    ${'corrections'.padEnd(12)} ${'uncertainty'.padEnd(12)} random`);
  c.corrections.forEach((n, i) => console.log(`    ${String(n).padEnd(12)} ${c.macroF1.uncertainty[i]!.toFixed(3).padEnd(12)} ${c.macroF1.random[i]!.toFixed(3)}`));
  const reach = (n: number | null) => (n === null ? `not within ${c.corrections.at(-1)}` : String(n));
  console.log(
    `    corrections the local model needs (counted from ${MIN_CORRECTIONS}, where it takes over from the lexicon) to reach the model trained on the whole train split (${split} macroF1=${c.fullPool.toFixed(3)}): ` +
      `uncertainty=${reach(c.reached.uncertainty)} random=${reach(c.reached.random)}`,
  );
  console.log(
    `    corrections to reach ${Math.round(NEAR_FULL * 100)} % of it (${split} macroF1=${(NEAR_FULL * c.fullPool).toFixed(3)}): ` +
      `uncertainty=${reach(c.reachedNear.uncertainty)} random=${reach(c.reachedNear.random)}`,
  );
}
const summary = results
  .map((r) => `${r.language}_lexicon=${r.lexicon.macroF1.toFixed(3)}${r.model ? ` ${r.language}_model=${r.model.macroF1.toFixed(3)}` : ''}`)
  .join(' ');
console.log(`tone ${summary}`);
