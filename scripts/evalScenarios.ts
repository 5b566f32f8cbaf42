// npm run eval:scenarios — seeded FR/EN scenarios through the real tone enricher and detection evaluator.
import { generateScenario, standardSuite } from '../src/main/features/detection/scenarios/scenarioGenerator';
import { runScenario } from './eval/scenarios/runScenario';
import { buildVocabulary } from '../src/main/features/detection/engine/buildVocabulary';
import { loadDefaultPlan } from '../src/main/features/plan/defaultPlan';
import { loadLexicons } from '../src/main/features/tone/lexicon';
import { ToneEnricher } from '../src/main/features/tone/toneEnricher';

const settings = loadDefaultPlan().thresholds.defaults;
const lexicons = loadLexicons();
const vocabulary = buildVocabulary(settings, lexicons);
const enricher = new ToneEnricher(lexicons);
const delays: number[] = [];
let onsets = 0;
let detected = 0;
let falseAlerts = 0;
let watchDays = 0;
let calmAlerts = 0;
for (const spec of standardSuite()) {
  const outcome = runScenario(generateScenario(spec), settings, vocabulary, enricher);
  watchDays += outcome.watchDays;
  falseAlerts += outcome.falseAlerts;
  if (outcome.onset !== null) {
    onsets += 1;
    if (outcome.detected) {
      detected += 1;
      delays.push(outcome.delayMinutes!);
    }
  } else {
    calmAlerts += outcome.alerts.length;
  }
  const first = outcome.alerts[0];
  console.log(
    `${spec.kind.padEnd(15)} ${spec.language} x${String(spec.multiplier).padEnd(3)} detected=${outcome.onset === null ? '-' : outcome.detected} delay_min=${outcome.delayMinutes ?? '-'} false_alerts=${outcome.falseAlerts}${first ? ` first=${first.level}(${first.signals.join('+')})` : ''}`,
  );
}
delays.sort((a, b) => a - b);
const median = delays.length ? (delays[(delays.length - 1) >> 1]! + delays[delays.length >> 1]!) / 2 : NaN;
console.log(
  `scenarios onsets=${onsets} detected=${detected} median_delay_min=${median} false_alerts_per_watch_day=${(falseAlerts / watchDays).toFixed(3)} calm_alerts=${calmAlerts}`,
);
