import { readFileSync } from 'node:fs';
import { sharedData } from '../../../support/paths';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNabTimestamp, readNabSeries, readNabWindows } from '../../../../scripts/eval/nab/nabCorpus';
import {
  NAB_PROFILES,
  normaliseNabScore,
  scaledSigmoid,
  scoreNabFile,
  type NabProfileName,
} from '../../../../scripts/eval/nab/nabScorer';

const nabDir = sharedData('nab-dev');

interface Golden {
  detectors: Record<
    string,
    Record<
      string,
      {
        threshold: number;
        files: Record<string, { flagged: string[]; expected: { Score: number; TP: number; TN: number; FP: number; FN: number } }>;
      }
    >
  >;
}

describe('NAB scorer port', () => {
  const golden = JSON.parse(readFileSync(join(nabDir, 'derived', 'reference_detections_realTweets.json'), 'utf8')) as Golden;
  const windows = readNabWindows(nabDir);
  const series = new Map(readNabSeries(nabDir, windows).map((s) => [s.key, s]));

  it('scaled sigmoid matches NAB at its reference points', () => {
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(3.5)).toBe(-1);
  });

  const cases: Array<[string, string, string]> = [];
  for (const [detector, profiles] of Object.entries(golden.detectors)) {
    for (const [profile, entry] of Object.entries(profiles)) {
      for (const file of Object.keys(entry.files)) cases.push([detector, profile, file]);
    }
  }

  it('covers the 90 golden entries', () => {
    expect(cases).toHaveLength(90);
  });

  it.each(cases)('%s %s %s reproduces NAB exactly', (detector, profile, file) => {
    const entry = golden.detectors[detector]![profile]!;
    const { flagged, expected } = entry.files[file]!;
    const s = series.get(file)!;
    const flaggedSet = new Set(flagged.map(parseNabTimestamp));
    const detected = s.timestamps.map((t) => flaggedSet.has(t));
    const result = scoreNabFile(s.timestamps, detected, windows.get(file)!, NAB_PROFILES[profile as NabProfileName]);
    expect(result.score).toBeCloseTo(expected.Score, 6);
    expect({ tp: result.tp, tn: result.tn, fp: result.fp, fn: result.fn }).toEqual({
      tp: expected.TP,
      tn: expected.TN,
      fp: expected.FP,
      fn: expected.FN,
    });
  });

  it('normalises the null and perfect detectors to 0 and 100', () => {
    expect(normaliseNabScore(-16, 16, NAB_PROFILES.standard)).toBe(0);
    expect(normaliseNabScore(16, 16, NAB_PROFILES.standard)).toBe(100);
    expect(normaliseNabScore(-32, 16, NAB_PROFILES.reward_low_FN_rate)).toBe(0);
  });
});
