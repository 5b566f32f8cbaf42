// Regulatory reminders go out through the channels: at the plan's fractions of a deadline, the holder of the role
// that answers for the obligation and the crisis lead get an e-mail in their language; a restart sends none twice.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { lead } from '../../../../support/alertPlan';
import { useAlertServers } from '../../../../support/alertBench';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke } from '../../../../support/testCore';

const newDir = useTempDirs();
const CLASSIFIED = Date.parse('2026-03-27T10:00:00Z');
const alerts = useAlertServers(newDir, CLASSIFIED);

describe('regulatory reminders through the channels', () => {
  it('reach the owner and the crisis lead at each fraction, once, across a restart', async () => {
    const bench = await alerts.start();
    const { plan, relay, at } = bench;
    let core = bench.core;
    const incident = await invoke(core, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: 'Fuite de données clients', scenarioId: null, scenarioKind: 'dataBreach', severity: 'critical', summary: '', actor: lead },
    });
    // The board must hear within 2 h; the decision maker answers for it (holder 0, French), the crisis lead is holder 1 (English).
    await invoke(core, 'clocks:classify', { workspaceId: 'live', incidentId: incident.id, obligationId: 'board-2h', awarenessAt: new Date(CLASSIFIED).toISOString(), actor: lead });

    at(59);
    core.clocks.remindDue(['live']);
    await core.notify.tick();
    expect(relay.mails).toHaveLength(0);

    at(60);
    core.clocks.remindDue(['live']);
    await core.notify.tick();
    expect(relay.mails.map((m) => m.to[0]).sort()).toEqual(['holder0@example.test', 'holder1@example.test']);
    const fr = relay.mails.find((m) => m.to[0] === 'holder0@example.test')!.text.replace(/[\u202f\u00a0]/g, ' ');
    expect(fr).toContain('50 % du délai pour « Information du conseil » (Information du conseil d’administration) est écoulé');
    expect(fr).toContain(plan.roles[0]!.name.fr);
    // Due at noon UTC, worded on the firm's wall clock (Zurich, still winter time).
    expect(fr).toMatch(/échéance ven\. 27 mars.*13:00 UTC\+1/);
    const en = relay.mails.find((m) => m.to[0] === 'holder1@example.test')!.text.replace(/[\u202f\u00a0]/g, ' ');
    expect(en).toContain('50 % of the time to “Board informed” (Inform the board) has gone by');
    expect(en).toMatch(/due Fri,? 27 Mar,? 13:00 (CET|GMT\+1)/);

    // The same reminder handed over again queues nothing new.
    const again = { workspaceId: 'live', incidentId: incident.id, ...(await reminderOf(core, incident.id)), fraction: 0.5 };
    core.notify.remind(again);
    await core.notify.tick();
    expect(relay.mails).toHaveLength(2);

    // Restart: nothing is resent; the next fraction (75 %) goes out once.
    core = bench.restart();
    await core.notify.tick();
    core.clocks.remindDue(['live']);
    await core.notify.tick();
    expect(relay.mails).toHaveLength(2);
    at(90);
    core.clocks.remindDue(['live']);
    await core.notify.tick();
    core = bench.restart();
    core.clocks.remindDue(['live']);
    await core.notify.tick();
    expect(relay.mails).toHaveLength(4);
    expect(relay.mails.slice(2).every((m) => m.text.includes('75 %'))).toBe(true);
    expect(new Set(relay.mails.map((m) => m.messageId)).size).toBe(4);

    const view = await invoke(core, 'notify:deliveries', { workspaceId: 'live', incidentId: incident.id });
    expect(view.messages.map((m) => [m.stage, m.roleId, m.status])).toEqual([
      ['reminder', 'decisionMaker', 'sent'],
      ['reminder', 'crisisLead', 'sent'],
      ['reminder', 'decisionMaker', 'sent'],
      ['reminder', 'crisisLead', 'sent'],
    ]);
    const log = core.crisisLog.list('live', { incidentId: incident.id, limit: 1000 });
    expect(log.filter((e) => e.systemCode === 'notify.sent')).toHaveLength(4);
  });
});

async function reminderOf(c: Core, incidentId: string) {
  const { clocks } = await invoke(c, 'clocks:list', { workspaceId: 'live', incidentId });
  const clock = clocks[0]!;
  return {
    clockId: clock.id,
    obligationId: clock.obligation.id,
    stepId: clock.steps[0]!.stepId,
    ownerRole: clock.obligation.ownerRole,
    obligation: clock.obligation.name,
    step: clock.obligation.steps[0]!.name,
    dueAt: clock.steps[0]!.dueAt!,
  };
}
