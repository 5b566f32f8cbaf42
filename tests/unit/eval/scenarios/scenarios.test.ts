import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../../src/main/features/detection/engine/buildVocabulary';
import { generateScenario, standardSuite } from '../../../../src/main/features/detection/scenarios/scenarioGenerator';
import { runScenario } from '../../../../scripts/eval/scenarios/runScenario';
import { loadDefaultPlan } from '../../../../src/main/features/plan/defaultPlan';
import { loadLexicons } from '../../../../src/main/features/tone/lexicon';
import { ToneEnricher } from '../../../../src/main/features/tone/toneEnricher';

const settings = loadDefaultPlan().thresholds.defaults;
const lexicons = loadLexicons();
const vocabulary = buildVocabulary(settings, lexicons);
const enricher = new ToneEnricher(lexicons);
const suite = standardSuite();

describe('generated scenarios', () => {
  it('is seeded: the same spec gives the same stream', () => {
    const spec = { ...suite[0]!, days: 1 };
    expect(generateScenario(spec).mentions).toEqual(generateScenario(spec).mentions);
    expect(generateScenario({ ...spec, seed: 99 }).mentions).not.toEqual(generateScenario(spec).mentions);
  });

  // A cross-section (the whole suite runs in `npm run eval:scenarios`): smallest and largest onsets, both calm kinds.
  const picked = suite.filter(
    (s) =>
      (s.kind === 'crisis' && ((s.language === 'fr' && s.multiplier === 3) || (s.language === 'en' && s.multiplier === 20))) ||
      (s.kind === 'campaignLaunch' && s.language === 'fr') ||
      (s.kind === 'positiveBuzz' && s.language === 'en'),
  );
  it.each(picked.map((s) => [`${s.kind} ${s.language} x${s.multiplier}`, s] as const))('%s', (_, spec) => {
    const outcome = runScenario(generateScenario(spec), settings, vocabulary, enricher);
    if (spec.kind === 'crisis') {
      expect(outcome.detected).toBe(true);
      expect(outcome.delayMinutes!).toBeLessThanOrEqual(60);
    } else {
      expect(outcome.alerts).toEqual([]);
    }
    expect(outcome.falseAlerts).toBe(0);
  });
});
