// Issue 21: Mastodon counts a status as Mastodon does (a link is 23, @user@domain is @user), and the publisher
// reads its 422 and 429 answers: a refused text is named for the user, a rate limit waited out until its reset.
import { afterEach, describe, expect, it } from 'vitest';
import { countForChannel } from '../../../../../../src/shared/composer/countCharacters';
import { createMastodonPublisher } from '../../../../../../src/main/features/composer/outbox/mastodonPublisher';
import type { PublishContext } from '../../../../../../src/main/features/composer/outbox/publisher';
import { startFakeMastodon, type FakeMastodon } from '../../../../../support/fakeMastodonPublish';
import { refusal } from '../../../../../support/publishRefusal';
import { publishContext } from '../../../../../support/publishContext';

let mastodon: FakeMastodon | undefined;
afterEach(async () => {
  await mastodon?.close();
  mastodon = undefined;
});

const context = (m: FakeMastodon, text: string, key = 'k'): PublishContext => publishContext({ instanceUrl: m.url, accessToken: m.token }, { text, key });

const link = 'https://status.acme.example/incidents/2026/11/21/paiements-interrompus-depuis-9h40-detail-complet';

describe('Mastodon answers', () => {
  it('accepts exactly what Tocsin counts as fitting, links at 23 and remote mentions at their user part', async () => {
    mastodon = await startFakeMastodon();
    const publisher = createMastodonPublisher();
    const head = `Merci @support@mastodon.social, détails : ${link} `;
    const fits = head + 'é'.repeat(500 - countForChannel(head, 'mastodon'));
    expect(countForChannel(fits, 'mastodon')).toBe(500);
    expect(fits.length).toBeGreaterThan(500);
    await publisher.post(context(mastodon, fits, 'a'));
    expect(mastodon.statuses).toHaveLength(1);

    const refused = await refusal(publisher.post(context(mastodon, `${fits}é`, 'b')));
    expect(refused.permanent).toBe(true);
    expect(refused.health).toEqual({ key: 'mastodonRefusedText', params: { detail: 'Validation failed: Text character limit of 500 exceeded' } });
  });

  it('waits for X-RateLimit-Reset after a 429', async () => {
    mastodon = await startFakeMastodon();
    mastodon.postsRemaining = 0;
    const refused = await refusal(createMastodonPublisher().post(context(mastodon, 'Point à 14 h.')));
    expect(refused.permanent).toBe(false);
    expect(refused.health.key).toBe('mastodonRateLimited');
    expect(refused.retryAt!.getTime()).toBeGreaterThan(Date.now() + 2 * 3600_000);
    expect(mastodon.statuses).toHaveLength(0);
  });
});
