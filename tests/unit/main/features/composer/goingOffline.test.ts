// @vitest-environment node
// Going offline through the real pipeline: a generated crisis is ingested minute by minute, the detection raises
// the level, and the composer suggests pausing the plan's campaigns once the crisis has held for the plan's time.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { generateScenario } from '../../../../../src/main/features/detection/scenarios/scenarioGenerator';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(() => core?.close());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5);
const ONSET = START + 8 * DAY + 9 * HOUR;
const WS = 'live';

describe('going offline, through the core', () => {
  it('is pushed once a watch has held at crisis for the plan’s minutes with campaigns on air, and withdrawn by the freeze', async () => {
    let now = START;
    core = makeTestCore(tempDir(), { clock: { now: () => new Date(now) } });
    const c = core;
    const afterMinutes = (await invoke(c, 'plan:get', { workspaceId: WS })).plan.publishing.goingOfflineAfterMinutes;
    const scenario = generateScenario({
      seed: 7, kind: 'crisis', language: 'en', brand: 'Harbor Bank', start: START, days: 9,
      peakPerHour: 40, multiplier: 10, onsetOffsetMs: ONSET - START, durationHours: 6,
    });
    await invoke(c, 'watches:create', { workspaceId: WS, watch: { name: 'Harbor Bank', keywords: ['Harbor Bank'] } });
    const source = await invoke(c, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Feed', config: {} } });
    const pushedAt: number[] = [];
    c.events.on('composer:goingOfflineChanged', ({ workspaceId }) => workspaceId === WS && pushedAt.push(now));

    // The week before the crisis arrives in large batches: it is the baseline, and nothing is suggested.
    const before = scenario.mentions.filter((m) => Date.parse(m.publishedAt) < ONSET - HOUR);
    for (let i = 0; i < before.length; i += 2000) {
      const batch = before.slice(i, i + 2000);
      now = Date.parse(batch.at(-1)!.publishedAt) + MINUTE;
      c.ingest.ingestNow(WS, source.id, batch);
    }
    // Nobody asked yet: the workspace is followed all the same, for the crisis log and the push.
    const logged = async (code: string) => (await invoke(c, 'crisisLog:list', { workspaceId: WS, filter: {} })).filter((e) => e.systemCode === code);

    // Then minute by minute: the suggestion holds exactly when a watch has been at crisis for the plan's minutes.
    let suggestedAt: number | null = null;
    let crisisSeenBeforeSuggestion = false;
    for (let minute = ONSET - HOUR; minute < ONSET + 4 * HOUR && suggestedAt === null; minute += MINUTE) {
      now = minute + MINUTE;
      const batch = scenario.mentions.filter((m) => Date.parse(m.publishedAt) >= minute && Date.parse(m.publishedAt) < minute + MINUTE);
      if (batch.length > 0) c.ingest.ingestNow(WS, source.id, batch);
      const crisis = c.detection.levels(WS).find((w) => w.level === 'crisis');
      const held = crisis !== undefined && now - Date.parse(crisis.since!) >= afterMinutes * MINUTE;
      if (crisis && !held && batch.length > 0) crisisSeenBeforeSuggestion = true;
      if (pushedAt.length > 0) suggestedAt = pushedAt[0]!;
      if (batch.length > 0) expect(pushedAt.length > 0, `pushed at ${new Date(now).toISOString()}`).toBe(held);
    }
    expect(crisisSeenBeforeSuggestion, 'a crisis younger than the plan’s minutes suggests nothing').toBe(true);
    expect(suggestedAt, 'the suggestion came').not.toBeNull();

    const suggestion = await invoke(c, 'composer:goingOffline', { workspaceId: WS });
    expect(suggestion).toMatchObject({ watches: ['Harbor Bank'] });
    expect(suggestion!.minutesAtCrisis).toBeGreaterThanOrEqual(afterMinutes);
    expect(suggestion!.campaigns.map((k) => k.id).sort()).toEqual(['newsletter', 'scheduled-posts', 'spring']);

    // The crisis log says when it was suggested, once, at the moment it came, and names what it advised pausing.
    const suggested = await logged('composer.goingOfflineSuggested');
    expect(suggested).toHaveLength(1);
    expect(suggested[0]!.occurredAt).toBe(new Date(suggestedAt!).toISOString());
    expect(suggested[0]!.body).toMatch(/Harbor Bank/);
    expect(suggested[0]!.body).toMatch(/\(3\)/);

    await invoke(c, 'composer:freeze', {
      workspaceId: WS, campaigns: suggestion!.campaigns.map((k) => k.id), action: 'freeze', person: 'Sam Carter', reason: 'Going offline during the crisis', answersSuggestion: true,
    });
    expect(pushedAt).toHaveLength(2);
    expect(await invoke(c, 'composer:goingOffline', { workspaceId: WS })).toBeNull();
    // And that it was acted on, by whom: the freeze is logged as the suggestion followed, not as a plain freeze.
    const acted = await logged('composer.wentOffline');
    expect(acted).toHaveLength(1);
    expect(acted[0]!.body).toMatch(/Sam Carter/);
    expect(await logged('composer.campaignsFrozen')).toHaveLength(0);
    expect(await logged('composer.goingOfflineSuggested')).toHaveLength(1);
  }, 180_000);
});
