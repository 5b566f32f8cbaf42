// Must-show 5: an exercise sends only to its own test destinations, every message marked EXERCICE/EXERCISE in the
// recipient's language; without test destinations it sends nothing and says why; live alerts in the same core
// still reach the roster's real addresses.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { alertSettings, lead, mobiliseOnCrisis } from '../../../../support/alertPlan';
import { useAlertServers } from '../../../../support/alertBench';
import { gateway, mailRelay, type Gateway } from '../../../../support/alertServers';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke } from '../../../../support/testCore';

const newDir = useTempDirs();
const MINUTE = 60_000;
const START = Date.parse('2026-03-02T08:00:00Z');
const alerts = useAlertServers(newDir, START);
const setup = () => alerts.start();

/**
 * An exercise with channels of its own, here on the same loopback relay and gateway as the live workspace, and
 * unsealed by its director (an exercise starts sealed).
 */
async function drill(c: Core, name: string): Promise<{ id: string }> {
  const exercise = await invoke(c, 'exercises:create', { name });
  await invoke(c, 'notify:setSettings', { workspaceId: exercise.id, settings: alertSettings(alerts.current().relay.port, alerts.current().gw.url) });
  await invoke(c, 'workspaces:updateSettings', { workspaceId: exercise.id, settings: { sealed: false } });
  return exercise;
}

async function mobiliseInExercise(c: Core, workspaceId: string): Promise<string> {
  const incident = await invoke(c, 'incidents:open', {
    workspaceId,
    incident: { title: 'Fuite simulée', scenarioKind: 'dataBreach', severity: 'high', actor: lead, alert: { alertId: 'drill-1', level: 'crisis', why: ['Volume ×6'], mentions: [] } },
  });
  await invoke(c, 'incidents:mobilise', { workspaceId, incidentId: incident.id, actor: lead });
  return incident.id;
}

/** The Subject header, unfolded and with its RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const header = /^subject:(.*(?:\r\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    )
    .trim();
}

const gatewayTargets = (gw: Gateway) => gw.calls.map((call) => JSON.parse(call.body) as { to?: string; channel?: string; text: string });

describe('alerts in an exercise', () => {
  it('send nothing without test destinations, and say so for each message', async () => {
    const { core: c, relay, gw } = await setup();
    const exercise = await drill(c, 'Drill sans destinations');
    const incidentId = await mobiliseInExercise(c, exercise.id);
    await c.notify.tick();

    expect(relay.connections).toBe(0);
    expect(gw.connections).toBe(0);
    const view = await invoke(c, 'notify:deliveries', { workspaceId: exercise.id, incidentId });
    expect(view.blocked).toBeNull();
    expect(view.messages).toHaveLength(10);
    for (const m of view.messages) {
      expect(m).toMatchObject({ status: 'failed', channel: 'none', address: '', reason: { key: 'noTestDestination' } });
    }
  });

  it('reach only the test destinations, every word marked, while live alerts still reach the roster', async () => {
    const { core: c, plan, relay, gw, at } = await setup();
    const exercise = await drill(c, 'Drill DORA');
    const ws = { workspaceId: exercise.id };
    const holder = (i: number) => plan.roles[i]!.holder!.name;
    const { plan: drillPlan } = await invoke(c, 'plan:get', ws);
    const idOf = (i: number) => drillPlan.roles[i]!.holder!.id!;
    const saved = await invoke(c, 'notify:setTestDestinations', {
      ...ws,
      destinations: {
        catchAll: { email: 'drill-room@example.test', sms: '', messenger: '' },
        people: [
          { personId: idOf(5), person: holder(5), email: '', sms: '+41000000099', messenger: '' },
          { personId: idOf(8), person: holder(8), email: '', sms: '', messenger: '@drill-room' },
        ],
      },
    });
    expect(saved.people.map((p) => p.person)).toEqual([holder(5), holder(8)]);
    expect(await invoke(c, 'notify:testDestinations', ws)).toEqual(saved);

    const incidentId = await mobiliseInExercise(c, exercise.id);
    await c.notify.tick();
    at(10);
    await c.notify.tick();

    const realAddresses = plan.roles.flatMap((r) => [r.holder!, ...r.deputies]).flatMap((p) => [p.email, p.phone, p.messenger ?? '']);
    const mailed = relay.mails.flatMap((m) => m.to);
    const targets = gatewayTargets(gw).map((b) => b.to ?? b.channel);
    // First wave of ten, then the ten deputies at 10 minutes: all in the drill's inboxes, none to a real contact.
    expect(mailed.length + targets.length).toBe(20);
    expect(new Set(mailed)).toEqual(new Set(['drill-room@example.test']));
    expect(targets.sort()).toEqual(['+41000000099', '@drill-room']);
    for (const address of [...mailed, ...targets]) expect(realAddresses).not.toContain(address);

    // Marked in each recipient's language: even holders read French, odd ones English.
    for (const mail of relay.mails) {
      expect(mail.text).toMatch(/^(EXERCICE|EXERCISE) — /);
      expect(subjectOf(mail.raw)).toMatch(/^(EXERCICE — \[Tocsin\] Crise\s:|EXERCISE — \[Tocsin\] Crisis:)/);
    }
    const view = await invoke(c, 'notify:deliveries', { ...ws, incidentId });
    const texts = relay.mails.map((m) => m.text);
    expect(texts.filter((t) => t.startsWith('EXERCICE — ')).length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.startsWith('EXERCISE — ')).length).toBeGreaterThan(0);
    for (const body of gatewayTargets(gw)) expect(body.text).toMatch(/^(\*\*)?(EXERCICE|EXERCISE) — /);
    const first = view.messages.filter((m) => m.stage === 'first');
    expect(first.find((m) => m.personName === holder(0))).toMatchObject({ language: 'fr', address: 'drill-room@example.test', status: 'sent' });
    expect(first.find((m) => m.personName === holder(5))).toMatchObject({ channel: 'sms', address: '+41000000099' });
    expect(view.messages.every((m) => m.status === 'sent' || m.status === 'delivered')).toBe(true);
    expect(view.blocked).toBeNull();

    // A regulatory reminder in the exercise goes the same way: to the drill's inbox, marked.
    await invoke(c, 'clocks:classify', { ...ws, incidentId, obligationId: 'board-2h', awarenessAt: new Date(START + 10 * MINUTE).toISOString(), actor: lead });
    at(70);
    await c.notify.tick();
    const beforeReminder = relay.mails.length;
    c.clocks.remindDue([exercise.id]);
    await c.notify.tick();
    const reminders = relay.mails.slice(beforeReminder);
    expect(reminders.map((m) => m.to[0])).toEqual(['drill-room@example.test', 'drill-room@example.test']);
    expect(reminders.map((m) => subjectOf(m.raw)).sort()).toEqual([
      'EXERCICE — [Tocsin] Information du conseil d’administration : 50 % du délai écoulé',
      'EXERCISE — [Tocsin] Inform the board: 50 % of the time gone',
    ].map((x) => x.replace(' : ', '\u202f: ')));

    // A live mobilisation in the same core goes to the real people, unmarked.
    const before = relay.mails.length;
    expect(relay.mails.every((m) => m.to[0] === 'drill-room@example.test' && /^(EXERCICE|EXERCISE) — /.test(m.text))).toBe(true);
    await mobiliseOnCrisis(c);
    await c.notify.tick();
    const live = relay.mails.slice(before);
    expect(live.flatMap((m) => m.to).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `holder${i}@example.test`));
    for (const mail of live) expect(mail.text).not.toMatch(/EXERCI[CS]E/);
  });

  it('follow a person by their id: a corrected name keeps its test address, and a namesake does not take it', async () => {
    const { core: c, relay, gw } = await setup();
    const exercise = await drill(c, 'Drill homonymes');
    const ws = { workspaceId: exercise.id };
    const stored = await invoke(c, 'plan:get', ws);
    const [five, eight] = [stored.plan.roles[5]!.holder!, stored.plan.roles[8]!.holder!];
    await invoke(c, 'notify:setTestDestinations', {
      ...ws,
      destinations: { catchAll: { email: 'drill-room@example.test', sms: '', messenger: '' }, people: [{ personId: five.id!, person: five.name, email: '', sms: '+41000000099', messenger: '' }] },
    });
    // Holder 5's name is corrected; holder 8 is renamed to the name holder 5 had.
    const edited = structuredClone(stored.plan);
    edited.roles[5]!.holder!.name = `${five.name}-Rochat`;
    edited.roles[8]!.holder!.name = five.name;
    const saved = await invoke(c, 'plan:save', { ...ws, baseRevision: stored.revision, plan: edited });
    expect(saved.plan.roles[5]!.holder!.id).toBe(five.id);
    expect(saved.plan.roles[8]!.holder!.id).toBe(eight.id);

    const incidentId = await mobiliseInExercise(c, exercise.id);
    await c.notify.tick();
    const first = (await invoke(c, 'notify:deliveries', { ...ws, incidentId })).messages.filter((m) => m.stage === 'first');
    expect(first.find((m) => m.roleId === stored.plan.roles[5]!.id)).toMatchObject({ personName: `${five.name}-Rochat`, channel: 'sms', address: '+41000000099' });
    expect(first.find((m) => m.roleId === stored.plan.roles[8]!.id)).toMatchObject({ personName: five.name, channel: 'email', address: 'drill-room@example.test' });
    expect(gatewayTargets(gw).map((b) => b.to)).toEqual(['+41000000099']);
    expect(relay.mails).toHaveLength(9);
  });

  it('escalate in game time while the exercise runs', async () => {
    const { core: c, relay, advance } = await setup();
    const exercise = await drill(c, 'Drill ×60');
    const ws = { workspaceId: exercise.id };
    await invoke(c, 'notify:setTestDestinations', { ...ws, destinations: { catchAll: { email: 'drill-room@example.test', sms: '', messenger: '' }, people: [] } });
    await invoke(c, 'exercises:start', { ...ws, scriptId: 'bank-data-leak', speed: 60 });
    const incidentId = await mobiliseInExercise(c, exercise.id);
    await c.notify.tick();
    expect(relay.mails).toHaveLength(10);
    const stages = async () => (await invoke(c, 'notify:deliveries', { ...ws, incidentId })).messages.map((m) => m.stage);

    // Nine real seconds are nine game minutes: no deputy yet. Ten are ten: the plan's deputies, at game minute 10.
    advance(9_000);
    await c.notify.tick();
    expect(await stages()).not.toContain('deputy');
    advance(1_000);
    await c.notify.tick();
    expect((await stages()).filter((s) => s === 'deputy')).toHaveLength(10);
    expect(relay.mails.every((m) => m.to[0] === 'drill-room@example.test')).toBe(true);
  });

  it("use the exercise's own channels and outbound policy, never the live ones", async () => {
    const { core: c, relay: liveRelay, gw: liveGateway, advance } = await setup();
    const exercise = await invoke(c, 'exercises:create', { name: 'Drill à part' });
    const ws = { workspaceId: exercise.id };
    await invoke(c, 'notify:setTestDestinations', { ...ws, destinations: { catchAll: { email: 'drill-room@example.test', sms: '+41000000099', messenger: '' }, people: [] } });

    // No channel of its own: the drill sends nothing, through the live relay or anywhere, and says why.
    const idle = await mobiliseInExercise(c, exercise.id);
    await c.notify.tick();
    expect(liveRelay.connections + liveGateway.connections).toBe(0);
    const unsent = (await invoke(c, 'notify:deliveries', { ...ws, incidentId: idle })).messages;
    expect(unsent.length).toBeGreaterThan(0);
    for (const m of unsent) expect(m).toMatchObject({ status: 'failed', channel: 'none', reason: { key: 'noExerciseChannel' } });

    // Its own relay and gateway: held while the exercise stays sealed, as it starts; once its director unseals it,
    // everything goes there, marked, and the live relay and gateway still see nothing.
    const drillRelay = await mailRelay();
    const drillGateway = await gateway();
    try {
      await invoke(c, 'notify:setSettings', { ...ws, settings: alertSettings(drillRelay.port, drillGateway.url) });
      expect((await invoke(c, 'notify:settings', ws)).email?.port).toBe(drillRelay.port);
      expect((await invoke(c, 'notify:settings', { workspaceId: 'live' })).email?.port).toBe(liveRelay.port);
      const incidentId = await mobiliseInExercise(c, exercise.id);
      await c.notify.tick();
      const held = await invoke(c, 'notify:deliveries', { ...ws, incidentId });
      expect(held.blocked).toMatchObject({ key: 'sealed' });
      for (const m of held.messages) expect(m).toMatchObject({ status: 'queued', attempts: 0, reason: { key: 'sealed' } });
      expect(drillRelay.connections + drillGateway.connections + liveRelay.connections + liveGateway.connections).toBe(0);

      await invoke(c, 'workspaces:updateSettings', { ...ws, settings: { sealed: false } });
      advance(61_000);
      await c.notify.tick();
      expect(drillRelay.mails.length + drillGateway.calls.length).toBe(held.messages.length);
      for (const mail of drillRelay.mails) {
        expect(mail.to).toEqual(['drill-room@example.test']);
        expect(mail.text).toMatch(/^(EXERCICE|EXERCISE) — /);
      }
      for (const body of gatewayTargets(drillGateway)) expect(body.text).toMatch(/^(\*\*)?(EXERCICE|EXERCISE) — /);
      expect(liveRelay.connections + liveGateway.connections).toBe(0);

      // Sealing the live workspace does not hold the drill; sealing the drill does, with the reason on its screen.
      await invoke(c, 'workspaces:updateSettings', { workspaceId: 'live', settings: { sealed: true } });
      expect((await invoke(c, 'notify:deliveries', { ...ws, incidentId })).blocked).toBeNull();
      await invoke(c, 'workspaces:updateSettings', { ...ws, settings: { sealed: true } });
      expect((await invoke(c, 'notify:deliveries', { ...ws, incidentId })).blocked).toMatchObject({ key: 'sealed' });
    } finally {
      await drillRelay.close();
      await drillGateway.close();
    }
  });

  it('keeps test destinations to exercises', async () => {
    const { core: c } = await setup();
    await expect(invoke(c, 'notify:testDestinations', { workspaceId: 'live' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
