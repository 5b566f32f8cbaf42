import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { INCIDENT, waitFor, WS } from '../../../../support/composerCore';
import { cidFor, startFakeBluesky } from '../../../../support/fakeBlueskyPublish';
import { startFakeMastodon } from '../../../../support/fakeMastodonPublish';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, loopbackComposerTuning, makeTestCore } from '../../../../support/testCore';

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function capture(core: Core, text: string, authorKind: 'journalist' | 'public' = 'public', authorName = 'Jeanne Client'): Promise<number> {
  const r = await invoke(core, 'mentions:capture', {
    workspaceId: WS,
    capture: { channel: 'phonePost', outlet: 'Instagram', authorName, authorKind, text, occurredAt: new Date().toISOString() },
  });
  return r.id!;
}

describe('response queue', () => {
  it('flags questions, complaints and journalists as mentions are stored, and leaves the rest', async () => {
    const core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    cleanups.push(() => core.close());
    const question = await capture(core, 'Quand est-ce que le service de paiement sera rétabli ?');
    const complaint = await capture(core, 'C’est une arnaque, je veux être remboursé immédiatement');
    const journalist = await capture(core, 'Nous préparons un article sur la panne de paiement.', 'journalist', 'Paul Reporter');
    const neutral = await capture(core, 'Le soleil brille sur Genève ce matin.');
    const { items } = await invoke(core, 'composer:responses', { workspaceId: WS });
    const reasonOf = new Map(items.map((i) => [i.mentionId, i.reason]));
    expect(reasonOf.get(question)).toBe('question');
    expect(reasonOf.get(complaint)).toBe('complaint');
    expect(reasonOf.get(journalist)).toBe('journalist');
    expect(reasonOf.has(neutral)).toBe(false);

    // By hand with the flagger's reason; a mention already queued keeps who flagged it first and why.
    expect(await invoke(core, 'composer:flagMention', { workspaceId: WS, mentionId: neutral, person: 'Camille', reason: 'question' })).toMatchObject({
      reason: 'question',
      flaggedBy: 'Camille',
      state: 'open',
    });
    expect(await invoke(core, 'composer:flagMention', { workspaceId: WS, mentionId: journalist, person: 'Camille', reason: 'complaint' })).toMatchObject({
      reason: 'journalist',
      flaggedBy: 'rules',
    });
    expect(await core.dispatch('composer:flagMention', { workspaceId: WS, mentionId: neutral, person: 'Camille' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // Assigned to a role; closing needs a note and is logged.
    expect((await invoke(core, 'composer:assignResponse', { workspaceId: WS, mentionId: complaint, role: 'customerServiceLead' })).assignedRole).toBe(
      'customerServiceLead',
    );
    expect((await invoke(core, 'composer:responseCounts', { workspaceId: WS })).unanswered).toBe(4);
    const noNote = await core.dispatch('composer:closeResponse', { workspaceId: WS, mentionId: complaint, state: 'offline', note: ' ', person: 'Camille' });
    expect(noNote.ok).toBe(false);
    const offline = await invoke(core, 'composer:closeResponse', {
      workspaceId: WS,
      mentionId: complaint,
      state: 'offline',
      note: 'Called back by customer service, refund granted',
      person: 'Camille',
      incidentId: INCIDENT,
    });
    expect(offline).toMatchObject({ state: 'offline', handledBy: 'Camille' });
    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: INCIDENT } });
    expect(log.some((e) => e.systemCode === 'composer.responseOffline' && /refund granted/.test(e.body))).toBe(true);
    expect((await invoke(core, 'composer:responseCounts', { workspaceId: WS })).unanswered).toBe(3);
  });

  it('answers with a reply statement that needs the usual approvals and marks the mention answered once published', async () => {
    const mastodon = await startFakeMastodon();
    const core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    cleanups.push(() => mastodon.close(), () => core.close());
    await invoke(core, 'composer:setAccount', { workspaceId: WS, account: { channel: 'mastodon', config: { instanceUrl: mastodon.url, accessToken: mastodon.token } } });
    const question = await capture(core, 'Is my card data safe?');
    const { statementId, item } = await invoke(core, 'composer:replyToMention', { workspaceId: WS, mentionId: question, incidentId: INCIDENT, person: 'Camille' });
    expect(item.state).toBe('replying');
    const draft = await invoke(core, 'composer:get', { workspaceId: WS, statementId });
    expect(draft.statement).toMatchObject({ kind: 'reply', replyToMentionId: String(question), requiredRoles: ['crisisLead', 'legal'] });

    const edited = await invoke(core, 'composer:update', {
      workspaceId: WS,
      statementId,
      expectedRevision: draft.statement.revision,
      patch: { textEn: 'We are sorry for the worry. No card data was exposed; our teams checked it at 10:30. Next update at 14:00.', channels: ['mastodon'] },
      author: 'Camille',
    });
    expect((await core.dispatch('composer:queue', { workspaceId: WS, statementId, person: 'Camille' })).ok).toBe(false);
    for (const [person, role] of [['Alice', 'crisisLead'], ['Bruno', 'legal']] as const) {
      await invoke(core, 'composer:approve', { workspaceId: WS, statementId, approver: { person, role }, contentHash: edited.statement.contentHash });
    }
    await invoke(core, 'composer:queue', { workspaceId: WS, statementId, person: 'Camille' });
    await waitFor(async () => (await invoke(core, 'composer:responses', { workspaceId: WS, states: ['answered'] })).items.length === 1, 10_000, 'answered');
    expect(mastodon.statuses).toHaveLength(1);
    expect((await invoke(core, 'composer:responseCounts', { workspaceId: WS })).unanswered).toBe(0);
  });

  it('threads a reply under the post it answers on Mastodon and Bluesky, and stops with a clear reason when that post is gone', async () => {
    const mastodon = await startFakeMastodon();
    const bluesky = await startFakeBluesky();
    const core = makeTestCore(tempDir(), { composerTuning: loopbackComposerTuning });
    cleanups.push(() => mastodon.close(), () => bluesky.close(), () => core.close());
    await invoke(core, 'composer:setAccount', { workspaceId: WS, account: { channel: 'mastodon', config: { instanceUrl: mastodon.url, accessToken: mastodon.token } } });
    await invoke(core, 'composer:setAccount', {
      workspaceId: WS,
      account: { channel: 'bluesky', config: { serviceUrl: bluesky.url, identifier: bluesky.identifier, appPassword: bluesky.password } },
    });
    // Mentions as the listening connectors store them: the ActivityPub URI, the at:// URI. Sources paused: no polling here.
    const fromSource = async (kind: 'mastodon' | 'bluesky', config: Record<string, unknown>, externalId: string, text: string) => {
      const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind, name: kind, config, credentials: { accessToken: 't', identifier: 'x', appPassword: 'y' } } });
      await invoke(core, 'sources:setPaused', { workspaceId: WS, id: source.id, paused: true });
      const stored = await core.ingest.ingest(WS, source.id, [{ externalId, author: { handle: '@jeanne' }, text, language: 'en', publishedAt: new Date().toISOString() }]);
      return stored.mentionIds[0]!;
    };
    const tootUri = 'https://other.example/users/jeanne/statuses/110';
    mastodon.remote.set(tootUri, '9001');
    const toot = await fromSource('mastodon', { instance: 'https://other.example', mode: 'search', query: 'bank' }, tootUri, 'Is my card data safe at the bank?');
    const skeetUri = 'at://did:plc:jeanne/app.bsky.feed.post/3kabc';
    const threadRoot = { uri: 'at://did:plc:paul/app.bsky.feed.post/3kroot', cid: cidFor('root') };
    bluesky.others.set(skeetUri, { cid: cidFor('skeet'), root: threadRoot });
    const skeet = await fromSource('bluesky', { service: 'https://bsky.example', query: 'bank' }, skeetUri, 'Why is the bank silent about the leak?');
    const gone = await fromSource('mastodon', { instance: 'https://other.example', mode: 'search', query: 'bank' }, 'https://other.example/users/x/statuses/404', 'Is the bank lying?');

    const answer = async (mentionId: number, channel: 'mastodon' | 'bluesky') => {
      const { statementId } = await invoke(core, 'composer:replyToMention', { workspaceId: WS, mentionId, incidentId: INCIDENT, person: 'Camille' });
      const draft = await invoke(core, 'composer:get', { workspaceId: WS, statementId });
      const edited = await invoke(core, 'composer:update', {
        workspaceId: WS,
        statementId,
        expectedRevision: draft.statement.revision,
        patch: { textEn: 'We are sorry for the worry. No card data was exposed; our teams checked it at 10:30. Next update at 14:00.', channels: [channel] },
        author: 'Camille',
      });
      for (const [person, role] of [['Alice', 'crisisLead'], ['Bruno', 'legal']] as const) {
        await invoke(core, 'composer:approve', { workspaceId: WS, statementId, approver: { person, role }, contentHash: edited.statement.contentHash });
      }
      await invoke(core, 'composer:queue', { workspaceId: WS, statementId, person: 'Camille' });
      return statementId;
    };
    await answer(toot, 'mastodon');
    await answer(skeet, 'bluesky');
    await waitFor(async () => mastodon.statuses.length === 1 && bluesky.records.length === 1, 10_000, 'both replies published');
    expect(mastodon.statuses[0]!.inReplyToId).toBe('9001');
    expect(bluesky.records[0]!.value.reply).toEqual({ root: threadRoot, parent: { uri: skeetUri, cid: cidFor('skeet') } });

    const lost = await answer(gone, 'mastodon');
    const failed = async () => (await invoke(core, 'composer:outbox', { workspaceId: WS })).find((o) => o.statementId === lost && o.state === 'failed');
    await waitFor(async () => (await failed()) !== undefined, 10_000, 'the reply to a vanished post fails');
    expect((await failed())!.lastErrorMessage).toEqual({ key: 'publishReplyTargetGone', params: { service: 'mastodon' } });
    expect(mastodon.statuses).toHaveLength(1);
  });
});

