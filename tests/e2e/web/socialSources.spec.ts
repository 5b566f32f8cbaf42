// Mastodon and Bluesky sources added from the Sources screen against loopback servers speaking their APIs:
// test before saving, save, first fetch, health OK. Screens saved in FR and EN.
import { expect, test } from './fixtures';
import { startBlueskyPds } from '../../support/blueskyPds';
import { startMastodonInstance } from '../../support/mastodonInstance';
import { openApp, saveScreen } from './helpers';

for (const lang of ['fr', 'en'] as const) {
  test(`Mastodon and Bluesky sources are tested, saved and fetched (${lang})`, async ({ page }, testInfo) => {
    const mastodon = await startMastodonInstance();
    const pds = await startBlueskyPds();
    mastodon.post(3);
    pds.post(4);
    try {
      await openApp(page, lang, 'sources');
      await page.getByTestId('source-add-mastodon').click();
      const mastodonForm = page.getByTestId('source-form-mastodon');
      await mastodonForm.getByTestId('source-name').fill(`Mastodon #AcmeLeak ${lang}`);
      await mastodonForm.getByTestId('source-instance').fill(mastodon.url);
      await mastodonForm.getByTestId('source-query').fill('#AcmeLeak');
      await mastodonForm.getByTestId('source-secret-accessToken').fill('user-token-1');
      await mastodonForm.getByTestId('source-test').click();
      await expect(page.getByTestId('source-test-ok')).toContainText('3');
      await expect(page.getByTestId('source-test-ok')).toContainText('Fuite de données');
      await saveScreen(page, testInfo, `${lang}-sources-mastodon-form`);
      await mastodonForm.getByTestId('source-save').click();
      const mastodonRow = page.getByTestId('sources-table').locator('tr', { hasText: `Mastodon #AcmeLeak ${lang}` });
      await expect(mastodonRow.getByTestId('source-state-ok')).toBeVisible({ timeout: 20_000 });
      // A hashtag with a token also streams: the row says the live feed is up.
      await expect(mastodonRow.getByTestId('live-feed-live')).toBeVisible({ timeout: 20_000 });

      await page.getByTestId('source-add-bluesky').click();
      const blueskyForm = page.getByTestId('source-form-bluesky');
      await blueskyForm.getByTestId('source-name').fill(`Bluesky fuite ${lang}`);
      await blueskyForm.getByTestId('source-service').fill(pds.url);
      await blueskyForm.getByTestId('source-query').fill('fuite');
      await blueskyForm.getByTestId('source-secret-identifier').fill('cellule.bsky.social');
      await blueskyForm.getByTestId('source-secret-appPassword').fill('wrong-password');
      await blueskyForm.getByTestId('source-test').click();
      await expect(page.getByTestId('source-test-failed')).toContainText(lang === 'fr' ? 'mot de passe d’application' : 'app password');
      await blueskyForm.getByTestId('source-secret-appPassword').fill('abcd-efgh-ijkl-mnop');
      await blueskyForm.getByTestId('source-test').click();
      await expect(page.getByTestId('source-test-ok')).toContainText('4');
      await saveScreen(page, testInfo, `${lang}-sources-bluesky-form`);
      await blueskyForm.getByTestId('source-save').click();
      const blueskyRow = page.getByTestId('sources-table').locator('tr', { hasText: `Bluesky fuite ${lang}` });
      await expect(blueskyRow.getByTestId('source-state-ok')).toBeVisible({ timeout: 20_000 });
      await saveScreen(page, testInfo, `${lang}-sources-social`);

      // The stored secrets never come back to the page: editing shows them as saved, not their value.
      await blueskyRow.getByRole('button', { name: lang === 'fr' ? 'Modifier' : 'Edit' }).click();
      await expect(page.getByTestId('source-secret-appPassword')).toHaveValue('');
      await expect(page.getByTestId('source-secret-appPassword')).toHaveAttribute('placeholder', /saved|enregistré/);
    } finally {
      await mastodon.close();
      await pds.close();
    }
  });
}
