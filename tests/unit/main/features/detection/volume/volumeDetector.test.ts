import { describe, expect, it } from 'vitest';
import { DEFAULT_VOLUME_SETTINGS } from '../../../../../../src/main/features/detection/volume/defaultVolumeSettings';
import { VolumeDetector } from '../../../../../../src/main/features/detection/volume/volumeDetector';

const BUCKET = 5 * 60_000;
const PER_DAY = 288;

/** Deterministic diurnal series: quiet nights, busy afternoons, with a little pseudo-random noise. */
function diurnal(bucket: number, seed = 7): number {
  const hour = ((bucket % PER_DAY) / PER_DAY) * 24;
  const base = 20 + 60 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI));
  const noise = Math.sin(bucket * 12.9898 + seed) * 43758.5453;
  return Math.round(base * (0.85 + 0.3 * (noise - Math.floor(noise))));
}

function run(days: number, extra: (b: number) => number = () => 0) {
  const d = new VolumeDetector(DEFAULT_VOLUME_SETTINGS);
  const fired: Array<{ b: number; direction: string | null; kind: string | undefined }> = [];
  for (let b = 0; b < days * PER_DAY; b += 1) {
    const o = d.observe(b * BUCKET, diurnal(b) + extra(b));
    if (o.fired) fired.push({ b, direction: o.direction, kind: o.reason?.kind });
  }
  return fired;
}

describe('VolumeDetector', () => {
  it('learns the interval between readings from the data', () => {
    const d = new VolumeDetector(DEFAULT_VOLUME_SETTINGS);
    for (let i = 0; i < 40; i += 1) d.observe(i * 3_600_000, 10);
    expect(d.interval).toBe(3_600_000);
  });

  it('stays quiet on a regular daily cycle once it has seen a few days of it (its busy afternoons are its normal)', () => {
    // A young stream sets records easily: at most one early rise, none once the first days are behind it.
    const rises = run(21).filter((f) => f.direction === 'up');
    expect(rises.length).toBeLessThanOrEqual(1);
    expect(rises.filter((f) => f.b >= 7 * PER_DAY)).toEqual([]);
  });

  it('opens exactly one rising episode for a multi-hour surge, on its first bucket, and says what stood out against what', () => {
    const onset = 10 * PER_DAY + 150;
    const d = new VolumeDetector(DEFAULT_VOLUME_SETTINGS);
    const opened = [];
    for (let b = 0; b < 14 * PER_DAY; b += 1) {
      const o = d.observe(b * BUCKET, diurnal(b) + (b >= onset && b < onset + 48 ? 600 : 0));
      if (o.fired && o.direction === 'up' && b >= onset - PER_DAY) opened.push({ b, o });
    }
    expect(opened.map((x) => x.b)).toEqual([onset]);
    const { o } = opened[0]!;
    expect(o.direction).toBe('up');
    expect(o.reason!.score).toBeGreaterThanOrEqual(DEFAULT_VOLUME_SETTINGS.gate.threshold);
    expect(o.reason!.level).toBeGreaterThan(o.reason!.baseline);
  });

  it('runs on an hourly stream with gaps, repeated and out-of-order timestamps, and still finds its surge', () => {
    const HOUR = 3_600_000;
    const d = new VolumeDetector(DEFAULT_VOLUME_SETTINGS);
    const surgeAt = 30 * 24 + 13;
    const fired: number[] = [];
    for (let h = 0; h < 40 * 24; h += 1) {
      if (h % 17 === 5) continue; // missing readings
      const at = h * HOUR + (h % 7) * 60_000; // irregular
      const value = 50 + 20 * Math.sin((h / 24) * 2 * Math.PI) + (h % 5) + (h >= surgeAt && h < surgeAt + 4 ? 400 : 0);
      if (d.observe(at, value).fired && h >= surgeAt - 24) fired.push(h);
      if (h % 23 === 0) d.observe(at - 30 * 60_000, value); // a late reading is taken at the latest time seen
    }
    expect(Math.abs(d.interval! - HOUR)).toBeLessThanOrEqual(HOUR / 60);
    expect(fired[0]).toBe(surgeAt);
  });

  it('peeks at a bucket still filling without changing its state, and agrees with observe once it closes', () => {
    const onset = 10 * PER_DAY + 150;
    const d = new VolumeDetector(DEFAULT_VOLUME_SETTINGS);
    for (let b = 0; b < onset; b += 1) d.observe(b * BUCKET, diurnal(b));
    expect(d.peek(onset * BUCKET, 1)).toMatchObject({ fired: false, active: false });
    const partial = d.peek(onset * BUCKET, diurnal(onset) + 400);
    expect(partial).toMatchObject({ fired: true, active: true, direction: 'up' });
    expect(d.lastReadingAt).toBe((onset - 1) * BUCKET);
    const closed = d.observe(onset * BUCKET, diurnal(onset) + 600);
    expect(closed.fired).toBe(true);
    expect(closed.reason!.score).toBeGreaterThanOrEqual(partial.reason!.score);
    expect(d.peek((onset + 1) * BUCKET, diurnal(onset + 1) + 600)).toMatchObject({ fired: false, active: true });
  });

  it('refuses readings that are not numbers', () => {
    const d = new VolumeDetector(DEFAULT_VOLUME_SETTINGS);
    expect(() => d.observe(0, Number.NaN)).toThrow(/finite/);
  });
});
