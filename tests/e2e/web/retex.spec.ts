// RETEX with an action that changes the plan and the plan's revision naming the lesson: a stabilised incident's
// RETEX tab measures its timings, takes the account and an action that proposes a checklist item; accepting it
// makes a plan revision that the plan's history links back to the lesson; an item of the follow-up campaign is
// ticked; the crisis log records it all.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen, type Lang } from './helpers';

const WORDS = {
  fr: {
    title: 'Panne du paiement en ligne — Lausanne',
    notReached: 'non atteint',
    action: 'Ajouter à la fiche le message d’attente sous 45 minutes',
    itemKind: 'Une action de fiche réflexe',
    itemFr: 'Publier le message d’attente pré-validé',
    accepted: /Acceptée — révision (\d+) du plan/,
    done: 'Faite le',
    lesson: 'Issu du RETEX de « Panne du paiement en ligne — Lausanne »',
    followUp: 'Campagne de suivi (rebondir)',
    progress: '1 sur 9 faits',
    ticked: 'a coché le point de la campagne de suivi « Remercier les clients',
  },
  en: {
    title: 'Online payment outage — Geneva',
    notReached: 'not reached',
    action: 'Add the 45-minute holding message to the playbook',
    itemKind: 'A checklist item',
    itemFr: 'Publier le message d’attente pré-validé',
    accepted: /Accepted — plan revision (\d+)/,
    done: 'Done on',
    lesson: 'From the RETEX of “Online payment outage — Geneva”',
    followUp: 'Follow-up campaign (bouncing back)',
    progress: '1 of 9 done',
    ticked: 'ticked the follow-up campaign item “Thank the customers',
  },
};

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`RETEX with an action that changes the plan, and the plan revision naming the lesson (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    const actor = { author: 'Léa Martin', authorRole: 'crisisLead' };
    // Its own quiet watch: alerts other specs raise on the shared backend are not this incident's.
    const watch = await rpc<{ id: number }>(page.request, 'watches:create', { workspaceId: 'live', watch: { name: `Paiements ${lang} ${Date.now()}`, keywords: [`paiement-retex-${lang}`] } });
    const incident = await rpc<{ id: string }>(page.request, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: w.title, scenarioKind: 'dataBreach', scenarioId: 'dataBreach', severity: 'high', scope: { watchIds: [watch.id] }, actor },
    });
    const mobilised = await rpc<{ mobilisation: { calls: { roleId: string; personName: string }[] } }>(page.request, 'incidents:mobilise', { workspaceId: 'live', incidentId: incident.id, actor });
    for (const call of mobilised.mobilisation.calls) {
      await rpc(page.request, 'incidents:acknowledge', { workspaceId: 'live', incidentId: incident.id, roleId: call.roleId, actor: { author: call.personName, authorRole: call.roleId } });
    }
    await rpc(page.request, 'incidents:setStatus', { workspaceId: 'live', incidentId: incident.id, status: 'stabilised', actor });
    await page.addInitScript(() => window.localStorage.setItem('tocsin.operator', JSON.stringify({ name: 'Léa Martin', role: 'crisisLead' })));

    await test.step('the RETEX tab measures the timings from the incident’s records', async () => {
      await openApp(page, lang, `incidents/${incident.id}/retex`);
      await expect(page.getByTestId('tab-panel-retex')).toBeVisible();
      await expect(page.getByTestId('retex-timing-mobilisation')).toContainText(/\d+ min/);
      await expect(page.getByTestId('retex-timing-firstStatement')).toContainText(w.notReached);
      await expect(page.getByTestId('retex-timing-detection')).toContainText(w.notReached);
      await expect(page.getByTestId('retex-recovery')).toBeVisible();
    });

    await test.step('the account is saved', async () => {
      await page.getByTestId('retex-whatHappened').fill('Le prestataire de paiement est tombé à 9 h ; 600 clients ont écrit.');
      await page.getByTestId('retex-wentWell').fill('Le message d’attente est parti vite.');
      await page.getByTestId('retex-wentBadly').fill('Pas de fiche pour une panne de prestataire.');
      await page.getByTestId('retex-save').click();
      await expect(page.getByTestId('retex-updated')).toContainText('Léa Martin');
    });

    await test.step('an action with an owner, a due date and a proposed checklist item', async () => {
      await page.getByTestId('retex-action-text').fill(w.action);
      await expect(page.getByTestId('retex-action-person')).not.toHaveValue('');
      // Due in thirty days by default, shown as a day in the reader's language.
      await expect(page.getByTestId('retex-action-due')).toHaveValue(/\d{4}$/);
      await page.getByTestId('retex-change-kind').click();
      await page.getByRole('option', { name: w.itemKind }).click();
      await page.getByTestId('retex-change-fr').fill(w.itemFr);
      await page.getByTestId('retex-change-en').fill('Publish the pre-approved holding message');
      await page.getByTestId('retex-change-deadline').fill('PT45M');
      await page.getByTestId('retex-action-add').click();
      await expect(page.getByTestId('retex-actions')).toContainText(w.action);
      await saveScreen(page, testInfo, `retex-${lang}`);
      await expectAccessible(page, 'RETEX tab', '[data-testid="tab-panel-retex"]');
    });

    let revision = '';
    await test.step('accepting the change edits the plan; the action is then done', async () => {
      const row = page.getByTestId('retex-actions').locator('tbody tr', { hasText: w.action });
      await row.getByTestId('retex-change-accept').click();
      await expect(row.getByTestId('retex-change-state')).toHaveText(w.accepted);
      revision = w.accepted.exec((await row.getByTestId('retex-change-state').innerText()) ?? '')![1]!;
      await row.getByTestId('retex-action-toggle').click();
      await expect(row.getByTestId('retex-action-state')).toContainText(w.done);
      await saveScreen(page, testInfo, `retex-accepted-${lang}`);
    });

    await test.step('the follow-up campaign is offered: an item ticked shows who did it and when', async () => {
      const panel = page.getByTestId('retex-follow-up');
      await expect(panel).toContainText(w.followUp);
      // The box shows the stored state: it turns checked once the backend has recorded the tick.
      await page.getByTestId('retex-follow-up-thankSupporters').click();
      await expect(page.getByTestId('retex-follow-up-progress')).toHaveText(w.progress);
      await expect(page.getByTestId('retex-follow-up-thankSupporters')).toBeChecked();
      await expect(panel).toContainText('Léa Martin');
      await panel.scrollIntoViewIfNeeded();
      await saveScreen(page, testInfo, `retex-follow-up-${lang}`);
      await expectAccessible(page, 'follow-up campaign', '[data-testid="retex-follow-up"]');
    });

    await test.step('the crisis log records the plan change and the follow-up item', async () => {
      await page.getByTestId('tab-log').click();
      await expect(page.getByTestId('tab-panel-log').getByText(w.action).first()).toBeVisible();
      await expect(page.getByTestId('tab-panel-log').getByText(w.ticked).first()).toBeVisible();
    });

    await test.step('the plan’s history names the lesson the revision came from', async () => {
      await openApp(page, lang, 'plan');
      const entry = page.getByTestId(`plan-revision-${revision}`);
      await expect(entry).toContainText(w.lesson);
      await expect(entry).toContainText(w.action);
      await expect(entry).toContainText('Léa Martin');
      await saveScreen(page, testInfo, `retex-plan-history-${lang}`);
      await expectAccessible(page, 'plan history', '[data-testid="plan-history"]');
      await entry.getByRole('link').click();
      await expect(page.getByTestId('tab-panel-retex')).toBeVisible();
    });
  });
}
