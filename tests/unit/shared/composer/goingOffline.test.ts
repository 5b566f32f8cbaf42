import { describe, expect, it } from 'vitest';
import { goingOfflineSuggestion, type OfflineReading } from '../../../../src/shared/composer/goingOffline';
import { loadDefaultPlan } from '../../../../src/main/features/plan/defaultPlan';

const plan = loadDefaultPlan();
const crisis = plan.thresholds.defaults;
const LINE = { volumeRatio: crisis.volumeRatio.crisis, negativeShareDelta: crisis.negativeShareDelta.crisis, sustainMinutes: plan.publishing.goingOfflineAfterMinutes };
const START = Date.parse('2026-12-07T09:00:00.000Z');
const at = (minute: number): string => new Date(START + minute * 60_000).toISOString();
const now = (minute: number): Date => new Date(START + minute * 60_000);

/** One reading every five minutes from `from` to `to`, with the given values. */
function readings(from: number, to: number, volumeRatio: number, negativeShareDelta: number): OfflineReading[] {
  const out: OfflineReading[] = [];
  for (let m = from; m <= to; m += 5) out.push({ at: at(m), volumeRatio, negativeShareDelta });
  return out;
}

describe('going offline suggestion', () => {
  it('reads its line from the plan: the crisis thresholds and 30 minutes', () => {
    expect(LINE).toEqual({ volumeRatio: 8, negativeShareDelta: 35, sustainMinutes: 30 });
  });

  it('is suggested once both signals have stayed above the crisis line for the plan’s time, not before', () => {
    const held = [...readings(0, 10, 3, 10), ...readings(15, 60, 12, 42)];
    expect(goingOfflineSuggestion('crisis', held, LINE, now(44))).toBeNull();
    expect(goingOfflineSuggestion('crisis', held, LINE, now(45))).toEqual({ since: at(15), minutesAbove: 30 });
    expect(goingOfflineSuggestion('crisis', held, LINE, now(62))).toEqual({ since: at(15), minutesAbove: 47 });
  });

  it('needs the crisis level', () => {
    const held = readings(0, 60, 12, 42);
    for (const level of ['calm', 'vigilance', 'alert'] as const) expect(goingOfflineSuggestion(level, held, LINE, now(60))).toBeNull();
  });

  it('needs both signals: a loud but not hostile crowd, or a hostile but small one, is no reason to go quiet', () => {
    expect(goingOfflineSuggestion('crisis', readings(0, 60, 20, 20), LINE, now(60))).toBeNull();
    expect(goingOfflineSuggestion('crisis', readings(0, 60, 3, 60), LINE, now(60))).toBeNull();
  });

  it('counts from the last time a signal dipped under the line, and stops once the latest reading is back under it', () => {
    const dipped = [...readings(0, 20, 12, 42), { at: at(25), volumeRatio: 7.9, negativeShareDelta: 42 }, ...readings(30, 60, 12, 42)];
    expect(goingOfflineSuggestion('crisis', dipped, LINE, now(55))).toBeNull();
    expect(goingOfflineSuggestion('crisis', dipped, LINE, now(60))).toEqual({ since: at(30), minutesAbove: 30 });
    const calmer = [...readings(0, 60, 12, 42), { at: at(65), volumeRatio: 12, negativeShareDelta: 30 }];
    expect(goingOfflineSuggestion('crisis', calmer, LINE, now(65))).toBeNull();
  });

  it('does not bridge a gap in the readings nor trust a stale one, whatever their order', () => {
    const gap = [...readings(0, 20, 12, 42), ...readings(40, 60, 12, 42)];
    expect(goingOfflineSuggestion('crisis', gap.reverse(), LINE, now(65))).toBeNull();
    expect(goingOfflineSuggestion('crisis', readings(0, 40, 12, 42), LINE, now(56))).toBeNull();
    expect(goingOfflineSuggestion('crisis', readings(0, 40, 12, 42), LINE, now(55))).toEqual({ since: at(0), minutesAbove: 55 });
    expect(goingOfflineSuggestion('crisis', [], LINE, now(60))).toBeNull();
  });
});
