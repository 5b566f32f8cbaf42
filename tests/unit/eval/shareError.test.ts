// eval:tone's negative-share protocol on labelled posts whose classifier verdicts are known.
import { describe, expect, it } from 'vitest';
import { measuredConfusion, shareError, SHARE_PROTOCOL } from '../../../scripts/eval/tone/shareError';
import type { ToneClass } from '../../../src/shared/domain/storedMention';
import { seededRandom } from '../../../src/main/platform/seededRandom';

/** 300 negative and 600 other posts; the classifier catches `tpr` of the first and calls `fpr` of the others negative. */
function labelled(tpr: number, fpr: number, seed: number) {
  const random = seededRandom(seed);
  const gold: ToneClass[] = [];
  const predicted: ToneClass[] = [];
  for (let i = 0; i < 900; i += 1) {
    const negative = i < 300;
    gold.push(negative ? 'negative' : i % 2 ? 'neutral' : 'positive');
    predicted.push(random() < (negative ? tpr : fpr) ? 'negative' : 'neutral');
  }
  return { gold, predicted };
}

describe('share error protocol', () => {
  it('is zero for a perfect classifier', () => {
    const { gold, predicted } = labelled(1, 0, 1);
    const e = shareError(gold, predicted, measuredConfusion(gold, predicted));
    expect(e.maeRaw).toBe(0);
    expect(e.maeCorrected).toBeLessThan(0.005);
    expect(e.samples).toBe(SHARE_PROTOCOL.samples);
  });

  it('shows the raw share biased and the corrected one not, with the confusion measured on another draw', () => {
    const train = labelled(0.65, 0.15, 2);
    const val = labelled(0.65, 0.15, 3);
    const e = shareError(val.gold, val.predicted, measuredConfusion(train.gold, train.predicted));
    expect(e.maeRaw).toBeGreaterThan(0.06);
    expect(e.maeCorrected).toBeLessThan(e.maeRaw);
    expect(e.bandCoverage).toBeGreaterThan(0.9);
  });

  it('repeats exactly for the same seed', () => {
    const { gold, predicted } = labelled(0.7, 0.1, 4);
    const c = measuredConfusion(gold, predicted);
    expect(shareError(gold, predicted, c)).toEqual(shareError(gold, predicted, c));
  });
});
