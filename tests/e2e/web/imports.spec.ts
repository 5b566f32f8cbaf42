// Import wizard end to end: a Meltwater export with bad rows, read, mapped, imported, re-imported (adds 0).
import { expect, test, type Page } from './fixtures';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meltwaterCsv, sampleMentions, windows1252 } from '../../support/importFixtures';
import { openApp, saveScreen } from './helpers';

function exportWithBadRows(prefix: string): Buffer {
  const lines = meltwaterCsv(sampleMentions(40, prefix)).split('\r\n');
  lines.splice(3, 0, '31/02/2026;Titre;https://bad.example/1;Texte;Zoé;;;;;;;;;;;;;;;');
  lines.splice(6, 0, '20/11/2026;;;;;;;;;;;;;;;;;;;');
  return Buffer.from(windows1252(lines.join('\r\n')));
}

async function readFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId('screen-imports').locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.getByTestId('import-read').click();
  // Upload and reading share two cores with the rest of the suite: allow more than the default 5 s.
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 20_000 });
}

for (const lang of ['fr', 'en'] as const) {
  test(`a Meltwater export is previewed, mapped and imported, bad lines listed, re-import adds 0 (${lang})`, async ({ page }, testInfo) => {
    await openApp(page, lang, 'imports');
    await expect(page.getByTestId('screen-imports')).toBeVisible();
    await saveScreen(page, testInfo, `${lang}-imports-file`);
    const file = exportWithBadRows(`e2e-${lang}-`);

    await test.step('read the export: preset, encoding and preview detected', async () => {
      await readFile(page, `meltwater-${lang}.csv`, file);
      await expect(page.getByTestId('import-preset')).toContainText('Meltwater');
      await expect(page.getByTestId('import-detected')).toContainText('windows-1252');
      await expect(page.getByTestId('import-preview')).toContainText('cœur du problème : 1 200 €');
      await saveScreen(page, testInfo, `${lang}-imports-columns`);
    });

    const report = page.getByTestId('import-report');
    await test.step('import it: bad lines listed', async () => {
      await page.getByTestId('import-start').click();
      await expect(report).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
      await expect(page.getByTestId('import-inserted')).toHaveText('40');
      await expect(page.getByTestId('import-bad')).toHaveText('2');
      await expect(page.getByTestId('import-problems')).toContainText('31/02/2026');
      await expect(page.getByTestId('import-problems').locator('tbody tr').first()).toContainText('4');
      await saveScreen(page, testInfo, `${lang}-imports-report`);
    });

    await test.step('importing it again adds nothing', async () => {
      await page.getByTestId('import-again').click();
      await readFile(page, `meltwater-${lang}.csv`, file);
      await page.getByTestId('import-start').click();
      await expect(report).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
      await expect(page.getByTestId('import-inserted')).toHaveText('0');
      await expect(page.getByTestId('import-duplicates')).toHaveText('40');
    });
  });
}

test('a file over the size limit is refused with a clear message', async ({ page }) => {
  // Playwright passes in-memory files only up to 50 MB: larger ones go through the disk.
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-import-'));
  const path = join(dir, 'huge.csv');
  writeFileSync(path, Buffer.alloc(65 * 1024 * 1024, 0x41));
  try {
    await openApp(page, 'en', 'imports');
    await page.getByTestId('screen-imports').locator('input[type=file]').setInputFiles(path);
    await page.getByTestId('import-read').click();
    await expect(page.getByTestId('import-error')).toContainText('files up to 64.0 MB can be imported');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
