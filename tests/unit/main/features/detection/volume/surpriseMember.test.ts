import { describe, expect, it } from 'vitest';
import { DEFAULT_VOLUME_SETTINGS } from '../../../../../../src/main/features/detection/volume/defaultVolumeSettings';
import { createMember, type MemberReading, type MemberSizes } from '../../../../../../src/main/features/detection/volume/streamMembers';

const s = DEFAULT_VOLUME_SETTINGS;
const SIZES: MemberSizes = {
  recent: 144,
  long: 2016,
  seasonalDays: s.seasonalDays,
  slotTolerance: s.slotTolerance,
  shapeLength: s.shapeLength,
  shapeVigilance: s.shapeVigilance,
  shapeCapacity: s.shapeCapacity,
  spreadFloor: s.spreadFloor,
  surpriseBins: s.surpriseBins,
  surpriseContext: s.surpriseContext,
  surpriseSpan: s.surpriseSpan,
};

/** A cycle of 32 readings (a trough, 16 low, 14 high, a peak) with a little deterministic noise on its plateaus. */
function wave(i: number): number {
  const noise = Math.sin(i * 12.9898) * 43758.5453;
  const phase = i % 32;
  if (phase === 0) return 0;
  if (phase === 31) return 60;
  return (phase <= 16 ? 10 : 50) + 2 * (noise - Math.floor(noise));
}

function feed(values: (i: number) => number, count: number): Array<MemberReading | null> {
  const member = createMember({ kind: 'surprise', scale: 1 }, SIZES);
  const history: number[] = [];
  const readings: Array<MemberReading | null> = [];
  for (let i = 0; i < count; i += 1) {
    history.push(values(i));
    const recent = { size: history.length, back: (k: number) => history[history.length - 1 - k]! };
    const pending = member.read(recent, { slot: 0, slots: 1 });
    pending.commit();
    readings.push(pending.reading);
  }
  return readings;
}

describe('surprise member (sequence predictor surprise as a likelihood)', () => {
  it('stays under the gate threshold on a sequence it has learned', () => {
    const readings = feed(wave, 3000).slice(1000);
    expect(readings.every((r) => r !== null)).toBe(true);
    expect(Math.max(...readings.map((r) => Math.abs(r!.score)))).toBeLessThan(s.gate.threshold);
  });

  it('reads a sequence that stops following its usual course as unusual, against the level it expected', () => {
    const breakAt = 2400 + 17;
    // The wave should rise at breakAt; it stays low until the peak instead (every level is one it knows, only
    // a low run that long is new).
    const readings = feed((i) => (i >= breakAt && i < breakAt + 14 ? 10 + (wave(i) - Math.floor(wave(i))) : wave(i)), 2500);
    const before = readings.slice(1000, breakAt).map((r) => Math.abs(r!.score));
    const during = readings.slice(breakAt, breakAt + 14).map((r) => r!);
    const peak = during.reduce((a, b) => (Math.abs(b.score) > Math.abs(a.score) ? b : a));
    expect(Math.abs(peak.score)).toBeGreaterThanOrEqual(s.gate.threshold);
    expect(Math.abs(peak.score)).toBeGreaterThan(Math.max(...before));
    expect(peak.score).toBeLessThan(0);
    expect(peak.baseline).toBeGreaterThan(peak.level);
  });
});
