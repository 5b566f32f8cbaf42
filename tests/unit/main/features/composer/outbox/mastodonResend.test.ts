// Issue 14, finding 5: before a resend, the look for an already-published status must recognise it though
// Mastodon rewrote and rendered its mentions (@user@other.instance shows as @user), or a retry after the
// one-hour idempotency window posts the statement twice.
import { afterEach, describe, expect, it } from 'vitest';
import { createMastodonPublisher } from '../../../../../../src/main/features/composer/outbox/mastodonPublisher';
import { startFakeMastodon, type FakeMastodon } from '../../../../../support/fakeMastodonPublish';
import { publishContext } from '../../../../../support/publishContext';

let mastodon: FakeMastodon | undefined;
afterEach(async () => {
  await mastodon?.close();
  mastodon = undefined;
});

const STATEMENTS = [
  'Merci @camille et @support@mastodon.social : le paiement est rétabli. #TestCrise https://acme.example/fr/incident',
  'We are sorry, @Lea_M@piaille.fr. Details: https://status.acme.fr/2026/11/21/paiements-interrompus-depuis-9h40 #AcmeFuite',
  // Written with the local domain, and with another case: Mastodon stores and shows the account's own acct.
  '@camille@social.cell.example @LEA_M@PIAILLE.FR merci, prochain point à 14:00.',
  // Two accounts named alex: Mastodon then shows both with their domain where needed.
  '@alex et @alex@two.example : nous revenons vers vous.\n\nPlus de détails sur https://acme.example/aide.',
  // An account the instance cannot resolve stays plain text.
  'Bonjour @inconnu@nowhere.example, et @critic.test sur Bluesky.',
];

describe('Mastodon resend check', () => {
  for (const text of STATEMENTS) {
    it(`finds the status already out after the idempotency window: ${text.slice(0, 40)}…`, async () => {
      mastodon = await startFakeMastodon();
      const publisher = createMastodonPublisher();
      const ctx = publishContext({ instanceUrl: mastodon.url, accessToken: mastodon.token }, { text, key: 'idem-1-0' });
      // The instance publishes, then the answer is lost.
      mastodon.chaos = { dropBefore: 0, dropAfter: 1, hangAfter: 0, random: () => 0 };
      await expect(publisher.post(ctx)).rejects.toThrow();
      expect(mastodon.statuses).toHaveLength(1);
      mastodon.chaos = undefined;
      mastodon.advance(2 * 3600_000);

      const existing = await publisher.findExisting(ctx);
      expect(existing?.id).toBe(mastodon.statuses[0]!.id);
      expect(mastodon.statuses).toHaveLength(1);
    });
  }

  it('does not take a different status for the one sent', async () => {
    mastodon = await startFakeMastodon();
    const publisher = createMastodonPublisher();
    const base = publishContext({ instanceUrl: mastodon.url, accessToken: mastodon.token }, { text: '' });
    await publisher.post({ ...base, key: 'a', text: 'Merci @support@mastodon.social, point à 14:00.' });
    expect(await publisher.findExisting({ ...base, key: 'b', text: 'Merci @support@other.example, point à 14:00.' })).toBeUndefined();
    expect(await publisher.findExisting({ ...base, key: 'b', text: 'Merci @support@mastodon.social, point à 15:00.' })).toBeUndefined();
  });
});
