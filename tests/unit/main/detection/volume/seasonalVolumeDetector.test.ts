import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateNab } from '../../../../../src/main/detection/nab/evaluateNab';
import { DEFAULT_VOLUME_SETTINGS } from '../../../../../src/main/detection/volume/defaultVolumeSettings';
import { SeasonalVolumeDetector } from '../../../../../src/main/detection/volume/seasonalVolumeDetector';

const BUCKET = DEFAULT_VOLUME_SETTINGS.bucketMs;
const PER_DAY = 288;

/** Deterministic diurnal series: quiet nights, busy afternoons, with a little pseudo-random noise. */
function diurnal(bucket: number, seed = 7): number {
  const hour = ((bucket % PER_DAY) / PER_DAY) * 24;
  const base = 20 + 60 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI));
  const noise = Math.sin(bucket * 12.9898 + seed) * 43758.5453;
  return Math.round(base * (0.85 + 0.3 * (noise - Math.floor(noise))));
}

function run(days: number, spikeAt: number | null, spike: (b: number) => number = () => 0) {
  const d = new SeasonalVolumeDetector(DEFAULT_VOLUME_SETTINGS);
  const fired: number[] = [];
  for (let b = 0; b < days * PER_DAY; b += 1) {
    const extra = spikeAt !== null && b >= spikeAt ? spike(b - spikeAt) : 0;
    if (d.observe(b * BUCKET, diurnal(b) + extra).fired) fired.push(b);
  }
  return fired;
}

describe('SeasonalVolumeDetector', () => {
  it('stays quiet on a regular daily cycle (its busy afternoons are its normal)', () => {
    expect(run(14, null)).toEqual([]);
  });

  it('opens exactly one episode for a multi-hour surge, on its first bucket', () => {
    const onset = 10 * PER_DAY + 150;
    const fired = run(14, onset, (k) => (k < 48 ? 600 : 0));
    expect(fired).toEqual([onset]);
  });

  it('treats missing buckets as zero and refuses time going backwards', () => {
    const d = new SeasonalVolumeDetector(DEFAULT_VOLUME_SETTINGS);
    d.observe(0, 3);
    const later = d.observe(10 * BUCKET, 3);
    expect(later.fired).toBe(false);
    expect(() => d.observe(5 * BUCKET, 1)).toThrow(/increasing time order/);
  });

  it('scores well above the published windowed-Gaussian and S-H-ESD detectors on the NAB dev files', () => {
    const result = evaluateNab(resolve(__dirname, '../../../../../../shared/data/nab-dev'), DEFAULT_VOLUME_SETTINGS);
    expect(result.files).toBe(5);
    expect(result.tocsin.standard).toBeGreaterThan(75);
    const gaussian = result.published.find((p) => p.detector === 'windowedGaussian');
    expect(gaussian?.scores.standard).toBeCloseTo(64.8, 1);
  });
});
