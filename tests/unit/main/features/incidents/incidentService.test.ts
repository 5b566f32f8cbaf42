import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { mentionInputSchema } from '../../../../../src/shared/domain/mention';
import type { Core } from '../../../../../src/main/app/createCore';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const newDir = useTempDirs();
const lead = { author: 'Anne Roux', authorRole: 'crisisLead' };

let core: Core | undefined;
afterEach(() => core?.close());

function start(): { core: Core; advance: (minutes: number) => void } {
  let t = Date.parse('2026-03-02T08:00:00Z');
  const c = makeTestCore(newDir(), { clock: { now: () => new Date(t) } });
  core = c;
  return { core: c, advance: (minutes) => void (t += minutes * 60_000) };
}

const openBreach = (c: Core) =>
  c.incidents.open('live', {
    title: 'Fuite de données clients',
    scenarioId: null,
    scenarioKind: 'dataBreach',
    severity: 'high',
    actor: lead,
    alert: {
      alertId: 'alert-42',
      level: 'crisis',
      why: ['Volume ×6 par rapport au lundi 9 h habituel', '«fuite de données» dans 38 % des mentions'],
      mentions: [{ author: '@lemonde', text: 'Des données clients de la banque en vente sur un forum' }],
    },
  });

describe('IncidentService', () => {
  it('opens an incident from an alert, seeded with the plan roster and the scenario playbook, and logs it', () => {
    const { core: c } = start();
    const incident = openBreach(c);
    expect(incident).toMatchObject({ status: 'active', severity: 'high', scenarioId: 'dataBreach', activeAt: '2026-03-02T08:00:00.000Z' });
    expect(incident.alert?.why).toHaveLength(2);
    expect(incident.roster.map((r) => r.roleId)).toEqual([
      'decisionMaker', 'crisisLead', 'communicationLead', 'legal', 'communityManager',
      'socialAnalyst', 'customerServiceLead', 'hrInternalComms', 'itSecurity', 'scribe',
    ]);
    const decision = incident.roster[0]!;
    expect(decision.holder?.name).toBe('Claire Vautrin');
    expect(decision.deputies[0]?.name).toBe('Marc Delessert');
    expect(decision.instructions.length).toBeGreaterThan(0);
    expect(decision.history).toHaveLength(1);
    expect(incident.checklist.length).toBeGreaterThan(10);
    const first = incident.checklist[0]!;
    expect(first.dueAt).toBe(new Date(Date.parse(incident.openedAt) + first.deadlineMinutes * 60_000).toISOString());
    expect(incident.nextMeetingAt).toBe('2026-03-02T10:00:00.000Z');

    const log = c.crisisLog.list('live', { incidentId: incident.id });
    expect(log.map((e) => e.systemCode)).toEqual(['incident.openedFromAlert']);
    expect(log[0]!.body).toContain('alert-42');
    // System entries are worded in the workspace's report language (French by default).
    const manual = c.incidents.open('live', { title: 'Grève', scenarioKind: 'strike', severity: 'critical', actor: lead });
    expect(c.crisisLog.list('live', { incidentId: manual.id })[0]!.body).toBe('Incident ouvert\u202f: Grève (gravité critique)');
    expect(c.incidents.list('live').map((i) => i.id)).toEqual([manual.id, incident.id]);
  });

  it('seeds every scenario with a checklist that encodes the brief’s rules, with their owners and deadlines', () => {
    const { core: c } = start();
    const kinds = ['dataBreach', 'productDefect', 'viralComplaint', 'executiveMisconduct', 'industrialAccident', 'strike', 'cyberAttack', 'fakeNews'] as const;
    for (const scenarioKind of kinds) {
      const incident = c.incidents.open('live', { title: scenarioKind, scenarioKind, severity: 'high', actor: lead });
      const byPlanId = new Map(incident.checklist.map((i) => [i.planItemId, i]));
      // Freeze campaigns, first holding statement within the hour, never delete negative comments,
      // involve customer service, regular status meetings, control staff posts.
      expect(byPlanId.get('freeze'), scenarioKind).toMatchObject({ phase: 'mobilise', ownerRole: 'communicationLead' });
      expect(byPlanId.get('holding')?.deadlineMinutes, scenarioKind).toBeLessThanOrEqual(60);
      expect(byPlanId.get('answer')?.text.en, scenarioKind).toMatch(/never delete/i);
      expect(byPlanId.get('customerService')?.ownerRole, scenarioKind).toBe('customerServiceLead');
      expect(byPlanId.get('statusMeeting')?.phase, scenarioKind).toBe('respond');
      expect(byPlanId.get('staff')?.ownerRole, scenarioKind).toBe('hrInternalComms');
      expect(new Set(incident.checklist.map((i) => i.phase)), scenarioKind).toEqual(new Set(['detect', 'qualify', 'mobilise', 'respond', 'recover', 'learn']));
    }
    // A kind without a playbook in the plan opens with an empty checklist rather than a wrong one.
    expect(c.incidents.open('live', { title: 'x', scenarioKind: 'other', severity: 'low', actor: lead }).checklist).toEqual([]);
  });

  it('keeps several incidents open at once and moves status forward with timestamps', () => {
    const { core: c, advance } = start();
    const a = openBreach(c);
    advance(5);
    const b = c.incidents.open('live', { title: 'Bad buzz', scenarioKind: 'viralComplaint', severity: 'medium', status: 'monitoring', actor: lead });
    expect(c.incidents.list('live').map((i) => i.id)).toEqual([b.id, a.id]);
    advance(30);
    const stabilised = c.incidents.setStatus('live', a.id, 'stabilised', lead);
    expect(stabilised.stabilisedAt).toBe('2026-03-02T08:35:00.000Z');
    const closed = c.incidents.setStatus('live', a.id, 'closed', lead);
    expect(closed.closedAt).toBe('2026-03-02T08:35:00.000Z');
    expect(() => c.incidents.setStatus('live', a.id, 'active', lead)).toThrow(/cannot go from "closed"/);
    expect(() => c.incidents.mobilise('live', a.id, lead)).toThrow(/closed/);
    expect(c.crisisLog.list('live', { incidentId: a.id, kinds: ['system'] }).map((e) => e.systemCode)).toContain('incident.status');
  });

  it('mobilises the cell, records acknowledgements with their time, and shows who has not answered', () => {
    const { core: c, advance } = start();
    const incident = openBreach(c);
    advance(1);
    const mobilised = c.incidents.mobilise('live', incident.id, lead);
    expect(mobilised.mobilisation?.calls).toHaveLength(10);
    expect(mobilised.mobilisation?.calls.every((x) => x.alertedAt === '2026-03-02T08:01:00.000Z' && x.acknowledgedAt === null)).toBe(true);
    advance(4);
    c.incidents.acknowledge('live', incident.id, 'decisionMaker', lead);
    advance(3);
    const after = c.incidents.acknowledge('live', incident.id, 'legal', lead);
    // A second confirmation keeps the first time.
    advance(10);
    c.incidents.acknowledge('live', incident.id, 'legal', lead);
    const calls = c.incidents.get('live', incident.id).mobilisation!.calls;
    expect(calls.find((x) => x.roleId === 'decisionMaker')?.acknowledgedAt).toBe('2026-03-02T08:05:00.000Z');
    expect(calls.find((x) => x.roleId === 'legal')?.acknowledgedAt).toBe('2026-03-02T08:08:00.000Z');
    expect(calls.filter((x) => x.acknowledgedAt === null)).toHaveLength(8);
    expect(after.roster.find((r) => r.roleId === 'legal')).toMatchObject({ onDuty: true, shiftStartedAt: '2026-03-02T08:08:00.000Z' });
    const acks = c.crisisLog.list('live', { incidentId: incident.id }).filter((e) => e.systemCode === 'mobilisation.acknowledged');
    expect(acks.map((e) => e.data?.minutes)).toEqual([7, 4]);
    expect(() => c.incidents.acknowledge('live', incident.id, 'decisionMaker', lead)).not.toThrow();
  });

  it('logs a mobilisation as the call list it is, never as messages sent', () => {
    const { core: c } = start();
    const incident = openBreach(c);
    c.incidents.mobilise('live', incident.id, lead);
    const entry = c.crisisLog.list('live', { incidentId: incident.id }).find((e) => e.systemCode === 'mobilisation.started')!;
    expect(entry.body).toBe('Cellule mobilisée\u202f: liste d’appel ouverte, 10 personnes à appeler par téléphone (Tocsin n’a envoyé aucun message)');
    expect(entry.body).not.toMatch(/alerté|envoyé \d|sent/i);
  });

  it('hands a role over and keeps who held it from when to when', () => {
    const { core: c, advance } = start();
    const incident = openBreach(c);
    advance(90);
    const paul = { name: 'Paul Girard', title: 'Night shift', phone: '+41 79 555 09 09', altPhone: '', email: '' };
    const after = c.incidents.handover('live', incident.id, 'crisisLead', paul, 'Relève de nuit', lead);
    const role = after.roster.find((r) => r.roleId === 'crisisLead')!;
    expect(role.holder?.name).toBe('Paul Girard');
    expect(role.history.map((h) => [h.person.name, h.fromAt, h.untilAt])).toEqual([
      [incident.roster[1]!.holder!.name, '2026-03-02T08:00:00.000Z', '2026-03-02T09:30:00.000Z'],
      ['Paul Girard', '2026-03-02T09:30:00.000Z', null],
    ]);
    expect(role.onDuty).toBe(true);
    const entry = c.crisisLog.list('live', { incidentId: incident.id }).find((e) => e.systemCode === 'role.handover')!;
    expect(entry.body).toContain('Paul Girard');
  });

  it('marks checklist items done with who and when, and reopening clears it', () => {
    const { core: c, advance } = start();
    const incident = openBreach(c);
    const item = incident.checklist[0]!;
    advance(12);
    const done = c.incidents.setChecklistItem('live', incident.id, item.id, 'done', 'Captures versées', lead);
    expect(done.checklist[0]).toMatchObject({ status: 'done', doneBy: 'Anne Roux', doneAt: '2026-03-02T08:12:00.000Z', note: 'Captures versées' });
    const reopened = c.incidents.setChecklistItem('live', incident.id, item.id, 'todo', undefined, lead);
    expect(reopened.checklist[0]).toMatchObject({ status: 'todo', doneBy: null, doneAt: null, note: 'Captures versées' });
    expect(c.crisisLog.list('live', { incidentId: incident.id }).filter((e) => e.systemCode === 'checklist.status')).toHaveLength(2);
  });

  it('assembles a situation report from log and checklist, logs it, and moves the next meeting', () => {
    const { core: c, advance } = start();
    const incident = openBreach(c);
    c.incidents.mobilise('live', incident.id, lead);
    c.incidents.acknowledge('live', incident.id, 'crisisLead', lead);
    const info = c.crisisLog.append('live', { incidentId: incident.id, kind: 'information', author: 'Léa', body: '12 000 comptes concernés' });
    c.crisisLog.setVerification('live', info.id, 'verified', lead);
    c.crisisLog.append('live', { incidentId: incident.id, kind: 'decision', author: 'Claire', body: 'Geler toutes les campagnes' });
    c.crisisLog.append('live', { incidentId: incident.id, kind: 'information', author: 'Léa', body: 'Rumeur de plainte collective' });
    c.incidents.setChecklistItem('live', incident.id, incident.checklist[0]!.id, 'done', undefined, lead);
    advance(120);
    const report = c.incidents.situationReport('live', incident.id, lead);
    const texts = (lines: typeof report.conditions) => lines.map((l) => `${l.kind}:${l.text.fr}`);
    expect(texts(report.conditions)).toEqual(expect.arrayContaining(['verifiedInfo:12 000 comptes concernés', 'alert:Volume ×6 par rapport au lundi 9 h habituel']));
    expect(texts(report.actions)).toEqual(expect.arrayContaining(['decision:Geler toutes les campagnes']));
    expect(report.actions.some((l) => l.kind === 'done')).toBe(true);
    expect(texts(report.needs)).toEqual(expect.arrayContaining(['toVerify:Rumeur de plainte collective']));
    expect(report.needs.filter((l) => l.kind === 'unanswered')).toHaveLength(9);
    expect(report.needs.some((l) => l.kind === 'overdue')).toBe(true);
    expect(report.logIntact).toBe(true);
    expect(report.logHeadHash).toMatch(/^[0-9a-f]{64}$/);

    const detail = c.incidents.get('live', incident.id);
    expect(detail.reports[0]?.id).toBe(report.id);
    expect(detail.nextMeetingAt).toBe('2026-03-02T12:00:00.000Z');
    expect(c.crisisLog.list('live', { incidentId: incident.id })[0]?.systemCode).toBe('situation.report');
  });

  it('opens an incident from a real alert: the why-card and sample mentions are frozen and the alert is answered', async () => {
    const { core: c } = start();
    await invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'Banque Léman', keywords: ['Banque Léman'] } });
    const source = await invoke(c, 'sources:create', { workspaceId: 'live', source: { kind: 'webhook', name: 'Hook', config: {} } });
    const at = Date.parse('2026-03-02T08:00:00Z');
    const mentions: z.input<typeof mentionInputSchema>[] = Array.from({ length: 25 }, (_, i) => ({
      externalId: `m-${i}`,
      author: { handle: `client${i}`, displayName: `Client ${i}`, audience: 200 + i, kind: 'public' },
      text: i % 2 ? 'Scandale à la Banque Léman : fuite de données, #boycott' : 'Banque Léman nous ment, c’est honteux',
      language: 'fr',
      publishedAt: new Date(at - i * 20_000).toISOString(),
    }));
    mentions.push({
      externalId: 'journalist',
      author: { handle: 'cmartin', displayName: 'Claire Martin', audience: 250_000, kind: 'journalist' },
      text: 'Fuite de données à la Banque Léman : la banque savait',
      language: 'fr',
      publishedAt: new Date(at - 5_000).toISOString(),
    });
    await c.ingest.ingest('live', source.id, mentions);
    const [alert] = await invoke(c, 'detection:listAlerts', { workspaceId: 'live', status: 'open' });
    expect(alert).toBeDefined();

    const incident = await invoke(c, 'incidents:openFromAlert', {
      workspaceId: 'live',
      alertId: alert!.id,
      scenarioKind: 'dataBreach',
      severity: 'critical',
      actor: lead,
    });
    expect(incident.title).toBe(`Banque Léman — ${alert!.level}`);
    expect(incident.alert).toMatchObject({ alertId: String(alert!.id), level: alert!.level, watch: 'Banque Léman', watchId: alert!.watchId });
    expect(incident.alert!.why.join(' ')).toContain('fuite de données');
    expect(incident.alert!.why.join(' ')).toContain('Claire Martin');
    expect(incident.alert!.mentions.length).toBeGreaterThan(0);
    expect(incident.roster).toHaveLength(10);
    const answered = await invoke(c, 'detection:getAlert', { workspaceId: 'live', alertId: alert!.id });
    expect(answered).toMatchObject({ status: 'acknowledged', statusBy: 'Anne Roux' });
    await expect(invoke(c, 'incidents:openFromAlert', { workspaceId: 'live', alertId: 999, scenarioKind: 'other', severity: 'low', actor: lead })).rejects.toThrow();
  });

  it('goes through the contract with validation errors as data', async () => {
    const { core: c } = start();
    const refused = await c.dispatch('incidents:open', { workspaceId: 'live', incident: { title: '', scenarioKind: 'dataBreach', severity: 'high', actor: lead } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = await c.dispatch('incidents:get', { workspaceId: 'live', incidentId: '2f1d2c9e-7d7a-4d59-9a37-0d5b3c7e1a10' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
