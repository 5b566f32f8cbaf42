// Issue 21: the Bluesky publisher reads the answers the reference PDS really gives: a record key already taken
// is a bare 500, a rate limit a 429 with RateLimit-Reset, a refused record a 400 InvalidRequest, and getPosts a
// 502 UpstreamFailure on a PDS without an AppView.
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboundGate } from '../../../../../../src/main/platform/net/outboundGate';
import { createBlueskyPublisher } from '../../../../../../src/main/features/composer/outbox/blueskyPublisher';
import type { PublishContext } from '../../../../../../src/main/features/composer/outbox/publisher';
import { cidFor, startFakeBluesky, type FakeBluesky } from '../../../../../support/fakeBlueskyPublish';
import { refusal } from '../../../../../support/publishRefusal';

let pds: FakeBluesky | undefined;
afterEach(async () => {
  await pds?.close();
  pds = undefined;
});

const context = (p: FakeBluesky, text: string, extra: Partial<PublishContext> = {}): PublishContext => ({
  gate: createOutboundGate(),
  account: { serviceUrl: p.url, identifier: p.identifier, appPassword: p.password },
  text,
  language: 'fr',
  key: 'row-1-0',
  partIndex: 0,
  queuedAt: '2026-11-22T04:00:00.000Z',
  sentAt: '2026-11-22T06:00:00.000Z',
  root: undefined,
  parent: undefined,
  timeoutMs: 2_000,
  purpose: 'test',
  ...extra,
});

describe('Bluesky publisher against the reference answers', () => {
  it('takes a 500 on a record key already taken as the earlier attempt having gone through', async () => {
    pds = await startFakeBluesky();
    const publisher = createBlueskyPublisher();
    // The session is opened, then the PDS stores the record and the answer is lost.
    const verdicts = [0.99, 0];
    pds.chaos = { dropBefore: 0, dropAfter: 0.5, hangAfter: 0, random: () => verdicts.shift() ?? 0.99 };
    await expect(publisher.post(context(pds, 'Le paiement est rétabli.'))).rejects.toThrow();
    pds.chaos = undefined;
    const again = await publisher.post(context(pds, 'Le paiement est rétabli.'));
    expect(pds.writes.map((w) => w.status)).toEqual([200, 500]);
    expect(pds.records).toHaveLength(1);
    expect(again).toMatchObject({ uri: pds.records[0]!.uri, cid: pds.records[0]!.cid });
  });

  it('waits for RateLimit-Reset after a 429, and says why', async () => {
    pds = await startFakeBluesky();
    pds.writesRemaining = 0;
    const refused = await refusal(createBlueskyPublisher().post(context(pds, 'Point à 14 h.')));
    expect(pds.writes[0]).toMatchObject({ status: 429, headers: { 'RateLimit-Remaining': '0', 'RateLimit-Policy': '5000;w=3600' } });
    expect(refused.permanent).toBe(false);
    expect(refused.health.key).toBe('blueskyRateLimited');
    expect(refused.retryAt?.getTime()).toBe(pds.resetAt * 1000);
  });

  it('names a refused record for the user, and does not retry it', async () => {
    pds = await startFakeBluesky();
    const refused = await refusal(createBlueskyPublisher().post(context(pds, 'x'.repeat(301))));
    expect(refused.permanent).toBe(true);
    expect(refused.health).toEqual({ key: 'blueskyRefusedRecord', params: { detail: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes' } });
  });

  it('stamps each post with the time it goes out, not the time it was queued', async () => {
    pds = await startFakeBluesky();
    await createBlueskyPublisher().post(context(pds, 'Point à 14 h.'));
    expect(pds.records[0]!.value.createdAt).toBe('2026-11-22T06:00:00.000Z');
  });

  it('reads the post answered from its author’s repository when the PDS has no AppView (getPosts: 502)', async () => {
    pds = await startFakeBluesky();
    const skeet = 'at://did:plc:jeanne/app.bsky.feed.post/3kabc';
    const threadRoot = { uri: 'at://did:plc:paul/app.bsky.feed.post/3kroot', cid: cidFor('root') };
    pds.others.set(skeet, { cid: cidFor('skeet'), root: threadRoot });
    const publisher = createBlueskyPublisher();
    const target = await publisher.findTarget(context(pds, ''), skeet);
    expect(target).toEqual({ parent: { id: skeet, uri: skeet, cid: cidFor('skeet'), url: null }, root: { id: threadRoot.uri, ...threadRoot, url: null } });
    expect(await publisher.findTarget(context(pds, ''), 'at://did:plc:jeanne/app.bsky.feed.post/3kgone')).toBeUndefined();
    // An account this PDS does not hold cannot be read without an AppView: the user is told so.
    const unreadable = await refusal(publisher.findTarget(context(pds, ''), 'at://did:plc:elsewhere/app.bsky.feed.post/3kabc'));
    expect(unreadable.permanent).toBe(true);
    expect(unreadable.health).toEqual({ key: 'blueskyReplyTargetUnreadable', params: { detail: 'Could not locate record' } });
  });
});
