// One human who holds two roles of the plan is one person: one id, one message per step naming both roles, one
// acknowledgement that answers for both, one line on the mobilisation with both roles.
import { describe, expect, it } from 'vitest';
import { lead, mobiliseOnCrisis } from '../../../../support/alertPlan';
import { useAlertServers } from '../../../../support/alertBench';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke } from '../../../../support/testCore';

const newDir = useTempDirs();
const alerts = useAlertServers(newDir, Date.parse('2026-03-02T08:00:00Z'));

describe('one person holding two roles', () => {
  it('has one id, is mobilised once, acknowledges once and is listed once with both roles', async () => {
    // The decision maker also holds the crisis lead's role, entered again by hand (no id), as a plan file would.
    const { core: c, relay, at } = await alerts.start((plan) => {
      const { id: _id, ...same } = plan.roles[0]!.holder!;
      plan.roles[1]!.holder = same;
    });
    const { plan } = await invoke(c, 'plan:get', { workspaceId: 'live' });
    const [decision, lead1] = [plan.roles[0]!, plan.roles[1]!];
    expect(lead1.holder!.id).toBe(decision.holder!.id);
    const ids = plan.roles.flatMap((r) => [r.holder!, ...r.deputies]).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length - 1);

    const incidentId = await mobiliseOnCrisis(c);
    await c.notify.tick();
    const detail = await invoke(c, 'incidents:get', { workspaceId: 'live', incidentId });
    const people = detail.mobilisation!.people;
    expect(people).toHaveLength(9);
    expect(people.filter((p) => p.personName === decision.holder!.name)).toEqual([
      expect.objectContaining({ personId: decision.holder!.id, roleIds: [decision.id, lead1.id], acknowledgedAt: null }),
    ]);

    // One message to them, naming both roles.
    const theirs = relay.mails.filter((m) => m.to[0] === decision.holder!.email);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.text).toContain(decision.name.fr);
    expect(theirs[0]!.text).toContain(lead1.name.fr);
    const first = (await invoke(c, 'notify:deliveries', { workspaceId: 'live', incidentId })).messages.filter((m) => m.stage === 'first');
    expect(first).toHaveLength(9);

    // Acknowledged once, for the crisis lead's role: both roles are answered, neither escalates.
    await invoke(c, 'notify:acknowledge', { workspaceId: 'live', incidentId, roleId: lead1.id, reachedBy: 'phone', actor: lead });
    const after = await invoke(c, 'incidents:get', { workspaceId: 'live', incidentId });
    expect(after.mobilisation!.calls.filter((call) => call.acknowledgedAt !== null).map((call) => call.roleId).sort()).toEqual([decision.id, lead1.id].sort());
    expect(after.mobilisation!.people.find((p) => p.personId === decision.holder!.id)!.acknowledgedAt).not.toBeNull();
    at(10);
    await c.notify.tick();
    const deputies = (await invoke(c, 'notify:deliveries', { workspaceId: 'live', incidentId })).messages.filter((m) => m.stage === 'deputy');
    expect(deputies.map((m) => m.roleId)).not.toContain(decision.id);
    expect(deputies.map((m) => m.roleId)).not.toContain(lead1.id);
    expect(deputies).toHaveLength(8);

    const log = await invoke(c, 'crisisLog:list', { workspaceId: 'live', filter: { incidentId } });
    const codes = log.map((e) => e.systemCode);
    expect(codes.filter((code) => code === 'mobilisation.acknowledged')).toHaveLength(1);
    expect(codes.filter((code) => code === 'notify.acknowledged')).toHaveLength(1);
    expect(log.find((e) => e.systemCode === 'mobilisation.started')!.data!.count).toBe(9);
  });
});
