import { describe, expect, it } from 'vitest';
import { goingOfflineSuggestion, type CampaignOnAir, type WatchLevelSince } from '../../../../src/shared/composer/goingOffline';
import { loadDefaultPlan } from '../../../../src/main/features/plan/defaultPlan';

const plan = loadDefaultPlan();
const AFTER = plan.publishing.goingOfflineAfterMinutes;
const START = Date.parse('2026-12-07T09:00:00.000Z');
const at = (minute: number): string => new Date(START + minute * 60_000).toISOString();
const now = (minute: number): Date => new Date(START + minute * 60_000);
const watch = (watchId: number, level: WatchLevelSince['level'], sinceMinute: number | null): WatchLevelSince => ({
  watchId,
  watchName: `Watch ${watchId}`,
  level,
  since: sinceMinute === null ? null : at(sinceMinute),
});
const campaigns: CampaignOnAir[] = plan.campaigns.map((c) => ({ id: c.id, name: c.name, planStatus: c.status, frozen: false }));

describe('going offline suggestion', () => {
  it('reads its set time from the plan (30 minutes) and the register of campaigns from it', () => {
    expect(AFTER).toBe(30);
    expect(campaigns.filter((c) => c.planStatus === 'running' || c.planStatus === 'scheduled').length).toBeGreaterThan(0);
  });

  it('is suggested once a watch has been at crisis for the plan’s time, not a minute before', () => {
    const levels = [watch(1, 'crisis', 10), watch(2, 'alert', 0)];
    expect(goingOfflineSuggestion(levels, campaigns, AFTER, now(39))).toBeNull();
    expect(goingOfflineSuggestion(levels, campaigns, AFTER, now(40))).toEqual({
      since: at(10),
      minutesAtCrisis: 30,
      watches: ['Watch 1'],
      campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })),
    });
    expect(goingOfflineSuggestion(levels, campaigns, AFTER, now(75))?.minutesAtCrisis).toBe(65);
  });

  it('needs the crisis level: alert or vigilance, however long, is no reason to go quiet', () => {
    for (const level of ['calm', 'vigilance', 'alert'] as const) expect(goingOfflineSuggestion([watch(1, level, 0)], campaigns, AFTER, now(300))).toBeNull();
    expect(goingOfflineSuggestion([watch(1, 'calm', null)], campaigns, AFTER, now(300))).toBeNull();
    expect(goingOfflineSuggestion([], campaigns, AFTER, now(300))).toBeNull();
  });

  it('counts from the watch’s last change: a crisis that fell back and rose again starts over', () => {
    expect(goingOfflineSuggestion([watch(1, 'crisis', 50)], campaigns, AFTER, now(60))).toBeNull();
    expect(goingOfflineSuggestion([watch(1, 'crisis', 70)], campaigns, AFTER, now(60))).toBeNull();
  });

  it('names every watch held at crisis and dates the suggestion from the earliest', () => {
    const levels = [watch(3, 'crisis', 20), watch(1, 'crisis', 5), watch(2, 'crisis', 55)];
    const suggestion = goingOfflineSuggestion(levels, campaigns, AFTER, now(60));
    expect(suggestion).toMatchObject({ since: at(5), minutesAtCrisis: 55, watches: ['Watch 1', 'Watch 3'] });
  });

  it('has nothing to suggest once every campaign is frozen, paused or ended', () => {
    const levels = [watch(1, 'crisis', 0)];
    const quiet: CampaignOnAir[] = [
      { id: 'a', name: 'A', planStatus: 'running', frozen: true },
      { id: 'b', name: 'B', planStatus: 'paused', frozen: false },
      { id: 'c', name: 'C', planStatus: 'ended', frozen: false },
    ];
    expect(goingOfflineSuggestion(levels, quiet, AFTER, now(60))).toBeNull();
    const oneLeft = [...quiet, { id: 'd', name: 'D', planStatus: 'scheduled' as const, frozen: false }];
    expect(goingOfflineSuggestion(levels, oneLeft, AFTER, now(60))?.campaigns).toEqual([{ id: 'd', name: 'D' }]);
  });
});
