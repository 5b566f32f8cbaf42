// Alerts across the cell: three laptops (core processes, own data folders, loopback 127.0.0.1–3) sharing one watch,
// made on the first, so each one's detection raises the alert of a burst captured on one of them. Every laptop ends with that
// alert once, not once per laptop that detected it; an acknowledgement on one shows on every laptop with who made
// it; decisions made on both sides of a partition end in the same status everywhere.
import { afterAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../../../src/shared/domain/detection';
import { cellOf, joinThree, type Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 120_000;
const HOUR = 3_600_000;
const WATCH = 'Banque Léman';

let a: Laptop;
let b: Laptop;
let c: Laptop;

useLaptops(3, tempDir, SCENARIO_MS, async (laptops) => {
  [a, b, c] = laptops;
  await joinThree(laptops);
  await a.call('watches:create', { ...ws, watch: { name: WATCH, keywords: [WATCH] } });
  // Watches are shared: one made on each laptop would be three watches everywhere, and three alerts.
  await Promise.all(
    laptops.map((laptop) => until(() => laptop.call('watches:list', ws), (watches) => watches.filter((w) => w.name === WATCH).length === 1)),
  );
});

afterAll(() => [a, b, c].forEach((laptop) => laptop?.kill()));

/** A burst of angry posts about the bank, captured on `laptop` over the last minutes. */
async function burst(laptop: Laptop): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < 26; i += 1) {
    const journalist = i === 25;
    await laptop.call('mentions:capture', {
      ...ws,
      capture: {
        channel: 'phonePost',
        outlet: 'Instagram',
        authorName: journalist ? 'Claire Martin' : `Client ${i}`,
        authorKind: journalist ? 'journalist' : 'public',
        audience: journalist ? 250_000 : 200 + i,
        text: i % 2 ? `Scandale à la ${WATCH} : fuite de données, #boycott (${i})` : `${WATCH} nous ment, c’est honteux et inadmissible (${i})`,
        language: 'fr',
        occurredAt: new Date(now - i * 20_000).toISOString(),
      },
    });
  }
}

const alertsOf = (laptop: Laptop): Promise<Alert[]> => laptop.call('detection:listAlerts', { ...ws, status: 'all', limit: 50 });
const statusOf = (alerts: Alert[]) => alerts.map(({ watchName, status, statusBy, statusReason, statusAt }) => ({ watchName, status, statusBy, statusReason, statusAt }));

describe('alerts across the cell', () => {
  it(
    'shows the alert of a burst once on every laptop, though each detected it, and an acknowledgement made on one everywhere',
    async () => {
      await burst(a);
      const raised = await until(
        () => Promise.all([a, b, c].map(alertsOf)),
        (lists) => lists.every((alerts) => alerts.length > 0),
      );
      // Each laptop's own detection ran too: they still hold one alert each, and keep holding one.
      await new Promise((r) => setTimeout(r, 2_000));
      const settled = await Promise.all([a, b, c].map(alertsOf));
      expect(settled.map((alerts) => alerts.length)).toEqual([1, 1, 1]);
      expect(raised[0]![0]).toMatchObject({ watchName: WATCH, status: 'open' });

      const onB = settled[1]![0]!;
      await b.call('detection:acknowledgeAlert', { ...ws, alertId: onB.id, by: 'Bob Durand' });
      const all = await until(
        () => Promise.all([a, b, c].map(alertsOf)),
        (lists) => lists.every((alerts) => alerts.length === 1 && alerts[0]!.status === 'acknowledged'),
      );
      for (const alerts of all) expect(statusOf(alerts)).toEqual(statusOf(all[1]!));
      expect(all[0]![0]).toMatchObject({ statusBy: 'Bob Durand' });
    },
    SCENARIO_MS,
  );

  it(
    'ends with the same status everywhere after a dismissal and an acknowledgement made on both sides of a partition',
    async () => {
      await b.call('cell:stop', ws);
      await until(() => cellOf(a), (s) => !s.members.some((m) => m.name === 'Bob' && m.online));
      await a.advance(HOUR);
      const [onA] = await alertsOf(a);
      const [onB] = await alertsOf(b);
      await a.call('detection:dismissAlert', { ...ws, alertId: onA!.id, reason: 'Rumeur déjà démentie', by: 'Alice Martin' });
      await b.call('detection:acknowledgeAlert', { ...ws, alertId: onB!.id, note: 'Vu', by: 'Bob Durand' });
      await b.call('cell:start', { ...ws, host: '127.0.0.2' });
      const all = await until(
        () => Promise.all([a, b, c].map(alertsOf)),
        (lists) => lists.every((alerts) => JSON.stringify(statusOf(alerts)) === JSON.stringify(statusOf(lists[0]!))) && lists[1]![0]!.status === 'dismissed',
      );
      // A's decision is the later one by hybrid clock: it holds on every laptop, and there is still one alert each.
      expect(all.map((alerts) => alerts.length)).toEqual([1, 1, 1]);
      expect(all[2]![0]).toMatchObject({ status: 'dismissed', statusBy: 'Alice Martin', statusReason: 'Rumeur déjà démentie' });
    },
    SCENARIO_MS,
  );
});
