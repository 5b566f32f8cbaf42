import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { INCIDENT, WS } from '../../../../support/composerCore';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, loopbackComposerTuning, makeTestCore } from '../../../../support/testCore';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(() => core?.close());

describe('campaign freeze register', () => {
  it('freezes every live campaign in one action with who, when and why, logged, and unfreezes one', async () => {
    const dir = tempDir();
    core = makeTestCore(dir, { composerTuning: loopbackComposerTuning });
    const before = await invoke(core, 'composer:campaigns', { workspaceId: WS });
    const live = before.filter((c) => c.planStatus !== 'ended');
    expect(live.length).toBeGreaterThan(1);
    expect(before.every((c) => !c.frozen)).toBe(true);

    const noReason = await core.dispatch('composer:freeze', { workspaceId: WS, campaigns: 'all', action: 'freeze', person: 'Alice', reason: ' ' });
    expect(noReason.ok).toBe(false);

    const frozen = await invoke(core, 'composer:freeze', {
      workspaceId: WS,
      campaigns: 'all',
      action: 'freeze',
      person: 'Alice Martin',
      reason: 'Crisis: no promotion while customers are affected',
      incidentId: INCIDENT,
    });
    expect(frozen.filter((c) => c.planStatus !== 'ended').every((c) => c.frozen)).toBe(true);
    const first = frozen.find((c) => c.id === live[0]!.id)!;
    expect(first.lastChange).toMatchObject({ action: 'freeze', person: 'Alice Martin', reason: 'Crisis: no promotion while customers are affected' });

    const released = await invoke(core, 'composer:freeze', {
      workspaceId: WS,
      campaigns: [first.id],
      action: 'unfreeze',
      person: 'Bruno Keller',
      reason: 'Legal cleared the newsletter',
      incidentId: INCIDENT,
    });
    expect(released.find((c) => c.id === first.id)!.frozen).toBe(false);
    expect(released.filter((c) => c.frozen)).toHaveLength(live.length - 1);

    const unknown = await core.dispatch('composer:freeze', { workspaceId: WS, campaigns: ['nope'], action: 'freeze', person: 'A', reason: 'r' });
    expect(unknown.ok).toBe(false);

    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: INCIDENT } });
    expect(log.map((e) => e.systemCode)).toEqual(expect.arrayContaining(['composer.campaignsFrozen', 'composer.campaignsUnfrozen']));
    expect(log.find((e) => e.systemCode === 'composer.campaignsFrozen')!.body).toMatch(/Alice Martin a gelé des campagnes \(\d+\)/);

    // The register is in the workspace database: a new core on the same folder sees the same state.
    core.close();
    core = makeTestCore(dir, { composerTuning: loopbackComposerTuning });
    const reopened = await invoke(core, 'composer:campaigns', { workspaceId: WS });
    expect(reopened.filter((c) => c.frozen).map((c) => c.id).sort()).toEqual(released.filter((c) => c.frozen).map((c) => c.id).sort());
  });
});
