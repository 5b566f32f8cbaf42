import { afterEach, describe, expect, it } from 'vitest';
import { createBlueskyPublisher } from '../../../../../../src/main/features/composer/outbox/blueskyPublisher';
import type { PublishContext } from '../../../../../../src/main/features/composer/outbox/publisher';
import { startFakeBluesky, type FakeBluesky } from '../../../../../support/fakeBlueskyPublish';
import { refusal } from '../../../../../support/publishRefusal';
import { publishContext } from '../../../../../support/publishContext';

let pds: FakeBluesky | undefined;
afterEach(async () => {
  await pds?.close();
  pds = undefined;
});

const sessionContext = (p: FakeBluesky, partIndex: number, text: string): PublishContext =>
  publishContext(
    { serviceUrl: p.url, identifier: p.identifier, appPassword: p.password },
    { text, key: `key-${partIndex}`, partIndex, queuedAt: '2026-11-22T04:00:00.000Z', sentAt: '2026-11-22T04:00:01.000Z' },
  );

describe('Bluesky publishing sessions', () => {
  it('refreshes an expired access token instead of opening a new session (createSession is the rate-limited call)', async () => {
    pds = await startFakeBluesky();
    const publisher = createBlueskyPublisher();
    const ctx = (partIndex: number, text: string): PublishContext => sessionContext(pds!, partIndex, text);
    await publisher.post(ctx(0, 'Premier message'));
    pds.expireAccessTokens();
    await publisher.post(ctx(1, 'Deuxième message, deux heures plus tard'));
    expect(pds.records.map((r) => r.value.text)).toEqual(['Premier message', 'Deuxième message, deux heures plus tard']);
    expect({ created: pds.sessionsCreated, refreshed: pds.sessionsRefreshed }).toEqual({ created: 1, refreshed: 1 });

    // When the refresh token is refused too, one new session is opened, not a refusal of the post.
    pds.expireAccessTokens(true);
    await publisher.post(ctx(2, 'Troisième message'));
    expect(pds.records).toHaveLength(3);
    expect({ created: pds.sessionsCreated, refreshed: pds.sessionsRefreshed }).toEqual({ created: 2, refreshed: 1 });
  });

  it('stops with a message naming the app password once it was revoked, after one refused refresh and one refused session', async () => {
    pds = await startFakeBluesky();
    const publisher = createBlueskyPublisher();
    const ctx = (partIndex: number): PublishContext => sessionContext(pds!, partIndex, `Message ${partIndex}`);
    await publisher.post(ctx(0));
    pds.revokeAppPassword();
    pds.expireAccessTokens();
    const refused = await refusal(publisher.post(ctx(1)));
    expect(refused.permanent).toBe(true);
    expect(refused.health).toEqual({ key: 'blueskyAppPasswordRefused', params: { detail: 'Invalid identifier or password' } });
    expect({ created: pds.sessionsCreated, records: pds.records.length }).toEqual({ created: 1, records: 1 });
  });
});
