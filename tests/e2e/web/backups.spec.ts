// Backups in Settings, FR and EN: one taken now shows its progress, the list is pushed to another window,
// and a restore first says what it replaces (offering to keep the current state first); once restored, a watch
// made after the backup is gone from both windows without a reload. axe on the panel and on the restore dialog.
import { expect, test, type Page } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

const TEXT = {
  en: { loss: 'Everything recorded since then is deleted for good', restored: 'crisis log chain verified' },
  fr: { loss: 'Tout ce qui a été enregistré depuis est supprimé définitivement', restored: 'chaîne de la main courante vérifiée' },
} as const;

/** Holds one call a moment before it reaches the backend, so the progress shown meanwhile can be seen. */
async function holdCall(page: Page, channel: string): Promise<void> {
  await page.route(
    (url) => decodeURIComponent(url.pathname).endsWith(`/rpc/${channel}`),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    },
  );
}

for (const lang of ['fr', 'en'] as const) {
  test(`backups: taken with progress, pushed to another window, restored after a warning (${lang})`, async ({ browser }, testInfo) => {
    // Two windows, two backups, a restore and their checks on a busy two-core machine: past the suite's minute.
    test.setTimeout(150_000);
    const context = await browser.newContext();
    // Closed even when a step fails: its windows would otherwise keep their event streams open on the backend.
    try {
      const first = await context.newPage();
      const second = await context.newPage();
      await openApp(first, lang, 'settings');
      await openApp(second, lang, 'settings');
      await expect(second.getByTestId('backups-empty').or(second.getByTestId('backups-table'))).toBeVisible();
      const before = await second.getByTestId('backup-row').count();

      await holdCall(first, 'backups:create');
      await first.getByTestId('backup-create').click();
      await expect(first.getByTestId('backup-progress')).toBeVisible();
      await saveScreen(first, testInfo, `${lang}-settings-backup-progress`);
      await expect(first.getByTestId('backup-progress')).toBeHidden({ timeout: 15_000 });
      // The other window learns of it by push.
      await expect(second.getByTestId('backup-row')).toHaveCount(before + 1);
      await saveScreen(first, testInfo, `${lang}-settings-backups`);
      await expectAccessible(first, 'backups panel', '[data-testid="backups-panel"]');
      const name = (await first.getByTestId('backup-row').first().getAttribute('data-name')) ?? '';
      expect(name).toMatch(/\.db$/);

      const later = `Après la sauvegarde ${lang}`;
      await rpc(first.request, 'watches:create', { workspaceId: 'live', watch: { name: later, keywords: ['sauvegarde'] } });
      await second.getByTestId('nav-sources').click();
      await second.getByTestId('tab-watches').click();
      await expect(second.getByTestId('watches-table')).toContainText(later);

      await first.locator(`[data-testid="backup-row"][data-name="${name}"]`).getByTestId('backup-restore').click();
      await expect(first.getByTestId('restore-loss')).toContainText(TEXT[lang].loss);
      await saveScreen(first, testInfo, `${lang}-settings-backup-restore-dialog`);
      await expectAccessible(first, 'restore dialog');
      // The warning offers to keep the current state first: that backup is listed too, and stays after the restore.
      await first.getByTestId('restore-backup-first').click();
      await expect(first.getByTestId('backup-row')).toHaveCount(before + 2);
      await holdCall(first, 'backups:restore');
      await first.getByTestId('restore-confirm').click();
      await expect(first.getByTestId('restore-progress')).toBeVisible();
      await saveScreen(first, testInfo, `${lang}-settings-backup-restoring`);
      await expect(first.getByText(TEXT[lang].restored)).toBeVisible({ timeout: 20_000 });
      await expect(first.getByTestId('restore-dialog')).toBeHidden();

      // The workspace is back to the backup in both windows, by push.
      await expect(second.getByTestId('screen-sources')).not.toContainText(later, { timeout: 15_000 });
      const watches = await rpc<{ name: string }[]>(first.request, 'watches:list', { workspaceId: 'live' });
      expect(watches.map((w) => w.name)).not.toContain(later);
      await expect(first.getByTestId('backup-row')).toHaveCount(before + 2);
    } finally {
      await context.close();
    }
  });
}
