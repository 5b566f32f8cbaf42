// A past week imported from an agency export, opened as an absolute period by its link: the dashboard names the
// period, draws the replayed level strip (a vigilance during the campaign, an alert at the leak), and the backtest
// of the same period tells the story with local times and the why-card of each episode. Screenshots in FR and EN.
import { expect, test, type APIRequestContext } from './fixtures';
import { openApp, rpc, saveScreen } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK_START = Date.UTC(2026, 2, 1);
const CAMPAIGN = WEEK_START + 2 * DAY + 10 * HOUR;
const LEAK = WEEK_START + 5 * DAY + 14 * HOUR;
const BRAND = 'Helvetia Privée';

const cell = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

function agencyExport(): string {
  const rows = [['id', 'date', 'author', 'handle', 'followers', 'lang', 'text'].join(',')];
  let n = 0;
  const add = (at: number, text: string, author: string, followers: number) =>
    rows.push([`x${n++}`, new Date(at).toISOString(), author, author.toLowerCase().replace(/\W+/g, ''), followers, 'fr', text].map(cell).join(','));
  for (let at = WEEK_START - 3 * DAY; at < WEEK_START + 7 * DAY; at += 20 * 60_000) add(at, `${BRAND} ouvre une agence à Morges, horaires du samedi ${n % 7}`, `Client ${n % 40}`, 150);
  for (let i = 0; i < 120; i += 1) add(CAMPAIGN + i * 30_000, `J'adore la nouvelle carte ${BRAND}, superbe campagne ${i}`, `Fan ${i}`, 300);
  for (let i = 0; i < 150; i += 1) add(LEAK + i * 20_000, `Fuite de données chez ${BRAND}, mes données sont en ligne, #HelvetiaLeak scandale ${i}`, `Victime ${i}`, 200);
  return rows.join('\n');
}

async function importWeek(request: APIRequestContext): Promise<number> {
  const watch = await rpc<{ id: number }>(request, 'watches:create', { workspaceId: 'live', watch: { name: BRAND, keywords: [BRAND] } });
  const source = await rpc<{ id: number }>(request, 'sources:create', { workspaceId: 'live', source: { kind: 'file', name: 'Agence Brandwatch', config: {} } });
  const bytes = Buffer.from(agencyExport(), 'utf8');
  const { uploadId } = await rpc<{ uploadId: string }>(request, 'imports:begin', { fileName: 'semaine.csv', sizeBytes: bytes.length });
  await rpc(request, 'imports:chunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') });
  await rpc(request, 'imports:preview', { uploadId });
  const mapping = { externalId: 'id', publishedAt: 'date', authorName: 'author', authorHandle: 'handle', audience: 'followers', language: 'lang', text: 'text' };
  let run = await rpc<{ runId: string; state: string; inserted: number }>(request, 'imports:run', { workspaceId: 'live', uploadId, sourceId: source.id, mapping });
  await expect.poll(async () => (run = await rpc(request, 'imports:status', { runId: run.runId })).state, { timeout: 60_000 }).toBe('done');
  expect(run.inserted).toBe(720 + 120 + 150);
  return watch.id;
}

test('a past week opened by its link: replayed level strip and the backtest story (fr, en)', async ({ page, request }, testInfo) => {
  test.setTimeout(240_000);
  const watchId = await importWeek(request);
  const query = `from=${new Date(WEEK_START).toISOString()}&to=${new Date(WEEK_START + 7 * DAY).toISOString()}&watch=${watchId}`;

  await test.step('the dashboard opens the period from its link and names it', async () => {
    await openApp(page, 'fr', `dashboard?${query}`);
    await expect(page.getByTestId('stat-total')).toContainText('1–7 mars 2026', { timeout: 30_000 });
    await expect(page.getByTestId('stat-total-value')).toHaveText('774');
    await expect(page.getByTestId('dashboard-replayed')).toBeVisible();
    await expect(page.getByTestId('stat-level-value')).toHaveText(/Alerte|Crise/);
    await expect(page.getByTestId('dashboard-volume-chart').locator('svg').first()).toBeVisible();
    await saveScreen(page, testInfo, 'fr-dashboard-past-week');
  });

  await test.step('the period survives moving to the alerts screen', async () => {
    await page.getByTestId('nav-alerts').click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain(`#/alerts?${query}`);
    await expect(page.getByTestId('alerts-in-period')).toContainText('1–7 mars 2026');
  });

  await test.step('the backtest link replays the week and tells its story', async () => {
    await page.goto(`./#/alerts?backtest=1&${query}`);
    const timeline = page.getByTestId('backtest-timeline');
    await expect(timeline).toBeVisible({ timeout: 60_000 });
    const episodes = timeline.getByTestId('backtest-episode');
    await expect(episodes.first()).toHaveAttribute('data-level', 'vigilance');
    const leak = timeline.locator('[data-testid="backtest-episode"][data-level="alert"], [data-testid="backtest-episode"][data-level="crisis"]').first();
    await expect(leak).toContainText('6 mars 2026');
    await leak.locator('[data-testid^="backtest-episode-why-"]').click();
    await expect(leak.getByTestId('why-card')).toContainText('fuite de données');
    await saveScreen(page, testInfo, 'fr-backtest-story');
  });

  await test.step('the same screens in English', async () => {
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect(page.getByTestId('backtest-timeline')).toContainText('Level changes');
    await saveScreen(page, testInfo, 'en-backtest-story');
    await page.goto(`./#/dashboard?${query}`);
    await expect(page.getByTestId('stat-total')).toContainText('1 – 7 Mar 2026', { timeout: 30_000 });
    await saveScreen(page, testInfo, 'en-dashboard-past-week');
  });

  await test.step('the leak, which raised no live alert, becomes an incident with its watch and start', async () => {
    await page.goto(`./#/alerts?backtest=1&${query}`);
    const timeline = page.getByTestId('backtest-timeline');
    await expect(timeline).toBeVisible({ timeout: 60_000 });
    const leak = timeline.locator('[data-testid="backtest-episode"][data-level="alert"], [data-testid="backtest-episode"][data-level="crisis"]').first();
    await leak.locator('[data-testid^="backtest-episode-incident-"]').click();
    await expect(page.getByRole('dialog')).toContainText(`past episode on ${BRAND}`);
    await expect(page.getByTestId('incident-title')).toHaveValue(new RegExp(`^${BRAND} — (Alert|Crisis)$`));
    await saveScreen(page, testInfo, 'en-incident-from-episode');
    await page.getByTestId('incident-open-submit').click();
    await expect(page).toHaveURL(/#\/incidents\/[0-9a-f-]{36}\/overview$/);
    const scope = page.getByTestId('incident-scope');
    await expect(scope.getByTestId('scope-watches')).toContainText(BRAND);
    await expect(scope.getByTestId('scope-period')).toContainText('6 Mar 2026');
  });
});
