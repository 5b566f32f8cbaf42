// Issue 21, must show #3 and #4: a statement queued offline and sent two hours later carries the time it went
// out (each post of its thread in order), the queueing time stays in Tocsin's records; a 429 is waited out
// until the PDS's RateLimit-Reset, without hammering it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../../src/main/app/createCore';
import { draftAndApprove, INCIDENT, waitFor, WS } from '../../../../../support/composerCore';
import { startFakeBluesky, type FakeBluesky } from '../../../../../support/fakeBlueskyPublish';
import { useTempDirs } from '../../../../../support/tempDir';
import { invoke, loopbackComposerTuning, makeTestCore } from '../../../../../support/testCore';

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(startUp: boolean, clock?: { now: () => Date }): Promise<{ core: Core; pds: FakeBluesky }> {
  const pds = await startFakeBluesky({ startUp });
  const core = makeTestCore(tempDir(), { clock, composerTuning: loopbackComposerTuning });
  cleanups.push(() => pds.close(), () => core.close());
  await invoke(core, 'composer:setAccount', {
    workspaceId: WS,
    account: { channel: 'bluesky', config: { serviceUrl: pds.url, identifier: pds.identifier, appPassword: pds.password } },
  });
  return { core, pds };
}

const HOURS_2 = 2 * 3600_000;

describe('send time', () => {
  it('stamps a thread queued offline and sent two hours later with the time each post went out', async () => {
    let skew = 0;
    const clock = { now: () => new Date(Date.now() + skew) };
    const { core, pds } = await setUp(false, clock);
    const long = Array.from({ length: 8 }, (_, i) => `Point ${i + 1} : nos équipes ont vérifié les terminaux de paiement de la région et rétabli le service.`).join('\n\n');
    const statement = await draftAndApprove(core, { title: 'Fil', textFr: long, channels: ['bluesky'] });
    const queuedAt = clock.now().getTime();
    await invoke(core, 'composer:queue', { workspaceId: WS, statementId: statement.statement.id, person: 'Camille' });
    await waitFor(async () => (await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!.attempts >= 1, 10_000, 'a failed attempt while offline');

    skew = HOURS_2;
    await pds.up();
    await waitFor(async () => (await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!.state === 'published', 10_000, 'publication once back online');
    const times = pds.records.map((r) => Date.parse(r.value.createdAt));
    expect(times.length).toBeGreaterThan(2);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(queuedAt + HOURS_2);
    expect(Math.max(...times)).toBeLessThan(queuedAt + HOURS_2 + 60_000);
    // In thread order, strictly increasing: each reply is later than the post it answers.
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);

    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: INCIDENT } });
    const queued = Date.parse(log.find((e) => e.systemCode === 'composer.queued')!.occurredAt);
    const published = Date.parse(log.find((e) => e.systemCode === 'composer.published')!.occurredAt);
    expect(queued).toBeLessThan(queuedAt + 60_000);
    expect(published).toBeGreaterThanOrEqual(queuedAt + HOURS_2);
  });
});

describe('rate limits', () => {
  it('after a 429, waits for RateLimit-Reset before writing again, then publishes once', async () => {
    const { core, pds } = await setUp(true);
    pds.writesRemaining = 0;
    pds.resetAt = Math.ceil(Date.now() / 1000) + 3;
    const statement = await draftAndApprove(core, { title: 'Limite', textFr: 'Le paiement est rétabli. Prochain point à 14 h.', channels: ['bluesky'] });
    await invoke(core, 'composer:queue', { workspaceId: WS, statementId: statement.statement.id, person: 'Camille' });
    await waitFor(async () => (await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!.lastErrorMessage?.key === 'blueskyRateLimited', 10_000, 'a 429');
    const waiting = (await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!;
    expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThanOrEqual(pds.resetAt * 1000);

    await waitFor(async () => (await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!.state === 'published', 15_000, 'publication after the reset');
    // One refused write, then one accepted: the backoff of 20 ms did not hammer the PDS meanwhile.
    expect(pds.writes.map((w) => w.status)).toEqual([429, 200]);
    expect(pds.records).toHaveLength(1);
  });
});
