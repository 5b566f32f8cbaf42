// The newcomer's first launch: a backend started as `npm start` starts it (TOCSIN_DEMO=1, fresh data folder) opens
// on a live dashboard of the demo watch, marked DEMO, and one click stops the demo. This spec starts its own
// backend: the shared suite runs with the demo off.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { startBackend, type Backend } from './backend';
import { saveScreen } from './helpers';

let backend: Backend;

test.beforeAll(async () => {
  backend = await startBackend({ name: 'demo-e2e', env: { TOCSIN_DEMO: '1' } });
});

test.afterAll(() => backend.stop());

test('first launch opens on the live demo watch, marked DEMO, and the demo can be stopped', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  for (const lang of ['en', 'fr'] as const) {
    await page.addInitScript((l) => window.localStorage.setItem('tocsin.language', l), lang);
    await page.goto(backend.url);
    await expect(page.getByTestId('screen-dashboard')).toBeVisible();
    await expect(page.getByTestId('demo-banner')).toContainText(lang === 'fr' ? 'Démo' : 'Demo', { timeout: 60_000 });
    await expect(page.getByTestId('demo-badge')).toHaveText(lang === 'fr' ? 'DÉMO' : 'DEMO');
    await expect(page.getByTestId('dashboard-watch')).toHaveValue('Lemania (DEMO)');
    // Three days of history are ingested at once: the week already shows a usual level.
    await page.getByTestId('dashboard-range').getByText(lang === 'fr' ? '7 jours' : '7 days').click();
    await expect(page.getByTestId('dashboard-chart-panel')).toContainText(lang === 'fr' ? 'Niveau habituel =' : 'Usual level =', { timeout: 60_000 });
    await expect(page.getByTestId('dashboard-stream').getByTestId('mention-card').first()).toContainText('DEMO');
    await saveScreen(page, testInfo, `${lang}-dashboard-demo`);
    const results = await new AxeBuilder({ page }).include('[data-testid="screen-dashboard"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // Stopping asks first: keep (the default) or remove the demo watch and its simulated mentions; cancel keeps it running.
    await page.getByTestId('demo-stop').click();
    await expect(page.getByTestId('demo-stop-dialog')).toContainText('Lemania (DEMO)');
    await saveScreen(page, testInfo, `${lang}-demo-stop-dialog`);
    const dialog = await new AxeBuilder({ page }).include('[data-testid="demo-stop-dialog"]').analyze();
    expect(dialog.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.getByTestId('demo-stop-cancel').click();
    await expect(page.getByTestId('demo-stop-dialog')).toHaveCount(0);
    await expect(page.getByTestId('demo-banner')).toBeVisible();
  }

  await page.getByTestId('demo-stop').click();
  await page.getByTestId('demo-stop-confirm').click();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  // The feed stops; what it stored stays simulated, so the watch keeps its DEMO mark until someone deletes it.
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  const status = await page.request.post(`${backend.url}rpc/demo:status`, { data: { workspaceId: 'live' } });
  expect(((await status.json()) as { value: { state: string } }).value.state).toBe('stopped');
});
