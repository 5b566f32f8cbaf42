// The queue's learning curves in eval:tone: same start for both policies, steps of 20, reach read off the mean curve.
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../../src/main/features/tone/lexicon';
import type { ToneClass } from '../../../src/shared/domain/storedMention';
import { learningCurves } from '../../../scripts/eval/tone/learningCurve';

const words: Record<ToneClass, string[]> = {
  negative: ['colis bloqué au relais', 'remboursement refusé', 'service client injoignable'],
  neutral: ['colis expédié', 'horaires du magasin', 'nouvelle adresse du dépôt'],
  positive: ['livraison offerte', 'remboursement reçu', 'conseiller très aimable'],
};

function split(n: number, offset: number) {
  const texts: string[] = [];
  const labels: ToneClass[] = [];
  for (let i = 0; i < n; i += 1) {
    const label = (['negative', 'neutral', 'positive'] as const)[i % 3]!;
    texts.push(`${words[label][Math.floor(i / 3) % 3]} pour la commande ${i + offset}`);
    labels.push(label);
  }
  return { texts, labels };
}

describe('queue learning curves', () => {
  it('starts both policies from the same corrections, adds 20 at a time and reads the reach off the mean curve', () => {
    const curves = learningCurves(split(150, 0), split(45, 1000), loadLexicons().fr, { seedSize: 20, step: 20, max: 100, seeds: [1, 2] });
    expect(curves.poolSize).toBe(150);
    expect(curves.scoredOn).toBe(45);
    expect(curves.corrections).toEqual([20, 40, 60, 80, 100]);
    // Below 30 corrections the lexicon scores, whatever the corrections: the same figure for both.
    expect(curves.macroF1.uncertainty[0]).toBe(curves.macroF1.random[0]);
    for (const policy of ['uncertainty', 'random'] as const) {
      expect(curves.macroF1[policy]).toHaveLength(5);
      const at = curves.reached[policy];
      const index = at === null ? curves.corrections.length : curves.corrections.indexOf(at);
      // Counted from 30 corrections, where the local model takes over from the lexicon.
      expect(curves.macroF1[policy].slice(1, index).every((f) => f < curves.fullPool)).toBe(true);
      expect(at === null || at >= 30).toBe(true);
      if (at !== null) expect(curves.macroF1[policy][index]).toBeGreaterThanOrEqual(curves.fullPool);
      const near = curves.reachedNear[policy];
      expect(near === null ? at === null : at === null || near <= at).toBe(true);
    }
    // The workspace vocabulary is learnt: trained on the whole pool, the model beats the lexicon on it.
    expect(curves.fullPool).toBeGreaterThan(curves.macroF1.random[0]! + 0.2);
  });
});
