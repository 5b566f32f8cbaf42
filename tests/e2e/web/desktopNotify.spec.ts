// A new alert reaches the laptop, FR and EN: a desktop notification (the real Web Notifications API, watched by an
// init script that records each construction before calling the browser's own) with the level, the watch and one
// line of why; the header bell counts the alerts nobody acknowledged; the bell rings unless muted on this laptop;
// clicking the notification or the bell opens the alert; the tab title flashes until the alerts are acknowledged,
// looking at the window does not stop it. A reader looking at the window gets a notice inside it instead of the
// desktop notification. Screens of the bell and of the Settings control; axe on both.
// Then the Mobilise screen's delivery statuses, against a loopback SMTP relay and HTTP gateway started here.
import { expect, test, type Locator, type Page, type TestInfo } from './fixtures';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CrisisPlan } from '../../../src/shared/domain/plan';
import { alertSettings, lead, withReachableRoles } from '../../support/reachableRoster';
import { gateway, mailRelay } from '../../support/alertServers';
import { expectAccessible, openApp, raiseAlert, rpc, saveScreen } from './helpers';

test.use({ permissions: ['notifications'] });

interface Recorded {
  title: string;
  body: string;
}

declare global {
  interface Window {
    __notifications: Notification[];
    __recorded: Recorded[];
    __tones: number;
    __permissionRequests: number;
    __away: boolean;
  }
}

const WORDS = {
  fr: {
    brand: 'Laiterie de Moudon',
    second: 'Fromagerie de Moudon',
    levels: /^(Alerte|Crise) — /,
    why: /^(Volume|Part négative|Auteurs influents|Vocabulaire de crise|Termes émergents)/,
    granted: 'Autorisées',
    mute: 'Couper la sonnerie',
    flash: '● Alerte — Tocsin',
    open: 'Ouvrir l’alerte',
  },
  en: {
    brand: 'Northgate Dairy',
    second: 'Northgate Creamery',
    levels: /^(Alert|Crisis) — /,
    why: /^(Volume|Unusual volume|Negative share|Influential authors|Crisis vocabulary|Emerging terms)/,
    granted: 'Allowed',
    mute: 'Mute the alert bell',
    flash: '● Alert — Tocsin',
    open: 'Open the alert',
  },
} as const;

/**
 * Wraps the page's Notification and counts the bell's tones; both still reach the browser's real API. Playwright
 * keeps every page focused, so the OS focus is played by `__away` (see `inBackground`).
 */
async function watchAlerts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__away = false;
    const hasFocus = document.hasFocus.bind(document);
    document.hasFocus = () => !window.__away && hasFocus();
    window.__notifications = [];
    window.__recorded = [];
    window.__tones = 0;
    const Real = window.Notification;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        window.__recorded.push({ title, body: options?.body ?? '' });
        super(title, options);
        window.__notifications.push(this);
      }
    }
    window.Notification = Recording;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      window.__tones += 1;
      return start.apply(this, args);
    };
  });
}

async function saveElement(element: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const dir = join('test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await element.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The tab titles seen over `ms`, sampled often enough to catch each turn of the one-second flash. */
async function titlesOver(page: Page, ms: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const end = Date.now() + ms; Date.now() < end; await page.waitForTimeout(100)) seen.add(await page.title());
  return seen;
}

/** The reader switches to another application, or back to Tocsin. */
async function inBackground(page: Page, away: boolean): Promise<void> {
  await page.evaluate((a) => {
    window.__away = a;
    window.dispatchEvent(new Event(a ? 'blur' : 'focus'));
  }, away);
}

const bellCount = async (page: Page): Promise<number> => Number(await page.getByTestId('alert-bell').getAttribute('data-count'));
const recorded = (page: Page): Promise<Recorded[]> => page.evaluate(() => window.__recorded);

async function openAlertId(page: Page, brand: string): Promise<number> {
  let id = 0;
  await expect(async () => {
    const alerts = await rpc<{ id: number; watchName: string }[]>(page.request, 'detection:listAlerts', { workspaceId: 'live', status: 'open' });
    id = alerts.find((a) => a.watchName === brand)?.id ?? 0;
    expect(id).toBeGreaterThan(0);
  }).toPass({ timeout: 15_000 });
  return id;
}

for (const lang of ['fr', 'en'] as const) {
  test(`an alert notifies this laptop, rings the bell and opens from the notification or the bell (${lang})`, async ({ page }, testInfo) => {
    // Two bursts of captures through detection on a busy two-core machine.
    test.setTimeout(180_000);
    const w = WORDS[lang];
    await watchAlerts(page);
    await openApp(page, lang, 'settings');
    const panel = page.getByTestId('desktop-alerts-panel');
    await expect(page.getByTestId('notifications-state')).toHaveAttribute('data-permission', 'granted');
    await expect(panel).toContainText(w.granted);
    await expect(page.getByRole('switch', { name: w.mute })).not.toBeChecked();
    await panel.scrollIntoViewIfNeeded();
    await saveElement(panel, testInfo, `${lang}-desktop-alerts-settings`);
    await expectAccessible(page, 'desktop alert settings', '[data-testid="desktop-alerts-panel"]');

    await page.goto('./#/dashboard');
    await expect(page.getByTestId('alert-bell')).toBeVisible();
    const before = await bellCount(page);
    await inBackground(page, true);
    await raiseAlert(page.request, w.brand);

    await expect.poll(async () => (await recorded(page)).find((n) => n.title.endsWith(w.brand)), { timeout: 30_000 }).toBeTruthy();
    const notice = (await recorded(page)).find((n) => n.title.endsWith(w.brand))!;
    expect(notice.title).toMatch(w.levels);
    expect(notice.body).toMatch(w.why);
    await expect.poll(() => bellCount(page)).toBeGreaterThan(before);
    expect(await page.evaluate(() => window.__tones)).toBeGreaterThan(0);
    const alertId = await openAlertId(page, w.brand);
    // The tab flashes, also in a window that has the focus, and the reader coming to the window does not stop it.
    await expect.poll(() => page.title(), { timeout: 5_000 }).toBe(w.flash);
    await expect(page.getByTestId('alert-in-window')).toHaveCount(0);
    await inBackground(page, false);
    expect(await titlesOver(page, 2_500)).toContain(w.flash);

    await saveElement(page.locator('header'), testInfo, `${lang}-header-bell`);
    await expectAccessible(page, 'header with the alert bell', 'header');

    // The notification's own click handler, as the OS would fire it.
    await page.evaluate((title) => window.__notifications.find((n) => n.title === title)?.dispatchEvent(new Event('click')), notice.title);
    await expect(page).toHaveURL(new RegExp(`#/alerts/${alertId}$`));
    await expect(page.getByTestId('alert-detail')).toContainText(w.brand);
    await saveScreen(page, testInfo, `${lang}-alert-from-notification`);

    await page.goto('./#/dashboard');
    await page.getByTestId('alert-bell').click();
    await expect(page).toHaveURL(new RegExp(`#/alerts/${alertId}$`));

    // Muted on this laptop, and the reader looking at the window: the next alert shows inside the window, with no
    // desktop notification, and counts, silently. Its notice opens the alert.
    await page.goto('./#/settings');
    const mute = page.getByRole('switch', { name: w.mute });
    await mute.focus();
    await page.keyboard.press('Space');
    await expect(mute).toBeChecked();
    const tones = await page.evaluate(() => window.__tones);
    const counted = await bellCount(page);
    await raiseAlert(page.request, w.second);
    const inWindow = page.getByTestId('alert-in-window').filter({ hasText: w.second });
    await expect(inWindow).toBeVisible({ timeout: 30_000 });
    // Read as a person reads it, the pointer on it: the notice stays while it is read.
    await inWindow.hover();
    await expect(inWindow).toContainText(w.levels);
    await expect.poll(() => bellCount(page)).toBeGreaterThan(counted);
    expect((await recorded(page)).some((n) => n.title.endsWith(w.second))).toBe(false);
    expect(await page.evaluate(() => window.__tones)).toBe(tones);
    await saveElement(inWindow, testInfo, `${lang}-alert-in-window`);
    await expectAccessible(page, 'alert notice inside the window', '[data-testid="alert-in-window"]');
    await inWindow.getByRole('link', { name: w.open }).click();
    const secondId = await openAlertId(page, w.second);
    await expect(page).toHaveURL(new RegExp(`#/alerts/${secondId}$`));
    await expect(inWindow).toHaveCount(0);

    // Acknowledged one by one: the flash goes on while one is still waiting, then stops and the title comes back.
    await rpc(page.request, 'detection:acknowledgeAlert', { workspaceId: 'live', alertId, by: 'Claire' });
    expect(await titlesOver(page, 2_500)).toContain(w.flash);
    await rpc(page.request, 'detection:acknowledgeAlert', { workspaceId: 'live', alertId: secondId, by: 'Claire' });
    await expect.poll(() => page.title()).not.toBe(w.flash);
    expect(await titlesOver(page, 2_500)).not.toContain(w.flash);
  });
}

test.describe('before this laptop allowed notifications', () => {
  test.use({ permissions: [] });

  for (const lang of ['fr', 'en'] as const) {
    test(`the browser is asked only when the reader clicks Allow (${lang})`, async ({ page }, testInfo) => {
      await page.addInitScript(() => {
        window.__permissionRequests = 0;
        // Headless Chromium answers "denied" before anyone asked; a laptop's first visit reads "default" until the
        // page asks, which is the state shown here. The request itself is the browser's own.
        const real = Object.getOwnPropertyDescriptor(Notification, 'permission')!.get!.bind(Notification);
        Object.defineProperty(Notification, 'permission', { configurable: true, get: () => (window.__permissionRequests ? real() : 'default') });
        const request = Notification.requestPermission.bind(Notification);
        Notification.requestPermission = (...args: Parameters<typeof request>) => {
          window.__permissionRequests += 1;
          return request(...args);
        };
      });
      await openApp(page, lang, 'settings');
      const allow = page.getByTestId('notifications-allow');
      await expect(allow).toBeVisible();
      await expect(allow).toHaveText(lang === 'fr' ? 'Autoriser les notifications de bureau' : 'Allow desktop notifications');
      const panel = page.getByTestId('desktop-alerts-panel');
      await panel.scrollIntoViewIfNeeded();
      await saveElement(panel, testInfo, `${lang}-desktop-alerts-allow`);
      await expectAccessible(page, 'allow desktop notifications', '[data-testid="desktop-alerts-panel"]');
      expect(await page.evaluate(() => window.__permissionRequests)).toBe(0);
      await allow.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => window.__permissionRequests)).toBe(1);
      // This browser refuses: the panel says how to allow it instead of offering the button again.
      await expect(page.getByTestId('notifications-state')).toHaveAttribute('data-permission', 'denied');
    });
  }
});

const DELIVERY_WORDS = {
  fr: { title: 'Fuite de données au guichet en ligne', sent: 'Envoyé', delivered: 'Remis', failed: 'Échec' },
  en: { title: 'Data leak at the online counter', sent: 'Sent', delivered: 'Delivered', failed: 'Failed' },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`the Mobilise screen shows each message's delivery status from the company's own relay and gateway (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const w = DELIVERY_WORDS[lang];
    const relay = await mailRelay();
    const gw = await gateway();
    // SMS delivered but one number the gateway cannot reach yet (retried); the messenger webhook refuses the token.
    gw.answer = (call) =>
      call.path !== '/sms'
        ? { status: 403, body: '{"error":"invalid token"}' }
        : call.body.includes('+4179000017')
          ? { status: 503, body: '{"error":"carrier busy"}' }
          : { status: 200, body: '{"status":"delivered"}' };
    const stored = await rpc<{ plan: CrisisPlan; revision: number }>(page.request, 'plan:get', { workspaceId: 'live' });
    const saved = await rpc<{ revision: number }>(page.request, 'plan:save', { workspaceId: 'live', baseRevision: stored.revision, plan: withReachableRoles(stored.plan) });
    await rpc(page.request, 'notify:setSettings', { workspaceId: 'live', settings: alertSettings(relay.port, gw.url) });
    try {
      const incident = await rpc<{ id: string }>(page.request, 'incidents:open', {
        workspaceId: 'live',
        incident: { title: w.title, scenarioKind: 'dataBreach', severity: 'high', actor: lead, alert: { alertId: `desktop-${lang}`, level: 'crisis', why: ['Volume ×6'], mentions: [] } },
      });
      await openApp(page, lang, `incidents/${incident.id}/roster`);
      await page.getByTestId('mobilise').click();
      await page.getByTestId('mobilise-submit').click();
      const table = page.getByTestId('deliveries-table');
      // One first call per role; a refused message falls back to the person's next channel in another row.
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
      // One delivery pass works through the queue message by message: on a loaded machine that takes a while.
      for (const status of [w.sent, w.delivered, w.failed]) await expect(table).toContainText(status, { timeout: 45_000 });
      expect(relay.mails.length).toBeGreaterThanOrEqual(5);
      await page.getByTestId('deliveries').scrollIntoViewIfNeeded();
      await saveScreen(page, testInfo, `${lang}-mobilise-deliveries`);
      await saveElement(page.getByTestId('deliveries'), testInfo, `${lang}-mobilise-deliveries-table`);
      await expectAccessible(page, 'delivery statuses', '[data-testid="deliveries"]');
    } finally {
      // The suite shares one backend: later specs read the plan's own roster and mobilise with no channel, as a
      // fresh workspace does. The plan goes back first, the roster being what other specs print and check.
      await rpc(page.request, 'plan:save', { workspaceId: 'live', baseRevision: saved.revision, plan: stored.plan });
      await rpc(page.request, 'notify:setSettings', { workspaceId: 'live', settings: { email: null, sms: null, messenger: null } });
      await relay.close();
      await gw.close();
    }
  });
}
