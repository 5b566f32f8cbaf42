// Must show #1, second half: 200 approved statements through servers that drop connections and time out at
// random, with server-side idempotency off (as after an outage longer than Mastodon's one-hour key memory).
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../../src/main/app/createCore';
import { draftAndApprove, waitFor, WS } from '../../../../../support/composerCore';
import { startFakeBluesky } from '../../../../../support/fakeBlueskyPublish';
import { startFakeMastodon } from '../../../../../support/fakeMastodonPublish';
import { seeded } from '../../../../../support/publishChaos';
import { useTempDirs } from '../../../../../support/tempDir';
import { invoke, loopbackComposerTuning, makeTestCore } from '../../../../../support/testCore';

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const countBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
};

describe('outbox under a hostile network', () => {
  it('publishes 200 statements exactly once through dropped connections and timeouts', { timeout: 240_000 }, async () => {
    const mastodon = await startFakeMastodon();
    const bluesky = await startFakeBluesky();
    cleanups.push(() => mastodon.close(), () => bluesky.close());
    const core: Core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    cleanups.push(() => core.close());
    await invoke(core, 'composer:setAccount', { workspaceId: WS, account: { channel: 'mastodon', config: { instanceUrl: mastodon.url, accessToken: mastodon.token } } });
    await invoke(core, 'composer:setAccount', {
      workspaceId: WS,
      account: { channel: 'bluesky', config: { serviceUrl: bluesky.url, identifier: bluesky.identifier, appPassword: bluesky.password } },
    });
    mastodon.idempotencyWindowMs = 0;
    mastodon.chaos = { dropBefore: 0.15, dropAfter: 0.15, hangAfter: 0.1, random: seeded(42) };
    bluesky.chaos = { dropBefore: 0.15, dropAfter: 0.15, hangAfter: 0.1, random: seeded(7) };

    const expected: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const channel = i % 2 === 0 ? 'mastodon' : 'bluesky';
      const textEn = `Statement ${i + 1}: we are sorry, service is restored since 11:${String(i % 60).padStart(2, '0')}. Next update at 14:00.`;
      expected.push(textEn);
      const s = await draftAndApprove(core, { title: `S${i + 1}`, textEn, channels: [channel] });
      await invoke(core, 'composer:queue', { workspaceId: WS, statementId: s.statement.id, person: 'Camille' });
    }

    await waitFor(
      async () => (await invoke(core, 'composer:outbox', { workspaceId: WS })).every((o) => o.state === 'published'),
      200_000,
      'all 200 statements to be published',
    );
    const outbox = await invoke(core, 'composer:outbox', { workspaceId: WS });
    const texts = [...mastodon.statuses.map((s) => s.text), ...bluesky.records.map((r) => r.value.text)];
    const duplicates = [...countBy(texts, (t) => t).values()].filter((n) => n > 1).length;
    const lost = expected.filter((t) => !texts.includes(t)).length;
    const retried = outbox.filter((o) => o.attempts > 1).length;
    console.log(`outbox chaos: ${texts.length} posts, ${duplicates} duplicates, ${lost} lost, ${retried} items needed more than one attempt`);
    expect(outbox).toHaveLength(200);
    expect(texts).toHaveLength(200);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    // The run must actually have exercised lost answers and retries, or it proves nothing.
    expect(retried).toBeGreaterThan(40);
  });
});
