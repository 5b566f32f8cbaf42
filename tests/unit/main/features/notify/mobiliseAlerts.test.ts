// Must-show 1: a crisis-level alert mobilises a roster of ten through a loopback SMTP relay and a loopback HTTP
// gateway; with nobody acknowledging, deputies, the call tree and the crisis lead follow at the plan's minutes.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HMAC_SECRET, lead, mobiliseOnCrisis } from '../../../../support/alertPlan';
import { useAlertServers } from '../../../../support/alertBench';
import type { Gateway, MailRelay } from '../../../../support/alertServers';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke } from '../../../../support/testCore';

const newDir = useTempDirs();
const alerts = useAlertServers(newDir, Date.parse('2026-03-02T08:00:00Z'));

async function setup() {
  const bench = await alerts.start();
  bench.gw.answer = (call) => ({ status: 200, body: call.path === '/sms' ? '{"status":"delivered","id":"sms-1"}' : 'ok' });
  return bench;
}

/** Who got what: e-mail recipients, and gateway targets read from the bodies. */
function reached(relay: MailRelay, gw: Gateway): string[] {
  const mails = relay.mails.flatMap((m) => m.to);
  const gateway = gw.calls.map((c) => (JSON.parse(c.body) as { to?: string; channel?: string }).to ?? (JSON.parse(c.body) as { channel: string }).channel);
  return [...mails, ...gateway].sort();
}

describe('alerts outside the app', () => {
  it('reaches the first wave by each person’s channel, escalates at the planned minutes, stops for those who acknowledge', async () => {
    const { core: c, plan, relay, gw, at } = await setup();
    const incidentId = await mobiliseOnCrisis(c);
    await c.notify.tick();

    // First wave: holders 0–4 by e-mail, 5–7 by SMS, 8–9 on the messenger.
    expect(relay.mails.flatMap((m) => m.to).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `holder${i}@example.test`));
    const sms = gw.calls.filter((call) => call.path === '/sms');
    expect(sms.map((call) => (JSON.parse(call.body) as { to: string }).to).sort()).toEqual(['+4179000015', '+4179000016', '+4179000017']);
    expect(gw.calls.filter((call) => call.path === '/hooks/tocsin').map((call) => (JSON.parse(call.body) as { channel: string }).channel).sort()).toEqual(['@holder8', '@holder9']);
    for (const call of sms) {
      expect(call.headers['x-signature']).toBe(`sha256=${createHmac('sha256', HMAC_SECRET).update(call.body).digest('hex')}`);
      expect(call.headers.authorization).toBe('Bearer sms-token');
      expect(call.headers['idempotency-key']).toBe((JSON.parse(call.body) as { ref: string }).ref);
    }
    // Each in their own language, with the incident, the level, the role and the meeting from the plan.
    const fr = relay.mails.find((m) => m.to[0] === 'holder0@example.test')!.text;
    expect(fr).toContain('Vous êtes appelé·e comme Décideur');
    expect(fr).toContain('Fuite de données clients');
    expect(fr).toContain('Crise');
    expect(fr).toContain('Salle Léman, 3e étage');
    const en = relay.mails.find((m) => m.to[0] === 'holder1@example.test')!.text;
    expect(en).toContain(`You are called as ${plan.roles[1]!.name.en}`);
    expect(en).toContain('open Tocsin');
    expect(en).toContain('Léman room, 3rd floor');

    let view = await invoke(c, 'notify:deliveries', { workspaceId: 'live', incidentId });
    expect(view.blocked).toBeNull();
    expect(view.messages).toHaveLength(10);
    const byChannel = (channel: string) => view.messages.filter((m) => m.channel === channel).map((m) => m.status);
    expect(byChannel('email')).toEqual(Array(5).fill('sent'));
    expect(byChannel('sms')).toEqual(Array(3).fill('delivered'));
    expect(byChannel('messenger')).toEqual(Array(2).fill('sent'));

    // Three acknowledge: two from their own laptops, one reached by phone by the coordinator.
    at(5);
    await invoke(c, 'incidents:acknowledge', { workspaceId: 'live', incidentId, roleId: 'decisionMaker', actor: { author: 'Claire Vautrin', authorRole: 'decisionMaker' } });
    await invoke(c, 'incidents:acknowledge', { workspaceId: 'live', incidentId, roleId: 'legal', actor: { author: 'Légal', authorRole: 'legal' } });
    await invoke(c, 'notify:acknowledge', { workspaceId: 'live', incidentId, roleId: 'scribe', reachedBy: 'phone', actor: lead });

    at(9);
    await c.notify.tick();
    expect(relay.mails.length + gw.calls.length).toBe(10);

    // 10 min: the deputies of the seven roles nobody acknowledged, by e-mail.
    const unanswered = [1, 2, 4, 5, 6, 7, 8];
    at(10);
    await c.notify.tick();
    expect(relay.mails.slice(5).flatMap((m) => m.to).sort()).toEqual(unanswered.map((i) => `deputy${i}@example.test`));
    const deputyText = relay.mails.find((m) => m.to[0] === 'deputy1@example.test')!.text;
    expect(deputyText).toContain('deputy');
    expect(deputyText).toContain('10 min');

    // 20 min: whoever calls each unanswered role in the call tree. 30 min: the crisis lead, for all but their own.
    at(20);
    await c.notify.tick();
    at(30);
    await c.notify.tick();
    view = await invoke(c, 'notify:deliveries', { workspaceId: 'live', incidentId });
    const recipients = (stage: string) => view.messages.filter((m) => m.stage === stage).map((m) => m.personName).sort();
    const holder = (i: number) => plan.roles[i]!.holder!.name;
    // One message per person and step, naming every unanswered role they call: the crisis lead calls four of them.
    expect(recipients('callTree')).toEqual([holder(0), holder(1), holder(2)].sort());
    expect(recipients('crisisLead')).toEqual([holder(1)]);
    expect(view.messages).toHaveLength(21);
    expect(view.messages.every((m) => m.status === 'sent' || m.status === 'delivered')).toBe(true);

    // Nothing went out twice, and the crisis log has every message with its status.
    at(60);
    await c.notify.tick();
    expect(relay.mails.length + gw.calls.length).toBe(21);
    expect(new Set(relay.mails.map((m) => m.messageId)).size).toBe(relay.mails.length);
    expect(new Set(gw.calls.map((call) => call.headers['idempotency-key'])).size).toBe(gw.calls.length);
    expect(reached(relay, gw)).toHaveLength(21);
    const log = c.crisisLog.list('live', { incidentId, limit: 1000 });
    const codes = (code: string) => log.filter((e) => e.systemCode === code);
    expect(codes('notify.queued')).toHaveLength(21);
    expect(codes('notify.sent').length + codes('notify.delivered').length).toBe(21);
    expect(codes('notify.delivered')).toHaveLength(3);
    expect(codes('notify.escalated')).toHaveLength(11);
    expect(codes('notify.acknowledged')[0]!.body).toContain('téléphone');
    expect(codes('notify.sent').map((e) => e.body)).toContain(`Message à ${holder(0)} (Décideur, Premier appel) envoyé par E-mail`);
  });
});
