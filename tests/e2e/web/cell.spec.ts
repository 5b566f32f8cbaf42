// Two laptops in one crisis cell, each a browser-mode backend with its own data folder, on loopback addresses
// 127.0.0.1 and 127.0.0.2: A creates the cell and invites (code as text and QR), B joins with the code, both
// pages list both members online. B turns sync off: the "offline from the cell" banner appears on A (and on B),
// A's change waits and is counted; B turns sync back on: the banners go and B shows A's change. Then A removes B
// after the warning. Then, on two fresh backends: B's member picks their roster entry, A mobilises, B's page shows
// "You are mobilised" and B acknowledges from its laptop; A's page shows B acknowledged from their laptop.
// The spec starts its backends itself so the shared suite's workspace never joins a cell.
import { expect, test, type Browser, type BrowserContext, type Page } from './fixtures';
import { startBackend, type Backend } from './backend';
import { expectAccessible, saveScreen, type Lang } from './helpers';

const backends: Backend[] = [];
const contexts: BrowserContext[] = [];

async function startCellBackend(name: string): Promise<Backend> {
  const backend = await startBackend({ name: `cell-${name}` });
  backends.push(backend);
  return backend;
}

test.afterAll(async () => {
  // The pages first: their event streams would otherwise hold the backends' connections open.
  for (const context of contexts.splice(0)) await context.close();
  for (const backend of backends.splice(0)) await backend.stop();
});

async function openCell(browser: Browser, backend: Backend, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.addInitScript((l) => window.localStorage.setItem('tocsin.language', l), lang);
  await page.goto(`${backend.url}#/cell`);
  await expect(page.getByTestId('screen-cell')).toBeVisible({ timeout: 15_000 });
  return page;
}

async function pickAddress(page: Page, testId: string, address: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(address);
  await input.press('Escape');
}

async function fillProfile(page: Page, prefix: string, name: string, role: string): Promise<void> {
  await page.getByTestId(`${prefix}-name`).fill(name);
  await page.getByTestId(`${prefix}-roles`).fill(role);
  await page.getByTestId(`${prefix}-roles`).press('Enter');
}

/** A creates the cell as Alice Martin and invites; B joins with the code as Bruno Keller; both see both online. */
async function joinTwo(pageA: Page, pageB: Page, hosts: { a: string; b: string }): Promise<void> {
  await expect(pageA.getByTestId('cell-none')).toBeVisible();
  await fillProfile(pageA, 'cell-create', 'Alice Martin', 'lead');
  await pageA.getByTestId('cell-create-submit').click();
  await pickAddress(pageA, 'cell-sync-address', hosts.a);
  await pageA.getByTestId('cell-sync-start').click();
  await expect(pageA.getByTestId('cell-sync-state')).toHaveAttribute('data-on', 'true');
  await pageA.getByTestId('cell-invite-submit').click();
  const joinCode = (await pageA.getByTestId('cell-join-code-text').textContent())?.trim() ?? '';
  expect(joinCode).toMatch(/^TOCSIN-CELL-1\./);
  await expect(pageA.getByTestId('cell-join-code-qr')).toBeVisible();
  expect(await pageA.getByTestId('cell-join-code-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);

  await pageB.getByTestId('cell-join-code').fill(joinCode);
  await fillProfile(pageB, 'cell-join', 'Bruno Keller', 'communication');
  await pickAddress(pageB, 'cell-join-address', hosts.b);
  await pageB.getByTestId('cell-join-submit').click();

  for (const page of [pageA, pageB]) {
    await expect(page.getByTestId('cell-member')).toHaveCount(2, { timeout: 30_000 });
    await expect(page.locator('[data-testid="cell-member"][data-self="false"]')).toHaveAttribute('data-online', 'true', { timeout: 30_000 });
  }
}

async function call<T>(page: Page, backend: Backend, name: string, input: unknown): Promise<T> {
  const result = (await (await page.request.post(`${backend.url}rpc/${name}`, { data: input })).json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message ?? 'failed'}`);
  return result.value as T;
}

async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId('language-switch').getByText(lang.toUpperCase()).click();
}

const row = (page: Page, name: string) => page.locator(`[data-testid="cell-member"][data-name="${name}"]`);

const BANNER = { en: /^Offline from the cell since \d{2}:\d{2} — 1 change waiting$/, fr: /^Hors ligne de la cellule depuis \d{2}:\d{2} — 1 modification en attente$/ };

test('two laptops join one cell, see each other, and the offline banner follows the link', async ({ browser }, testInfo) => {
  // Two backends starting, a join over mutual TLS and two link changes on a shared two-core machine.
  test.setTimeout(180_000);
  const [a, b] = await Promise.all([startCellBackend('a'), startCellBackend('b')]);
  const pageA = await openCell(browser, a, 'en');
  const pageB = await openCell(browser, b, 'fr');
  await joinTwo(pageA, pageB, { a: '127.0.0.1', b: '127.0.0.2' });
  await expect(row(pageB, 'Alice Martin')).toContainText('lead');
  await expect(row(pageA, 'Bruno Keller')).toContainText('communication');
  await saveScreen(pageA, testInfo, 'en-cell-members');
  await expectAccessible(pageA, 'Cell screen (EN)', '[data-testid="screen-cell"]');
  await saveScreen(pageB, testInfo, 'fr-cell-members');
  await expectAccessible(pageB, 'Cell screen (FR)', '[data-testid="screen-cell"]');

  // B cuts the link; A edits meanwhile: its change waits, counted on the banner.
  await pageB.getByTestId('cell-sync-stop').click();
  await expect(pageA.getByTestId('cell-offline-banner')).toBeVisible({ timeout: 15_000 });
  await expect(pageB.getByTestId('cell-offline-banner')).toBeVisible();
  const rpc = await pageA.request.post(`${a.url}rpc/cell:profile`, { data: { workspaceId: 'live', memberName: 'Alice Martin', roles: ['lead', 'spokesperson'] } });
  expect((await rpc.json()) as { ok: boolean }).toMatchObject({ ok: true });
  await expect(pageA.getByTestId('cell-offline-text')).toHaveText(BANNER.en);
  await expect(row(pageA, 'Bruno Keller').getByTestId('cell-member-waiting')).toHaveText('1');
  await expect(row(pageB, 'Alice Martin')).not.toContainText('spokesperson');
  // The banner is on every screen, not only the Cell screen.
  await pageA.getByTestId('nav-dashboard').click();
  await expect(pageA.getByTestId('cell-offline-banner')).toBeVisible();
  await saveScreen(pageA, testInfo, 'en-cell-offline-banner');
  await expectAccessible(pageA, 'offline banner (EN)', '[data-testid="cell-offline-banner"]');
  await saveScreen(pageB, testInfo, 'fr-cell-offline');
  await expectAccessible(pageB, 'Cell screen cut off (FR)', '[data-testid="screen-cell"]');

  // B turns sync back on: both banners go, and A's waiting change reaches B.
  await pickAddress(pageB, 'cell-sync-address', '127.0.0.2');
  await pageB.getByTestId('cell-sync-start').click();
  await expect(pageA.getByTestId('cell-offline-banner')).toBeHidden({ timeout: 20_000 });
  await expect(pageB.getByTestId('cell-offline-banner')).toBeHidden({ timeout: 20_000 });
  await expect(row(pageB, 'Alice Martin')).toContainText('spokesperson', { timeout: 20_000 });
  await pageA.getByTestId('nav-cell').click();
  await expect(row(pageA, 'Bruno Keller').getByTestId('cell-member-waiting')).toHaveText('0', { timeout: 20_000 });

  // Removal says what it does before it is done.
  await row(pageA, 'Bruno Keller').getByTestId('cell-member-remove').click();
  await expect(pageA.getByTestId('cell-remove-dialog')).toContainText('refuses its connections');
  await saveScreen(pageA, testInfo, 'en-cell-remove-dialog');
  await expectAccessible(pageA, 'remove dialog (EN)', '[data-testid="cell-remove-dialog"]');
  await pageA.getByTestId('cell-remove-confirm').click();
  await expect(row(pageA, 'Bruno Keller')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await expect(row(pageA, 'Bruno Keller')).toContainText('removed');
  await expect(pageA.getByTestId('cell-offline-banner')).toBeHidden();
});

test('a member mobilised on one laptop acknowledges on their own, and the mobilising laptop shows it', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const [a, b] = await Promise.all([startCellBackend('mob-a'), startCellBackend('mob-b')]);
  const pageA = await openCell(browser, a, 'en');
  const pageB = await openCell(browser, b, 'fr');
  await joinTwo(pageA, pageB, { a: '127.0.0.3', b: '127.0.0.4' });

  // Bruno picks who he is on the roster, from his laptop's plan.
  const { plan } = await call<{ plan: { roles: { id: string; name: { fr: string; en: string }; holder: { name: string } }[] } }>(pageB, b, 'plan:get', { workspaceId: 'live' });
  const lead = plan.roles.find((r) => r.id === 'crisisLead')!;
  await pageB.getByTestId('cell-roster-person-input').fill(lead.holder.name);
  await pageB.getByTestId('cell-roster-person-input').press('Escape');
  await pageB.getByTestId('cell-roster-person-save').click();
  await expect(pageB.getByTestId('cell-roster-person-current')).toContainText(lead.holder.name);
  await expect(row(pageA, 'Bruno Keller').getByTestId('cell-member-person')).toContainText(lead.holder.name, { timeout: 20_000 });

  // Alice mobilises the cell on an incident of hers.
  const title = 'Rupture de stock Renens';
  const incident = await call<{ id: string }>(pageA, a, 'incidents:open', {
    workspaceId: 'live',
    incident: { title, scenarioKind: 'productDefect', severity: 'high', actor: { author: 'Alice Martin', authorRole: 'crisisLead' } },
  });
  await pageA.goto(`${a.url}#/incidents/${incident.id}/roster`);
  await pageA.getByTestId('mobilise').click();
  await pageA.getByTestId('mobilise-submit').click();

  const banner = pageB.getByTestId('mobilised-banner');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(pageB.getByTestId('mobilised-text')).toHaveText(`Vous êtes mobilisé·e\u202f: ${title} — ${lead.name.fr}`);
  await saveScreen(pageB, testInfo, 'fr-cell-mobilised-banner');
  await expectAccessible(pageB, 'mobilised banner (FR)', '[data-testid="mobilised-banner"]');
  await switchLanguage(pageB, 'en');
  await expect(pageB.getByTestId('mobilised-text')).toHaveText(`You are mobilised: ${title} — ${lead.name.en}`);
  await saveScreen(pageB, testInfo, 'en-cell-mobilised-banner');

  await pageB.getByTestId('mobilised-acknowledge').click();
  await expect(banner).toBeHidden();
  await expect(pageB.getByTestId('my-call-acknowledged')).toContainText('Acknowledged at');

  const acknowledged = pageA.locator('[data-testid="laptop-acknowledgement"][data-genuine="true"]');
  await expect(acknowledged).toHaveCount(1, { timeout: 20_000 });
  await expect(acknowledged).toContainText('From their laptop');
  await expect(acknowledged).toContainText(`${lead.holder.name} (${lead.name.en}) acknowledged from laptop Bruno Keller`);
  await pageA.getByTestId('laptop-acknowledgements').scrollIntoViewIfNeeded();
  await saveScreen(pageA, testInfo, 'en-incident-acknowledged-from-laptop');
  await expectAccessible(pageA, 'deliveries with a laptop acknowledgement (EN)', '[data-testid="deliveries"]');
  await switchLanguage(pageA, 'fr');
  await expect(pageA.getByTestId('laptop-acknowledgement')).toContainText('Depuis son ordinateur');
  await saveScreen(pageA, testInfo, 'fr-incident-acknowledged-from-laptop');
});
