// Must show #4, in FR and EN: compose a holding statement from the plan's template, fix what the draft check
// flags, get the two approvals, publish to a loopback Mastodon, and find the entries in the crisis log.
import { expect, test, type APIRequestContext } from './fixtures';
import { startFakeMastodon, type FakeMastodon } from '../../support/fakeMastodonPublish';
import { openApp, saveScreen, type Lang } from './helpers';

async function rpc<T>(request: APIRequestContext, name: string, input: unknown): Promise<T> {
  const response = await request.post(`rpc/${name}`, { data: input });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value as T;
}

const WORDS: Record<Lang, Record<'incident' | 'template' | 'product' | 'cold' | 'empathy' | 'noEmpathy' | 'clean' | 'approved' | 'published' | 'crisisLead' | 'legal', string>> = {
  fr: {
    incident: 'Bouilloire K2 : signalements de surchauffe',
    template: 'Attente — défaut produit',
    product: 'la bouilloire K2',
    cold: 'Nous analysons des signalements concernant la bouilloire K2. Prochain point à 18 h sur aurore.example/k2.',
    empathy: 'Nous sommes désolés pour l’inquiétude causée. ',
    noEmpathy: 'Pas d’empathie',
    clean: 'aucun problème relevé',
    approved: 'Validé',
    published: 'Publié',
    crisisLead: 'Pilote de crise',
    legal: 'Juriste',
  },
  en: {
    incident: 'K2 kettle: overheating reports',
    template: 'Holding — product defect',
    product: 'the K2 kettle',
    cold: 'We are analysing reports about the K2 kettle. Next update at 6 pm on aurore.example/k2.',
    empathy: 'We are sorry for the worry this causes. ',
    noEmpathy: 'No empathy',
    clean: 'no issue found',
    approved: 'Approved',
    published: 'Published',
    crisisLead: 'Crisis lead',
    legal: 'Legal counsel',
  },
};

let mastodon: FakeMastodon;
test.beforeAll(async () => {
  mastodon = await startFakeMastodon();
});
test.afterAll(async () => {
  await mastodon.close();
});

for (const lang of ['fr', 'en'] as const) {
  test(`compose from a template, approve and publish to Mastodon (${lang})`, async ({ page, request }, testInfo) => {
    const w = WORDS[lang];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const incident = await rpc<{ id: string }>(request, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: w.incident, scenarioId: 'productDefect', scenarioKind: 'productDefect', severity: 'high', actor: { author: 'Léa' } },
    });
    const before = mastodon.statuses.length;

    await test.step('open the composer and set up the Mastodon account', async () => {
      await openApp(page, lang, 'composer');
      await expect(page.getByTestId('screen-composer')).toBeVisible();

      await page.getByTestId('composer-mastodon-url').fill(mastodon.url);
      await page.getByTestId('composer-mastodon-token').fill(mastodon.token);
      await page.getByTestId('composer-mastodon-save').click();
      await expect(page.getByTestId('composer-account-mastodon')).toContainText(mastodon.url);
    });

    await test.step("start a holding statement from the plan's template", async () => {
      await page.getByTestId('composer-incident').click();
      await page.getByRole('option', { name: w.incident }).click();
      await page.getByTestId('composer-new').click();
      await page.getByTestId('composer-new-template').click();
      await page.getByRole('option', { name: w.template }).click();
      await page.getByTestId('composer-var-product-fr').fill(WORDS.fr.product);
      await page.getByTestId('composer-var-product-en').fill(WORDS.en.product);
      for (const l of ['fr', 'en']) {
        await page.getByTestId(`composer-var-hotline-${l}`).fill('0800 555 000');
        await page.getByTestId(`composer-var-page-${l}`).fill('https://aurore.example/k2');
      }
      await saveScreen(page, testInfo, `${lang}-composer-new-from-template`);
      await page.getByTestId('composer-new-create').click();
    });

    await test.step('fix what the draft check flags and save', async () => {
      // The shipped template passes the check; a colder rewrite of the opening is flagged until empathy comes back.
      await expect(page.getByTestId('composer-text-fr')).toHaveValue(/bouilloire K2/);
      await expect(page.getByTestId('composer-text-en')).toHaveValue(/K2 kettle/);
      await expect(page.getByTestId(`composer-check-${lang}`)).toContainText(w.clean!);
      // No Bluesky account in this run; the website stays, as a manual channel.
      await page.locator('label').filter({ hasText: /^Bluesky$/ }).click();
      await expect(page.getByTestId('composer-count-bluesky')).toHaveCount(0);
      const fr = page.getByTestId('composer-text-fr');
      const en = page.getByTestId('composer-text-en');
      await fr.fill(WORDS.fr.cold);
      await en.fill(WORDS.en.cold);
      await expect(page.getByTestId(`composer-check-${lang}`)).toContainText(w.noEmpathy!);
      await fr.fill(WORDS.fr.empathy + WORDS.fr.cold);
      await en.fill(WORDS.en.empathy + WORDS.en.cold);
      await expect(page.getByTestId(`composer-check-${lang}`)).not.toContainText(w.noEmpathy!);
      await expect(page.getByTestId('composer-count-mastodon').first()).toContainText('/ 500');
      // A Mastodon version of its own, starting from the main text, with its own counter.
      await page.getByTestId('composer-variant-add-mastodon').click();
      await expect(page.getByTestId('composer-variants').getByTestId('composer-count-mastodon')).toHaveCount(2);
      await page.getByTestId('composer-save').click();
      await expect(page.getByTestId('composer-save')).toBeDisabled();
    });

    await test.step('two people approve the exact text', async () => {
      await page.getByTestId('composer-approver-name').fill('Alice Martin');
      await page.getByTestId('composer-approver-role').click();
      await page.getByRole('option', { name: w.crisisLead }).click();
      await page.getByTestId('composer-approve').click();
      await expect(page.getByTestId('composer-decisions')).toContainText('Alice Martin');
      await page.getByTestId('composer-approver-name').fill('Bruno Keller');
      await page.getByTestId('composer-approver-role').click();
      await page.getByRole('option', { name: w.legal }).click();
      await page.getByTestId('composer-approve').click();
      await expect(page.getByTestId('composer-approval-state')).toHaveText(w.approved!);
      await saveScreen(page, testInfo, `${lang}-composer-approved`);
    });

    await test.step('queue it and publish to Mastodon', async () => {
      await page.getByTestId('composer-queue').click();
      const publication = page.getByTestId('composer-publication');
      await expect(publication.getByTestId('outbox-mastodon-fr')).toHaveAttribute('data-state', 'published', { timeout: 20_000 });
      await expect(publication.getByTestId('outbox-mastodon-en')).toHaveAttribute('data-state', 'published', { timeout: 20_000 });
      await expect(publication.getByTestId('outbox-mastodon-en')).toContainText(`${mastodon.url}/@cell/`);
      await expect(publication.getByTestId('outbox-website-fr')).toHaveAttribute('data-state', 'manual');
      await saveScreen(page, testInfo, `${lang}-composer-published`);
      expect(mastodon.statuses.length - before).toBe(2);
      expect(mastodon.statuses.slice(before).map((s) => s.language).sort()).toEqual(['en', 'fr']);
    });

    // The freeze register: flip the spring campaign, with a reason, and see who did it.
    const wasFrozen = await test.step('freeze or release a campaign with a reason', async () => {
      const spring = page.getByTestId('campaign-spring');
      const frozen = (await spring.getAttribute('data-frozen')) === 'true';
      await page.getByTestId('composer-freeze-person').fill('Bruno Keller');
      await page.getByTestId('composer-freeze-reason').fill(lang === 'fr' ? 'Crise en cours : pas de promotion' : 'Crisis under way: no promotion');
      await spring.getByRole('button').click();
      await expect(spring).toHaveAttribute('data-frozen', String(!frozen));
      await expect(spring).toContainText('Bruno Keller');
      await saveScreen(page, testInfo, `${lang}-composer-freeze`);
      return frozen;
    });

    await test.step('the crisis log holds the approvals and publications', async () => {
      const log = await rpc<{ systemCode: string | null }[]>(request, 'crisisLog:list', { workspaceId: 'live', filter: { incidentId: incident.id } });
      const codes = log.map((e) => e.systemCode);
      expect(codes.filter((c) => c === 'composer.approved')).toHaveLength(2);
      expect(codes.filter((c) => c === 'composer.published')).toHaveLength(2);
      expect(codes).toContain(wasFrozen ? 'composer.campaignsUnfrozen' : 'composer.campaignsFrozen');
      await page.goto(`./#/incidents/${incident.id}/log`);
      // Entries Tocsin wrote are worded in the reader's language, role names included.
      await expect(page.getByText(lang === 'fr' ? 'Alice Martin (Pilote de crise)' : 'Alice Martin (Crisis lead)').first()).toBeVisible();
      await saveScreen(page, testInfo, `${lang}-composer-log-entries`);
    });
    expect(errors).toEqual([]);
  });
}

for (const lang of ['fr', 'en'] as const) {
  test(`the response queue shows a question and starts a reply (${lang})`, async ({ page, request }, testInfo) => {
    // An incident's queue holds the mentions of its watches: the kettle watch exists before the incident opens.
    const watchName = `K2 ${lang} ${Date.now()}`;
    await rpc(request, 'watches:create', { workspaceId: 'live', watch: { name: watchName, keywords: ['bouilloire', 'kettle'] } });
    await rpc<{ id: string }>(request, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: `${WORDS[lang].incident} — réponses ${lang}`, scenarioId: 'productDefect', scenarioKind: 'productDefect', severity: 'high', actor: { author: 'Léa' } },
    });
    const question = lang === 'fr' ? 'Est-ce que ma bouilloire K2 est dangereuse ? Je l’utilise tous les jours.' : 'Is my K2 kettle dangerous? I use it every day.';
    const captured = await rpc<{ id: number }>(request, 'mentions:capture', {
      workspaceId: 'live',
      capture: { channel: 'phonePost', outlet: 'Instagram', authorName: 'Nora Client', audience: 1200, text: question, occurredAt: new Date().toISOString() },
    });
    const card = page.getByTestId(`response-${captured.id}`);
    await test.step('the captured question waits in the response queue', async () => {
      await openApp(page, lang, 'composer');
      await page.getByTestId('composer-incident').click();
      await page.getByRole('option', { name: `${WORDS[lang].incident} — réponses ${lang}` }).click();
      await expect(card).toContainText(question);
      await expect(card).toHaveAttribute('data-state', 'open');
      await card.scrollIntoViewIfNeeded();
      await saveScreen(page, testInfo, `${lang}-composer-response-queue`);
    });

    await test.step('start a reply statement', async () => {
      await page.getByTestId(`response-reply-${captured.id}`).click();
      await expect(card).toHaveAttribute('data-state', 'replying');
      await expect(page.getByTestId('composer-approval-state')).toBeVisible();
      await expect(page.getByText(lang === 'fr' ? 'Réponse à une mention' : 'Reply to a mention').first()).toBeVisible();
    });

    await test.step("the publication marks the dashboard's volume chart", async () => {
      // The publication is a marker on the dashboard's volume chart (publications mark every watch's chart).
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('dashboard-watch').click();
      await page.getByRole('option', { name: watchName }).click();
      const mark = lang === 'fr' ? 'Publié :' : 'Published:';
      await expect(page.getByTestId('dashboard-chart-panel').locator('svg text', { hasText: mark }).first()).toBeVisible();
      await saveScreen(page, testInfo, `${lang}-composer-dashboard-marker`);
    });
  });
}
