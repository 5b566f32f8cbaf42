// The incident's own story, as a bank's cell lives it (issue 19, "Must show 1"): last week's agency export, written
// in London time on a Zurich laptop, is imported in the zone chosen; its period opens from the import summary with
// the replayed level strip (vigilance during the campaign); the backtest tells the leak's episode at its local time
// with its why-card (the crisis words as written, the journalist who posted after the opening). A past week raises
// no live alert, so the leak still spreading today is captured by the scribe: that alert is acknowledged, its
// incident opened and its period taken back to the episode the backtest found; the report PDF then holds that
// watch's mentions only, the incident's period and the organisation. Screens in FR and EN.
import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { agencyExport, AGENCY_WATCHES, CRISIS_WORDS } from '../../support/agencyExport';
import { openApp, rpc, saveScreen } from './helpers';

const LAPTOP_ZONE = 'Europe/Zurich';
const EXPORT_ZONE = 'Europe/London';
test.use({ timezoneId: LAPTOP_ZONE });

const WORDS = {
  fr: { level: 'Niveau', vigilance: 'Vigilance', colon: '\u202f: ', download: 'Télécharger', language: 'Français' },
  en: { level: 'Level', vigilance: 'Vigilance', colon: ': ', download: 'Download', language: 'English' },
} as const;

interface Episode {
  startedAt: string;
  peakLevel: string;
  alerted: boolean;
}

interface AlertDto {
  id: number;
  watchId: number;
  status: string;
}

/** Each language's run captures on its own channel (no other spec uses these), so neither counts the other's. */
const CHANNEL = { fr: 'other', en: 'tv' } as const;

/** The scribe's manual source of a capture channel, as captures create it. */
async function scribeSource(request: APIRequestContext, channel: string): Promise<number> {
  const sources = await rpc<{ id: number; kind: string; config: { channel?: string } }[]>(request, 'sources:list', { workspaceId: 'live' });
  const known = sources.find((s) => s.kind === 'manual' && s.config.channel === channel);
  if (known) return known.id;
  const created = await rpc<{ id: number }>(request, 'sources:create', { workspaceId: 'live', source: { kind: 'manual', name: `Manual capture (${channel})`, config: { channel } } });
  return created.id;
}

/** The leak still spreading today, as the scribe captures it from calls and posts: live detection alerts. */
async function captureLeakToday(request: APIRequestContext, lang: 'fr' | 'en'): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < 26; i += 1) {
    const journalist = i === 25;
    await rpc(request, 'mentions:capture', {
      workspaceId: 'live',
      capture: {
        channel: CHANNEL[lang],
        outlet: journalist ? 'Le Temps' : 'Forum',
        authorName: journalist ? 'Paul Favre' : `Client récit ${lang} ${i}`,
        authorKind: journalist ? 'journalist' : 'public',
        audience: journalist ? 180_000 : 150 + i,
        text: `Toujours pas de réponse sur la fuite de données Helvetia, c’est honteux #HelvetiaLeak (${lang} ${i})`,
        language: 'fr',
        occurredAt: new Date(now - (26 - i) * 15_000).toISOString(),
      },
    });
  }
}

/** A datetime-local value of an instant in the browser's (the laptop's) zone. */
function localInput(page: Page, iso: string): Promise<string> {
  return page.evaluate((at) => {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, iso);
}

for (const lang of ['fr', 'en'] as const) {
  test(`an imported crisis becomes an incident with its own report (${lang})`, async ({ page, request }, testInfo) => {
    test.setTimeout(300_000);
    const w = WORDS[lang];
    const LANG = lang.toUpperCase();
    const file = agencyExport({ rows: 3000, seed: lang === 'fr' ? 41 : 42, timeZone: EXPORT_ZONE, idPrefix: `story-${lang}` });
    const sourceName = `Agence du récit ${LANG}`;
    const fileSource = await rpc<{ id: number }>(request, 'sources:create', { workspaceId: 'live', source: { kind: 'file', name: sourceName, config: {} } });
    const scribe = await scribeSource(request, CHANNEL[lang]);
    const brandName = `${AGENCY_WATCHES.brand.name} récit ${LANG}`;
    const leakName = `${AGENCY_WATCHES.leak.name} récit ${LANG}`;
    const brand = await rpc<{ id: number }>(request, 'watches:create', {
      workspaceId: 'live',
      watch: { name: brandName, keywords: AGENCY_WATCHES.brand.keywords, sourceIds: [fileSource.id] },
    });
    const leak = await rpc<{ id: number }>(request, 'watches:create', {
      workspaceId: 'live',
      watch: { name: leakName, keywords: AGENCY_WATCHES.leak.keywords, sourceIds: [fileSource.id, scribe] },
    });
    const plan = await rpc<{ plan: { metadata: { organisation: string } } }>(request, 'plan:get', { workspaceId: 'live' });
    const organisation = plan.plan.metadata.organisation;
    expect(organisation).not.toBe('');

    await test.step('import the agency export, reading its dates in London time on a Zurich laptop', async () => {
      await openApp(page, lang, 'imports');
      await page.getByTestId('screen-imports').locator('input[type=file]').setInputFiles({ name: 'helvetia-semaine-13.csv', mimeType: 'text/csv', buffer: Buffer.from(file.csv) });
      await page.getByTestId('import-target').click();
      await page.getByRole('option', { name: sourceName }).click();
      await page.getByTestId('import-read').click();
      await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('import-time-zone')).toHaveValue(LAPTOP_ZONE);
      await page.getByTestId('import-time-zone').fill('London');
      await page.getByRole('option', { name: EXPORT_ZONE }).click();
      await expect(page.getByTestId('import-zone-notice')).toContainText(EXPORT_ZONE);
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-report')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      await expect(page.getByTestId('import-inserted')).toHaveText((3000).toLocaleString(lang));
      const leakRows = file.rows.filter((r) => r.kind === 'crisis' || r.kind === 'journalist').length;
      await expect(page.getByTestId('import-watch-matches').locator('tbody tr').nth(1)).toContainText(leakRows.toLocaleString(lang));
      await saveScreen(page, testInfo, `${lang}-story-1-import-summary`);
    });

    let from = '';
    let to = '';
    await test.step('open the period from the summary and see the vigilance of the campaign on the level strip', async () => {
      await page.getByTestId('import-open-period').click();
      await expect(page).toHaveURL(/#\/dashboard\?from=/);
      const query = new URLSearchParams(page.url().split('?')[1]);
      from = query.get('from')!;
      to = query.get('to')!;
      expect(Date.parse(from)).toBe(file.rows[0]!.publishedAt.getTime());
      await expect(page.getByTestId('dashboard-replayed')).toBeVisible({ timeout: 30_000 });
      const chart = page.getByTestId('dashboard-volume-chart');
      await expect(chart.locator('svg').first()).toBeVisible();
      // The strip is drawn: hover its first vigilance bucket, as a person reading the chart would.
      const series = await rpc<{ points: { at: string; level: string }[] }>(request, 'dashboard:series', { workspaceId: 'live', watchId: brand.id, from, to });
      // The campaign's first hour, on the strip: vigilance, not more.
      const vigilance = series.points.findIndex((p) => Date.parse(p.at) === Math.floor(file.campaignStart.getTime() / 3_600_000) * 3_600_000);
      expect(series.points[vigilance]?.level, 'the campaign hour on the replayed strip').toBe('vigilance');
      const box = (await chart.boundingBox())!;
      const width = box.width - 112;
      await page.mouse.move(box.x + 56 + ((vigilance + 0.5) * width) / series.points.length, box.y + box.height - 96 - 11);
      await expect(chart).toContainText(`${w.level}${w.colon}${w.vigilance}`);
      await saveScreen(page, testInfo, `${lang}-story-2-dashboard-strip`);
    });

    let episodeStart = '';
    await test.step('backtest the period and read the leak episode at its local time, with its why-card', async () => {
      await page.getByTestId('nav-alerts').click();
      await expect(page.getByTestId('alerts-in-period')).toBeVisible();
      await page.getByTestId('detection-watch').click();
      await page.getByRole('option', { name: leakName }).click();
      await page.getByTestId('backtest-run').click();
      const timeline = page.getByTestId('backtest-timeline');
      await expect(timeline).toBeVisible({ timeout: 90_000 });
      const result = await rpc<{ episodes: Episode[] }>(request, 'detection:backtest', { workspaceId: 'live', watchId: leak.id, from, to });
      const index = result.episodes.findIndex((e) => e.alerted);
      expect(index, 'the leak opens an alert in the replay').toBeGreaterThanOrEqual(0);
      const crisis = result.episodes[index]!;
      episodeStart = crisis.startedAt;
      const opened = Date.parse(crisis.startedAt);
      expect(opened).toBeGreaterThanOrEqual(file.crisisStart.getTime());
      expect(opened).toBeLessThan(file.crisisStart.getTime() + 30 * 60_000);
      const shown = await page.evaluate(
        ([at, l]) => new Intl.DateTimeFormat(l === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
        [crisis.startedAt, lang] as const,
      );
      // Written 09:40 in London, read 10:40 on the Zurich laptop.
      expect(shown).toMatch(/10:[4-5]\d|11:[01]\d/);
      const episode = timeline.getByTestId('backtest-episode').nth(index);
      await expect(episode.getByTestId('backtest-episode-time')).toContainText(shown);
      await episode.getByTestId(`backtest-episode-why-${index}`).click();
      const why = episode.getByTestId('why-card');
      for (const word of CRISIS_WORDS) await expect(why).toContainText(word);
      expect(Date.parse(file.journalist.publishedAt.toISOString())).toBeGreaterThan(opened);
      await expect(why.getByTestId('why-authors')).toContainText(file.journalist.name);
      await saveScreen(page, testInfo, `${lang}-story-3-backtest-episode`);
    });

    let alertId = 0;
    await test.step('the leak still spreading today raises a live alert, acknowledged from the alerts list', async () => {
      await captureLeakToday(request, lang);
      await expect(async () => {
        const open = await rpc<AlertDto[]>(request, 'detection:listAlerts', { workspaceId: 'live', status: 'open' });
        alertId = open.find((a) => a.watchId === leak.id)?.id ?? 0;
        expect(alertId).toBeGreaterThan(0);
      }).toPass({ timeout: 20_000 });
      // The list shows the imported week; today's alert is in the whole history.
      await page.getByTestId('alerts-in-period').getByRole('button').click();
      const row = page.getByTestId(`alert-row-${alertId}`);
      await expect(row).toContainText(leakName);
      await row.getByTestId(`alert-ack-${alertId}`).click();
      await expect(row.getByTestId(`alert-ack-${alertId}`)).toHaveCount(0);
      await expect(row.getByTestId(`alert-status-${alertId}`)).not.toHaveText(/open|ouverte/i);
      await saveScreen(page, testInfo, `${lang}-story-4-alert-acknowledged`);
    });

    let incidentTitle = '';
    await test.step('open the incident from the acknowledged alert and take its period back to the episode', async () => {
      const row = page.getByTestId(`alert-row-${alertId}`);
      await row.getByTestId(`open-from-alert-${alertId}`).click();
      await expect(page.getByTestId('incident-scenario-because')).toContainText('fuite de données');
      incidentTitle = await page.getByTestId('incident-title').inputValue();
      expect(incidentTitle).toContain(leakName);
      await page.getByTestId('incident-open-submit').click();
      await expect(page).toHaveURL(/#\/incidents\/[0-9a-f-]{36}\/overview$/);
      const scope = page.getByTestId('incident-scope');
      await expect(scope.getByTestId('scope-watches')).toContainText(leakName);
      await expect(scope.getByTestId('scope-watches')).not.toContainText(brandName);
      await scope.getByTestId('scope-edit').click();
      await scope.getByTestId('scope-start').fill(await localInput(page, episodeStart));
      await scope.getByTestId('scope-save').click();
      const shownStart = await page.evaluate(
        ([at, l]) => new Intl.DateTimeFormat(l === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
        [episodeStart, lang] as const,
      );
      await expect(scope.getByTestId('scope-period')).toContainText(shownStart);
      await saveScreen(page, testInfo, `${lang}-story-5-incident-scope`);
    });

    await test.step('generate the report: only this watch, the incident period, the organisation', async () => {
      await page.getByTestId('nav-reports').click();
      await page.getByTestId('report-incident').click();
      await page.getByRole('option', { name: incidentTitle }).click();
      await page.getByTestId('report-language').getByText(w.language, { exact: true }).click();
      await page.getByTestId('generate-report').click();
      const job = page.getByTestId('job-report');
      await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: w.download }).click()]);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      await testInfo.attach(`${lang}-story-report.txt`, { body: text, contentType: 'text/plain' });
      const reportTime = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: LAPTOP_ZONE });
      const scopeStart = new Date(Math.floor(Date.parse(episodeStart) / 60_000) * 60_000);
      expect(text).toContain(organisation);
      expect(text).toContain(LAPTOP_ZONE);
      expect(text).toContain(`${reportTime.format(scopeStart)} →`);
      // The crisis log's scope entry names the period in words, not as a stored instant.
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      // The alert's reasons are worded as on screen, not given as the detector's working ("level, score=…").
      expect(text).not.toContain('score=');
      expect(text).toContain(leakName);
      expect(text).not.toContain(brandName);
      // Every mention counted is the leak watch's: the crisis rows of the file and today's captures.
      const leakRows = file.rows.filter((r) => r.kind === 'crisis' || r.kind === 'journalist').length;
      expect(text).toContain(`${lang === 'fr' ? 'Mentions sur la période' : 'Mentions in the period'}${w.colon.replace('\u202f', ' ')}${(leakRows + 26).toLocaleString(lang === 'fr' ? 'fr-CH' : 'en-GB')}`);
      expect(text).toContain(file.journalist.name);
      for (const brandOnly of ['accueil correct', 'prêt hypothécaire', 'instant transfers', 'quarterly results', 'HelvetiaPourVous', 'taux d’épargne']) {
        expect(text, `"${brandOnly}" is the brand watch's, not this incident's`).not.toContain(brandOnly);
      }
      await saveScreen(page, testInfo, `${lang}-story-6-report`);
    });
  });
}
