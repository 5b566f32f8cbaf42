// Must show #1, first half: offline drafting, approvals and queueing survive a restart; once the
// loopback servers come back, each statement is published exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../../src/main/app/createCore';
import { draftAndApprove, INCIDENT, waitFor, WS } from '../../../../../support/composerCore';
import { startFakeBluesky, type FakeBluesky } from '../../../../../support/fakeBlueskyPublish';
import { startFakeMastodon, type FakeMastodon } from '../../../../../support/fakeMastodonPublish';
import { useTempDirs } from '../../../../../support/tempDir';
import { invoke, loopbackComposerTuning, makeTestCore } from '../../../../../support/testCore';

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function servers(startUp: boolean): Promise<{ mastodon: FakeMastodon; bluesky: FakeBluesky }> {
  const mastodon = await startFakeMastodon({ startUp });
  const bluesky = await startFakeBluesky({ startUp });
  cleanups.push(() => mastodon.close(), () => bluesky.close());
  return { mastodon, bluesky };
}

async function configure(core: Core, s: { mastodon: FakeMastodon; bluesky: FakeBluesky }): Promise<void> {
  await invoke(core, 'composer:setAccount', {
    workspaceId: WS,
    account: { channel: 'mastodon', config: { instanceUrl: s.mastodon.url, accessToken: s.mastodon.token } },
  });
  await invoke(core, 'composer:setAccount', {
    workspaceId: WS,
    account: { channel: 'bluesky', config: { serviceUrl: s.bluesky.url, identifier: s.bluesky.identifier, appPassword: s.bluesky.password } },
  });
}

const open = (dir: string): Core => {
  const core = makeTestCore(dir, { composerTuning: loopbackComposerTuning });
  cleanups.push(() => core.close());
  return core;
};

describe('outbox across a restart', () => {
  it('keeps the queue through a restart while offline, then publishes each post exactly once', async () => {
    const dir = tempDir();
    const s = await servers(false);
    const core1 = open(dir);
    await configure(core1, s);
    const a = await draftAndApprove(core1, {
      title: 'Holding',
      textFr: 'Nous sommes désolés : le paiement par carte est interrompu depuis 9 h 40. Prochain point à 14 h.',
      textEn: 'We are sorry: card payments have been down since 09:40. Next update at 14:00.',
      channels: ['mastodon', 'bluesky', 'linkedin'],
    });
    const queued = await invoke(core1, 'composer:queue', { workspaceId: WS, statementId: a.statement.id, person: 'Camille' });
    // API items are picked up at once (queued or already sending); manual ones wait for a person.
    const stateOf = (state: string) => (state === 'sending' ? 'queued' : state);
    expect(queued.outbox.map((o) => `${o.channel}/${o.language}/${stateOf(o.state)}`).sort()).toEqual([
      'bluesky/en/queued',
      'bluesky/fr/queued',
      'linkedin/en/manual',
      'linkedin/fr/manual',
      'mastodon/en/queued',
      'mastodon/fr/queued',
    ]);
    // Every route fails: each API item is tried, keeps its place and says why.
    await waitFor(
      async () => (await invoke(core1, 'composer:outbox', { workspaceId: WS })).filter((o) => o.state === 'queued' && o.attempts >= 2).length === 4,
      15_000,
      'failed attempts while offline',
    );
    const offline = await invoke(core1, 'composer:outbox', { workspaceId: WS });
    expect(offline.filter((o) => o.state === 'queued').every((o) => /Cannot reach 127\.0\.0\.1/.test(o.lastError ?? ''))).toBe(true);
    core1.close();

    const core2 = open(dir);
    const after = await invoke(core2, 'composer:outbox', { workspaceId: WS });
    expect(after.map((o) => o.id).sort()).toEqual(offline.map((o) => o.id).sort());
    expect(after.filter((o) => o.state === 'published')).toEqual([]);

    await s.mastodon.up();
    await s.bluesky.up();
    await waitFor(
      async () => (await invoke(core2, 'composer:outbox', { workspaceId: WS })).filter((o) => o.state === 'published').length === 4,
      20_000,
      'publication after the servers came back',
    );
    expect(s.mastodon.statuses.map((x) => x.language).sort()).toEqual(['en', 'fr']);
    expect(s.bluesky.records.map((r) => r.value.langs?.[0]).sort()).toEqual(['en', 'fr']);
    const published = await invoke(core2, 'composer:outbox', { workspaceId: WS });
    expect(published.filter((o) => o.channel === 'mastodon').every((o) => o.url?.startsWith(`${s.mastodon.url}/@cell/`))).toBe(true);
    expect(published.filter((o) => o.channel === 'bluesky').every((o) => o.url?.startsWith('https://bsky.app/profile/cell.test/post/'))).toBe(true);

    // Manual channels wait for a person to confirm time and place.
    const linkedin = published.find((o) => o.channel === 'linkedin' && o.language === 'fr')!;
    const confirmed = await invoke(core2, 'composer:confirmManual', {
      workspaceId: WS,
      outboxId: linkedin.id,
      confirmation: { person: 'Camille', publishedAt: new Date().toISOString(), url: 'https://www.linkedin.com/feed/update/urn:li:activity:1' },
    });
    expect(confirmed.state).toBe('published');

    const log = await invoke(core2, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: INCIDENT } });
    expect(log.filter((e) => e.systemCode === 'composer.published')).toHaveLength(5);
    expect(log.filter((e) => e.systemCode === 'composer.approved')).toHaveLength(2);
  });

  it('does not publish twice when the app dies after the server took the post but before it answered', async () => {
    const dir = tempDir();
    const s = await servers(true);
    // The server publishes, then never answers: the attempt is cut short by the "kill" below.
    s.mastodon.chaos = { dropBefore: 0, dropAfter: 0, hangAfter: 1, random: () => 0 };
    s.mastodon.idempotencyWindowMs = 0;
    const core1 = open(dir);
    await configure(core1, s);
    const a = await draftAndApprove(core1, { title: 'Update', textEn: 'We are sorry. Update: payments are back since 11:05. Next update at 14:00.', channels: ['mastodon'] });
    await invoke(core1, 'composer:queue', { workspaceId: WS, statementId: a.statement.id, person: 'Camille' });
    await waitFor(async () => s.mastodon.statuses.length === 1, 10_000, 'the post to reach the server');
    expect((await invoke(core1, 'composer:outbox', { workspaceId: WS }))[0]!.state).toBe('sending');
    core1.close();

    s.mastodon.chaos = undefined;
    const core2 = open(dir);
    await waitFor(async () => (await invoke(core2, 'composer:outbox', { workspaceId: WS }))[0]!.state === 'published', 10_000, 'recovery');
    expect(s.mastodon.statuses).toHaveLength(1);
    const item = (await invoke(core2, 'composer:outbox', { workspaceId: WS }))[0]!;
    expect(item.url).toBe(`${s.mastodon.url}/@cell/1`);
  });

  it('publishes a long text as a thread, each part within the channel limit and replying to the previous one', async () => {
    const s = await servers(true);
    const core = open(tempDir());
    await configure(core, s);
    const long = Array.from({ length: 12 }, (_, i) => `Point ${i + 1}: our teams have checked every payment terminal in the region and restored the service.`).join(' ');
    const a = await draftAndApprove(core, { title: 'Thread', textEn: long, channels: ['bluesky', 'mastodon'] });
    await invoke(core, 'composer:queue', { workspaceId: WS, statementId: a.statement.id, person: 'Camille' });
    await waitFor(async () => (await invoke(core, 'composer:outbox', { workspaceId: WS })).every((o) => o.state === 'published'), 10_000, 'thread');
    expect(s.bluesky.records.length).toBeGreaterThan(3);
    const [root, ...replies] = s.bluesky.records;
    expect(replies.every((r, i) => (r.value.reply as { parent: { uri: string }; root: { uri: string } }).parent.uri === s.bluesky.records[i]!.uri)).toBe(true);
    expect(replies.every((r) => (r.value.reply as { root: { uri: string } }).root.uri === root!.uri)).toBe(true);
    expect(s.mastodon.statuses.length).toBeGreaterThan(1);
    expect(s.mastodon.statuses.slice(1).every((st, i) => st.inReplyToId === s.mastodon.statuses[i]!.id)).toBe(true);
  });
});

describe('outbox and sealed mode', () => {
  it('holds posts while the workspace is sealed and publishes them once it is unsealed', async () => {
    const s = await servers(true);
    const core = open(tempDir());
    await configure(core, s);
    await invoke(core, 'workspaces:updateSettings', { workspaceId: WS, settings: { sealed: true } });
    const a = await draftAndApprove(core, { title: 'Sealed', textEn: 'We are sorry. Payments are back since 11:05. Next update at 14:00.', channels: ['mastodon'] });
    await invoke(core, 'composer:queue', { workspaceId: WS, statementId: a.statement.id, person: 'Camille' });
    await waitFor(async () => /Sealed mode/.test((await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!.lastError ?? ''), 10_000, 'a refusal');
    expect(s.mastodon.statuses).toHaveLength(0);
    // The composer words the refusal in the reader's language from its catalogue key.
    expect((await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!.lastErrorMessage).toEqual({ key: 'sealed', params: {} });
    // However long the backoff has grown, unsealing publishes at once.
    await waitFor(async () => (await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!.attempts >= 3, 10_000, 'backoff');
    await invoke(core, 'workspaces:updateSettings', { workspaceId: WS, settings: { sealed: false } });
    await waitFor(async () => (await invoke(core, 'composer:outbox', { workspaceId: WS }))[0]!.state === 'published', 10_000, 'publication after unsealing');
    expect(s.mastodon.statuses).toHaveLength(1);
  });
});
