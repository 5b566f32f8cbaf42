// Going offline is suggested, not only possible: in a drill whose watch has a week of ordinary chatter behind it,
// the claims scandal at ×60 holds the crisis level for the plan's minutes while the plan's campaigns are still on
// air; the response queue and the war-room dashboard show the suggestion by push, and its one action freezes them
// all. The crisis log holds when it was suggested and who acted on it. FR and EN.
import { expect, test, type APIRequestContext } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen, type Lang } from './helpers';

const DAY = 86_400_000;
const BRAND = 'Alvea';
const cell = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

/** A week of ordinary mentions of the brand, one every ten minutes, as an agency export: the watch's baseline. */
function ordinaryWeek(end: number): string {
  const rows = [['id', 'date', 'author', 'handle', 'followers', 'lang', 'text'].join(',')];
  let n = 0;
  for (let at = end - 8 * DAY; at < end; at += 10 * 60_000, n += 1) {
    rows.push([`w${n}`, new Date(at).toISOString(), `Client ${n % 40}`, `client${n % 40}`, 150, 'fr', `${BRAND} ouvre une agence à Morges, horaires du samedi ${n % 7}`].map(cell).join(','));
  }
  return rows.join('\n');
}

async function prepareDrill(request: APIRequestContext, workspaceId: string): Promise<void> {
  await rpc(request, 'watches:create', { workspaceId, watch: { name: BRAND, keywords: [BRAND] } });
  const source = await rpc<{ id: number }>(request, 'sources:create', { workspaceId, source: { kind: 'file', name: 'Archive agence', config: {} } });
  const bytes = Buffer.from(ordinaryWeek(Date.now()), 'utf8');
  const { uploadId } = await rpc<{ uploadId: string }>(request, 'imports:begin', { fileName: 'semaine.csv', sizeBytes: bytes.length });
  await rpc(request, 'imports:chunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') });
  await rpc(request, 'imports:preview', { uploadId });
  const mapping = { externalId: 'id', publishedAt: 'date', authorName: 'author', authorHandle: 'handle', audience: 'followers', language: 'lang', text: 'text' };
  let run = await rpc<{ runId: string; state: string }>(request, 'imports:run', { workspaceId, uploadId, sourceId: source.id, mapping });
  await expect.poll(async () => (run = await rpc(request, 'imports:status', { runId: run.runId })).state, { timeout: 60_000 }).toBe('done');
  // The drill's plan asks to go offline after five minutes at crisis, the shortest it allows.
  const stored = await rpc<{ revision: number; plan: { publishing: Record<string, unknown> } }>(request, 'plan:get', { workspaceId });
  await rpc(request, 'plan:save', { workspaceId, baseRevision: stored.revision, plan: { ...stored.plan, publishing: { ...stored.plan.publishing, goingOfflineAfterMinutes: 5 } } });
}

const WORDS = {
  fr: { drill: 'Exercice mise en retrait', title: 'Mise en retrait conseillée', spring: 'Campagne printemps', freeze: 'Tout geler maintenant' },
  en: { drill: 'Going offline drill', title: 'Going offline is suggested', spring: 'Campagne printemps', freeze: 'Freeze all now' },
};

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`the response queue suggests going offline once the crisis has held, and freezes the campaigns (${lang})`, async ({ page, request }, testInfo) => {
    test.setTimeout(180_000);
    const words = WORDS[lang];
    await openApp(page, lang, 'exercise');
    await page.getByTestId('exercise-name').fill(words.drill);
    await page.getByTestId('exercise-create').click();
    // A drill is a new encrypted database with every migration: on a busy machine that takes more than a few seconds.
    await expect(page.getByTestId('header-workspace-name')).toHaveText(words.drill, { timeout: 30_000 });
    const workspaces = await rpc<Array<{ id: string; settings: { displayName: string } }>>(request, 'workspaces:list', {});
    const workspaceId = workspaces.find((w) => w.settings.displayName === words.drill)!.id;
    await prepareDrill(request, workspaceId);

    await page.goto('./#/composer');
    await expect(page.getByTestId('screen-composer')).toBeVisible();
    await expect(page.getByTestId('going-offline')).toHaveCount(0);
    await rpc(request, 'exercises:start', { workspaceId, scriptId: 'insurance-claims-refusal', speed: 60 });

    // Crisis comes a quarter of an hour into the game, the suggestion five game minutes later: by push, no reload.
    const banner = page.getByTestId('going-offline');
    await expect(banner).toBeVisible({ timeout: 90_000 });
    await rpc(request, 'exercises:control', { workspaceId, control: { action: 'pause' } });
    await expect(banner).toContainText(words.title);
    await expect(banner).toContainText(BRAND);
    await expect(banner).toContainText(words.spring);
    await expectAccessible(page, 'going-offline banner', '[data-testid="going-offline"]');
    await saveScreen(page, testInfo, `composer-going-offline-${lang}`);

    // The war-room dashboard shows the same suggestion, and going offline from there is written to the crisis log.
    await page.goto('./#/dashboard');
    await expect(page.getByTestId('screen-dashboard')).toBeVisible();
    const onDashboard = page.getByTestId('going-offline');
    await expect(onDashboard).toContainText(words.title);
    await expect(onDashboard).toContainText(words.spring);
    await expectAccessible(page, 'going-offline banner on the dashboard', '[data-testid="going-offline"]');
    await saveScreen(page, testInfo, `dashboard-going-offline-${lang}`);
    await onDashboard.getByTestId('going-offline-person').fill('Nadia Benali');
    await onDashboard.getByRole('button', { name: words.freeze }).click();
    await expect(onDashboard).toHaveCount(0);

    const log = await rpc<Array<{ systemCode: string | null; body: string }>>(request, 'crisisLog:list', { workspaceId, filter: {} });
    const suggested = log.filter((e) => e.systemCode === 'composer.goingOfflineSuggested');
    expect(suggested).toHaveLength(1);
    expect(suggested[0]!.body).toContain(BRAND);
    const acted = log.filter((e) => e.systemCode === 'composer.wentOffline');
    expect(acted).toHaveLength(1);
    expect(acted[0]!.body).toContain('Nadia Benali');

    await page.goto('./#/composer');
    await expect(page.getByTestId('screen-composer')).toBeVisible();
    await expect(banner).toHaveCount(0);
    for (const id of ['spring', 'newsletter', 'scheduled-posts']) await expect(page.getByTestId(`campaign-${id}`)).toHaveAttribute('data-frozen', 'true');
    await saveScreen(page, testInfo, `composer-gone-offline-${lang}`);
  });
}
