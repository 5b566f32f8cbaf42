// The crisis plan area: editing, import with errors named by path, export, and the paper kit PDF.
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { openApp, saveScreen, type Lang } from './helpers';

const text = {
  fr: { saved: 'Plan enregistré.', roles: 'Rôles', playbooks: 'Fiches réflexes', problems: /problème\(s\) dans broken-plan\.json — rien n’a été importé/ },
  en: { saved: 'Plan saved.', roles: 'Roles', playbooks: 'Playbooks', problems: /problem\(s\) in broken-plan\.json — nothing was imported/ },
};

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`plan editor, import errors, export and paper kit (${lang})`, async ({ page }, testInfo) => {
    await test.step('the plan of the organisation is shown', async () => {
      await openApp(page, lang, 'plan');
      await expect(page.getByTestId('screen-plan')).toBeVisible();
      await expect(page.getByTestId('plan-organisation')).toHaveValue('Groupe Aurore SA');
      await saveScreen(page, testInfo, `plan-overview-${lang}`);
    });

    await test.step("edit a deputy's phone and save", async () => {
      await page.getByTestId('plan-tab-roles').click();
      await expect(page.getByTestId('plan-roles')).toBeVisible();
      await saveScreen(page, testInfo, `plan-roles-${lang}`);
      const phone = page.getByTestId('role-decisionMaker-deputy-0-phone');
      await phone.fill(`+41 79 555 77 ${lang === 'fr' ? '01' : '02'}`);
      await page.getByTestId('plan-save').click();
      await expect(page.getByText(text[lang].saved)).toBeVisible();
      await expect(page.getByTestId('plan-save')).toBeDisabled();
    });

    await test.step('the playbooks, thresholds and approvals tabs', async () => {
      await page.getByTestId('plan-tab-playbooks').click();
      await expect(page.getByTestId('plan-playbooks')).toBeVisible();
      await saveScreen(page, testInfo, `plan-playbooks-${lang}`);
      await page.getByTestId('plan-tab-thresholds').click();
      await saveScreen(page, testInfo, `plan-thresholds-${lang}`);
      await page.getByTestId('plan-tab-approvals').click();
      await expect(page.getByTestId('plan-approvals-holding')).toBeVisible();
      await saveScreen(page, testInfo, `plan-approvals-${lang}`);
    });

    const file = await test.step('export the plan file', async () => {
      await page.getByTestId('plan-tab-overview').click();
      const exportDownload = page.waitForEvent('download');
      await page.getByTestId('plan-export').click();
      const exported = await exportDownload;
      expect(exported.suggestedFilename()).toBe('crisis-plan-groupe-aurore-sa-2026.1.json');
      const exportedPlan = JSON.parse(readFileSync((await exported.path())!, 'utf8'));
      expect(exportedPlan.roles[0].deputies[0].phone).toBe(`+41 79 555 77 ${lang === 'fr' ? '01' : '02'}`);
      return exportedPlan;
    });

    await test.step('a broken plan file is refused with every problem by path', async () => {
      file.roles[1].holder.phone = '';
      file.playbooks[2].items[0].deadline = 'soon';
      file.scenarios[0].playbookId = 'pb-missing';
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('plan-import').click();
      await (await chooser).setFiles({ name: 'broken-plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      const issues = page.getByTestId('plan-issues');
      await expect(issues).toContainText(text[lang].problems);
      await expect(issues).toContainText('roles.1.holder.phone');
      await expect(issues).toContainText('playbooks.2.items.0.deadline');
      await expect(issues).toContainText('scenarios.0.playbookId');
      await saveScreen(page, testInfo, `plan-import-errors-${lang}`);
    });

    await test.step('the paper kit PDF', async () => {
      const kitDownload = page.waitForEvent('download');
      await page.getByTestId(`plan-paper-kit-${lang}`).click();
      const kit = await kitDownload;
      expect(kit.suggestedFilename()).toBe(`paper-kit-groupe-aurore-sa-2026.1-${lang}.pdf`);
      expect(readFileSync((await kit.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
}
