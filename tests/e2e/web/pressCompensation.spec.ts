// Press desk and compensation register, FR and EN: a journalist's inquiry taken from the plan's address book with a
// deadline already passed shows overdue on the incident page, then is answered (late); a customer's gesture goes
// through the two approvals the plan names, is delivered, and the totals follow.
import { expect, test, type Page } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen, type Lang } from './helpers';

const WORDS = {
  fr: {
    title: 'Colis perdus — Poste rapide Lausanne',
    contact: 'Rédaction économie — Le Quotidien romand',
    question: 'Combien de colis sont perdus et quand seront-ils retrouvés ?',
    late: 'En retard',
    answered: 'Répondue',
    afterDeadline: 'après l’échéance',
    overdue: 'en retard',
    summary: /Sollicitations\s:\s1 — ouvertes\s:\s0 .*traitées à temps\s:\s0, traitées en retard\s:\s1/,
    gesture: 'Remboursement du port et bon de 100 CHF',
    proposed: 'Proposé',
    approved: 'Approuvé',
    done: 'Remis',
    oneOfTwo: /Rôles ayant approuvé\s:\s1 sur 2/,
  },
  en: {
    title: 'Lost parcels — Rapid Post Geneva',
    contact: 'Rédaction économie — Le Quotidien romand',
    question: 'How many parcels are lost and when will they be found?',
    late: 'Late',
    answered: 'Answered',
    afterDeadline: 'after the deadline',
    overdue: 'overdue',
    summary: /Inquiries: 1 — open: 0 .*answered on time: 0, answered late: 1/,
    gesture: 'Postage refund and a 100 CHF voucher',
    proposed: 'Proposed',
    approved: 'Approved',
    done: 'Done',
    oneOfTwo: 'Roles approved: 1 of 2',
  },
};

const asOperator = (page: Page, name: string, role: string) =>
  page.evaluate(([n, r]) => window.localStorage.setItem('tocsin.operator', JSON.stringify({ name: n, role: r })), [name, role] as const);

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`press inquiry with a deadline, answered; compensation case through approval with totals (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    const actor = { author: 'Camille Fontana', authorRole: 'scribe' };
    const incident = await rpc<{ id: string }>(page.request, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: w.title, scenarioKind: 'viralComplaint', scenarioId: 'viralComplaint', severity: 'high', actor },
    });
    await page.addInitScript(() => {
      if (!window.localStorage.getItem('tocsin.operator')) window.localStorage.setItem('tocsin.operator', JSON.stringify({ name: 'Nadia Benali', role: 'communicationLead' }));
    });

    await test.step('an inquiry from the plan’s address book, its deadline passed, shows overdue on the incident page', async () => {
      await openApp(page, lang, `incidents/${incident.id}/press`);
      await page.getByTestId('press-new').click();
      await page.getByTestId('press-contact').click();
      await page.getByRole('option', { name: w.contact }).click();
      await expect(page.getByTestId('press-outlet')).toHaveValue('Le Quotidien romand');
      await expect(page.getByTestId('press-person')).toHaveValue('Rédaction économie');
      await page.getByTestId('press-question').fill(w.question);
      // Twenty minutes ago, in this screen's local time.
      const deadline = await page.evaluate(() => {
        const d = new Date(Date.now() - 20 * 60_000);
        const p = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
      });
      await page.getByTestId('press-deadline').fill(deadline);
      await page.getByTestId('press-spokesperson').click();
      await page.getByRole('option', { name: /Nadia Benali/ }).click();
      await page.getByTestId('press-submit').click();
      const row = page.getByTestId('press-tab').locator('tbody tr', { hasText: w.question });
      await expect(row.getByTestId('press-status')).toHaveText(w.late);
      await expect(row).toContainText('Nadia Benali');
      await expect(page.getByTestId('press-deadline-overdue')).toContainText(w.overdue);
      await expect(page.getByTestId('press-deadline-overdue')).toContainText('Rédaction économie');
      await saveScreen(page, testInfo, `press-overdue-${lang}`);
      await expectAccessible(page, 'press tab', '[data-testid="screen-incident"]');
    });

    await test.step('the inquiry is answered; the desk says it was late', async () => {
      const row = page.getByTestId('press-tab').locator('tbody tr', { hasText: w.question });
      await row.getByTestId('press-answer').click();
      await page.getByTestId('press-answer-input').fill('1 200 colis ; 80 % retrouvés, le reste remboursé.');
      await page.getByTestId('press-answer-submit').click();
      await expect(row.getByTestId('press-status')).toHaveText(w.answered);
      await expect(row).toContainText(w.afterDeadline);
      await expect(page.getByTestId('press-summary')).toHaveText(w.summary);
      await expect(page.getByTestId('press-deadlines')).toHaveCount(0);
      await saveScreen(page, testInfo, `press-answered-${lang}`);
    });

    await test.step('a gesture proposed for a customer', async () => {
      await page.getByTestId('tab-compensation').click();
      await expect(page.getByTestId('compensation-approvers')).toBeVisible();
      await page.getByTestId('compensation-new').click();
      await page.getByTestId('compensation-customer').fill('@client_lausanne');
      await page.getByTestId('compensation-reference').fill('TCK-4411');
      await page.getByTestId('compensation-what').fill('Colis perdu avec des denrées périssables');
      await page.getByTestId('compensation-gesture').fill(w.gesture);
      await page.getByTestId('compensation-amount').fill('149.90');
      await page.getByTestId('compensation-submit').click();
      const row = page.getByTestId('compensation-tab').locator('tbody tr', { hasText: w.gesture });
      await expect(row.getByTestId('compensation-status')).toHaveText(w.proposed);
      await expect(page.getByTestId('compensation-total-CHF')).toContainText(/149[.,]90/);
    });

    await test.step('approved by the crisis lead, then by customer service, then delivered', async () => {
      const row = () => page.getByTestId('compensation-tab').locator('tbody tr', { hasText: w.gesture });
      await asOperator(page, 'Julien Morel', 'crisisLead');
      await page.reload();
      await row().getByTestId('compensation-approve').click();
      await expect(row()).toContainText(w.oneOfTwo);
      await expect(row().getByTestId('compensation-status')).toHaveText(w.proposed);
      await asOperator(page, 'Karim Haddad', 'customerServiceLead');
      await page.reload();
      await row().getByTestId('compensation-approve').click();
      await expect(row().getByTestId('compensation-status')).toHaveText(w.approved);
      await row().getByTestId('compensation-done').click();
      await expect(row().getByTestId('compensation-status')).toHaveText(w.done);
      const total = page.getByTestId('compensation-total-CHF').locator('td');
      await expect(total.nth(3)).toHaveText(/149[.,]90/);
      await expect(total.nth(4)).toHaveText(/149[.,]90/);
      await saveScreen(page, testInfo, `compensation-${lang}`);
      await expectAccessible(page, 'compensation tab', '[data-testid="screen-incident"]');
      await asOperator(page, 'Nadia Benali', 'communicationLead');
    });
  });
}
