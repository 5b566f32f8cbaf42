import { describe, expect, it } from 'vitest';
import { evaluateNab } from '../../../../../../scripts/eval/nab/evaluateNab';
import { DEFAULT_VOLUME_SETTINGS } from '../../../../../../src/main/features/detection/volume/defaultVolumeSettings';
import { SeasonalVolumeDetector } from '../../../../../../src/main/features/detection/volume/seasonalVolumeDetector';
import { sharedData } from '../../../../../support/paths';

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

  it('catches a surge that builds over an hour even after a bigger one-bucket spike the day before (each scale judges novelty on its own)', () => {
    const spikeAt = 9 * PER_DAY + 100;
    const onset = 10 * PER_DAY + 150;
    const counts = Array.from({ length: 12 * PER_DAY }, (_, b) =>
      b === spikeAt ? 5000 : Math.round(diurnal(b) * (b >= onset && b < onset + 24 ? 6 : 1)),
    );
    const firedAt = (scales: number[]) => {
      const d = new SeasonalVolumeDetector({ ...DEFAULT_VOLUME_SETTINGS, scales });
      return counts.flatMap((count, b) => {
        const o = d.observe(b * BUCKET, count);
        return o.fired ? [{ b, scale: o.scale }] : [];
      });
    };
    expect(firedAt([1])).toEqual([{ b: spikeAt, scale: 1 }]);
    const both = firedAt([...DEFAULT_VOLUME_SETTINGS.scales]);
    expect(both).toHaveLength(2);
    expect(both[1]!.scale).toBe(12);
    expect(both[1]!.b - onset).toBeGreaterThanOrEqual(0);
    expect(both[1]!.b - onset).toBeLessThan(12);
  });

  it('peeks at a bucket still filling without changing its state, and agrees with observe once it closes', () => {
    const onset = 10 * PER_DAY + 150;
    const d = new SeasonalVolumeDetector(DEFAULT_VOLUME_SETTINGS);
    for (let b = 0; b < onset; b += 1) d.observe(b * BUCKET, diurnal(b));
    const quiet = d.peek(onset * BUCKET, 1);
    expect(quiet.fired).toBe(false);
    const partial = d.peek(onset * BUCKET, diurnal(onset) + 400);
    expect(partial.fired).toBe(true);
    expect(partial.active).toBe(true);
    expect(d.lastBucketStart).toBe((onset - 1) * BUCKET);
    const closed = d.observe(onset * BUCKET, diurnal(onset) + 600);
    expect(closed.fired).toBe(true);
    expect(closed.z).toBeGreaterThanOrEqual(partial.z);
    expect(d.peek((onset + 1) * BUCKET, diurnal(onset + 1) + 600)).toMatchObject({ fired: false, active: true });
  });

  it('treats missing buckets as zero and refuses time going backwards', () => {
    const d = new SeasonalVolumeDetector(DEFAULT_VOLUME_SETTINGS);
    d.observe(0, 3);
    const later = d.observe(10 * BUCKET, 3);
    expect(later.fired).toBe(false);
    expect(() => d.observe(5 * BUCKET, 1)).toThrow(/increasing time order/);
  });

  it('scores above the best published detector (ARTime) on the NAB dev files, standard profile', () => {
    const result = evaluateNab(sharedData('nab-dev'), DEFAULT_VOLUME_SETTINGS);
    expect(result.files).toBe(5);
    const artime = result.published.find((p) => p.detector === 'ARTime');
    expect(artime?.scores.standard).toBeCloseTo(83.8, 1);
    expect(result.tocsin.standard).toBeGreaterThan(artime!.scores.standard);
    const gaussian = result.published.find((p) => p.detector === 'windowedGaussian');
    expect(gaussian?.scores.standard).toBeCloseTo(64.8, 1);
  });
});
