// The cell's own roles and the readiness check on the plan screen, and the first start that asks how the live
// plan starts. The first-start test starts its own backends on fresh data folders; the rest use the worker's.
import { expect, test, type Page } from './fixtures';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredPlan } from '../../../src/shared/contract/plan';
import { startBackend, type Backend } from './backend';
import { expectAccessible, openApp, rpc, saveScreen, type Lang } from './helpers';

const words = {
  fr: { role: 'Nouveau rôle', fr: 'Expert externe', en: 'External expert', saved: 'Plan enregistré.', inUse: /encore cité à 1 endroit/, approval: 'Validations : la chaîne pour' },
  en: { role: 'New role', fr: 'Marketing', en: 'Marketing', saved: 'Plan saved.', inUse: /still named in 1 place/, approval: 'Approvals: the chain for' },
};

const score = async (page: Page): Promise<number> => Number(await page.getByTestId('readiness-score').textContent());

/** The roles tab opens on its first role only: open the one named, unless it already is. */
async function openRole(page: Page, name: string, roleId: string): Promise<void> {
  if (await page.getByTestId(`role-${roleId}-remove`).isVisible()) return;
  await page.getByTestId('plan-roles').getByRole('button', { name }).click();
  await expect(page.getByTestId(`role-${roleId}-remove`)).toBeVisible();
}

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`a custom role in an approval chain, and the readiness score rising as gaps are fixed (${lang})`, async ({ page, request }, testInfo) => {
    // Six plan edits, two saves and two axe runs: past a minute on a machine shared by several runs.
    test.setTimeout(240_000);
    const w = words[lang];
    const shown = w[lang];
    const roleId = await test.step('add a role on the plan screen and name it', async () => {
      await openApp(page, lang, 'plan');
      await page.getByTestId('plan-tab-roles').click();
      await page.getByTestId('plan-add-role').click();
      await page.getByTestId('plan-roles').getByRole('button', { name: w.role }).click();
      const nameFr = page.locator('[data-testid^="plan-roles-role-"][data-testid$="-name-fr"]');
      await nameFr.fill(w.fr);
      await page.locator('[data-testid^="plan-roles-role-"][data-testid$="-name-en"]').fill(w.en);
      const testId = await nameFr.getAttribute('data-testid');
      return /^plan-roles-(role-[a-z0-9-]+)-name-fr$/.exec(testId ?? '')![1]!;
    });

    const before = await test.step('the readiness check names the vacant role and links to its fix', async () => {
      await page.getByTestId('plan-tab-readiness').click();
      await expect(page.getByTestId('plan-readiness')).toBeVisible();
      const gap = page.getByTestId('readiness-gap-roleNoHolder').filter({ hasText: shown });
      await expect(gap).toBeVisible();
      await saveScreen(page, testInfo, `plan-readiness-${lang}`);
      await expectAccessible(page, `readiness (${lang})`, '[data-testid="screen-plan"]');
      const value = await score(page);
      await gap.getByRole('button').click();
      await expect(page.getByTestId('plan-roles')).toBeVisible();
      return value;
    });

    await test.step('a holder with a phone, then a deputy: the score rises each time', async () => {
      await openRole(page, shown, roleId);
      await page.getByTestId(`role-${roleId}-add-holder`).click();
      await page.getByTestId(`role-${roleId}-holder-name`).fill('Léa Marchal');
      await page.getByTestId(`role-${roleId}-holder-phone`).fill('+41 79 555 10 10');
      await page.getByTestId('plan-tab-readiness').click();
      const withHolder = await score(page);
      expect(withHolder).toBeGreaterThan(before);
      await page.getByTestId('plan-tab-roles').click();
      await openRole(page, shown, roleId);
      await page.getByTestId(`role-${roleId}-add-deputy`).click();
      await page.getByTestId(`role-${roleId}-deputy-0-name`).fill('Noé Bret');
      await page.getByTestId(`role-${roleId}-deputy-0-phone`).fill('+41 79 555 10 11');
      await page.getByTestId('plan-tab-readiness').click();
      await expect(page.getByTestId('readiness-gap-roleNoDeputy').filter({ hasText: shown })).toHaveCount(0);
      expect(await score(page)).toBeGreaterThan(withHolder);
    });

    await test.step('the custom role joins the approval chain of holding statements and the plan is saved', async () => {
      await page.getByTestId('plan-tab-approvals').click();
      await page.getByTestId('plan-approvals-holding').click({ force: true });
      await page.getByRole('option', { name: shown }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('plan-save').click();
      await expect(page.getByText(w.saved)).toBeVisible();
      const stored = await rpc<StoredPlan>(request, 'plan:get', { workspaceId: 'live' });
      expect(stored.plan.approvals.holding).toContain(roleId);
      const history = await rpc<{ roleChanges: { added: { en: string }[] } | null }[]>(request, 'plan:history', { workspaceId: 'live' });
      expect(history[0]!.roleChanges?.added.map((name) => name.en)).toContain(w.en);
    });

    await test.step('renaming keeps the chain; removing the role in use is refused, naming the chain', async () => {
      await page.getByTestId('plan-tab-roles').click();
      await openRole(page, shown, roleId);
      await page.locator(`[data-testid="plan-roles-${roleId}-name-en"]`).fill(`${w.en} & brand`);
      await page.getByTestId(`role-${roleId}-remove`).click();
      const refusal = page.getByTestId(`role-${roleId}-in-use`);
      await expect(refusal).toContainText(w.inUse);
      await expect(refusal).toContainText(w.approval);
      await saveScreen(page, testInfo, `plan-role-in-use-${lang}`);
      await expectAccessible(page, `role in use (${lang})`, '[data-testid="screen-plan"]');
      await page.getByTestId('plan-save').click();
      await expect(page.getByText(w.saved)).toBeVisible();
      const stored = await rpc<StoredPlan>(request, 'plan:get', { workspaceId: 'live' });
      expect(stored.plan.approvals.holding).toContain(roleId);
      expect(stored.plan.roles.find((r) => r.id === roleId)?.name.en).toBe(`${w.en} & brand`);
    });

    await test.step('other specs sign statements with the shipped chain: the role leaves it and the plan', async () => {
      const stored = await rpc<StoredPlan>(request, 'plan:get', { workspaceId: 'live' });
      const plan = structuredClone(stored.plan);
      plan.approvals.holding = plan.approvals.holding.filter((id) => id !== roleId);
      plan.roles = plan.roles.filter((r) => r.id !== roleId);
      await rpc(request, 'plan:save', { workspaceId: 'live', baseRevision: stored.revision, plan, note: '' });
    });
  });
}

const charter = {
  fr: { tab: 'Charte du personnel', title: 'Charte des réseaux sociaux du personnel', rule: 'aucune photo des locaux pendant la crise' },
  en: { tab: 'Staff charter', title: 'Staff social-media charter', rule: 'no photo of the premises during the crisis' },
};

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`the staff charter is edited on the plan screen and printed in the paper kit (${lang})`, async ({ page }, testInfo) => {
    await openApp(page, lang, 'plan');
    await page.getByTestId('plan-tab-charter').click();
    await expect(page.getByTestId('plan-charter')).toBeVisible();
    await page.getByTestId('charter-text-fr').fill('Vos comptes sont personnels ; la marque parle par ses comptes officiels.');
    await page.getByTestId('charter-text-en').fill('Your accounts are your own; the brand speaks through its official accounts.');
    await page.getByTestId('charter-spokespeople-fr').fill('la directrice de la communication');
    await page.getByTestId('charter-spokespeople-en').fill('the head of communication');
    const rules = await page.locator('[data-testid^="charter-rule-"][data-testid$="-fr"]').count();
    await page.getByTestId('charter-add-rule').click();
    await page.getByTestId(`charter-rule-${rules}-fr`).fill(charter.fr.rule);
    await page.getByTestId(`charter-rule-${rules}-en`).fill(charter.en.rule);
    await page.getByTestId('plan-save').click();
    await expect(page.getByTestId('plan-save')).toBeDisabled();
    await saveScreen(page, testInfo, `plan-charter-${lang}`);
    await expectAccessible(page, `charter (${lang})`, '[data-testid="screen-plan"]');
    await page.getByTestId('plan-tab-overview').click();
    const download = page.waitForEvent('download');
    await page.getByTestId(`plan-paper-kit-${lang}`).click();
    const file = join(mkdtempSync(join(tmpdir(), 'tocsin-charter-')), 'kit.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(charter[lang].title);
    expect(text).toContain(`• ${charter[lang].rule}`);
  });
}

test.describe('first start', () => {
  const backends: Backend[] = [];
  test.afterAll(async () => {
    for (const backend of backends) await backend.stop();
  });

  /** A backend as a person launches it on a new computer: a fresh data folder, nobody has chosen a plan yet. */
  async function freshBackend(): Promise<string> {
    const backend = await startBackend({ name: 'first-plan', env: { TOCSIN_FIRST_PLAN: '', TOCSIN_DEMO: '0' } });
    backends.push(backend);
    return backend.url;
  }

  test('the last exercise is the one last played: setting one up is not rehearsing', async ({ page, playwright }) => {
    test.setTimeout(180_000);
    const backend = await startBackend({ name: 'last-exercise', env: { TOCSIN_FIRST_PLAN: 'sample', TOCSIN_DEMO: '0' } });
    backends.push(backend);
    const api = await playwright.request.newContext({ baseURL: backend.url });
    try {
      await page.addInitScript(() => window.localStorage.setItem('tocsin.language', 'en'));
      const openReadiness = async () => {
        await page.goto(`${backend.url}#/plan`);
        await page.getByTestId('plan-tab-readiness').click();
        await expect(page.getByTestId('plan-readiness')).toBeVisible({ timeout: 15_000 });
      };
      await openReadiness();
      const never = page.getByTestId('readiness-gap-neverExercised');
      await expect(never).toBeVisible();
      const before = await score(page);

      const drill = await rpc<{ id: string }>(api, 'exercises:create', { name: 'Drill set up, not played' });
      await openReadiness();
      await expect(never).toBeVisible();
      expect(await score(page)).toBe(before);

      await rpc(api, 'exercises:start', { workspaceId: drill.id, scriptId: 'bank-data-leak', speed: 1 });
      await expect(never).toHaveCount(0);
      await expect(page.getByTestId('readiness-gap-exerciseOverdue')).toHaveCount(0);
      expect(await score(page)).toBeGreaterThan(before);
      await rpc(api, 'exercises:control', { workspaceId: drill.id, control: { action: 'pause' } });
    } finally {
      await api.dispose();
    }
  });

  test('a fresh data folder asks: the sample plan, marked SAMPLE until edited, or an empty plan', async ({ page }, testInfo) => {
    // Two backends started on fresh data folders, one after the other.
    test.setTimeout(300_000);
    for (const lang of ['en', 'fr'] as const) {
      const url = await freshBackend();
      await page.addInitScript((l) => window.localStorage.setItem('tocsin.language', l), lang);
      await page.goto(`${url}#/plan`);
      await expect(page.getByRole('dialog')).toBeVisible({ timeout: 15_000 });
      await saveScreen(page, testInfo, `first-plan-choice-${lang}`);
      await expectAccessible(page, `first plan choice (${lang})`, '[role="dialog"]');
      if (lang === 'en') {
        await page.getByTestId('first-plan-sample').click();
        await expect(page.getByRole('dialog')).toHaveCount(0);
        await expect(page.getByTestId('plan-sample-badge')).toHaveText('SAMPLE');
        await expect(page.getByTestId('plan-organisation')).toHaveValue('Groupe Aurore SA');
        await saveScreen(page, testInfo, `plan-sample-${lang}`);
        await page.getByTestId('plan-organisation').fill('Banque Léman SA');
        await page.getByTestId('plan-save').click();
        await expect(page.getByTestId('plan-sample-badge')).toHaveCount(0);
      } else {
        await expect(page.getByTestId('first-plan-empty')).toBeDisabled();
        await page.getByTestId('first-plan-organisation').fill('Horlogerie Valjoux');
        await page.getByTestId('first-plan-empty').click();
        await expect(page.getByRole('dialog')).toHaveCount(0);
        await expect(page.getByTestId('first-plan-banner')).toHaveCount(0);
        await expect(page.getByTestId('plan-organisation')).toHaveValue('Horlogerie Valjoux');
        await expect(page.getByTestId('plan-sample-badge')).toHaveCount(0);
        await page.getByTestId('plan-tab-readiness').click();
        await expect(page.getByTestId('readiness-gap-noScenario')).toBeVisible();
        expect(await score(page)).toBeLessThan(20);
      }
    }
  });
});
