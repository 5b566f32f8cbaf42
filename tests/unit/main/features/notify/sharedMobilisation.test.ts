// The mobilisation domain on its own, in one process: two cores whose cell contexts share one automerge-repo, so
// each laptop's document is the other's at once. A mobilisation made before the cell knew who is who reaches the
// member once they pick their roster entry; their acknowledgement is taken in once, however often it is read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { crisisIncident, lead } from '../../../../support/alertPlan';
import { useTempDirs } from '../../../../support/tempDir';
import { deviceIdOf, memberContext, sharedCell } from '../../../../support/sharedCell';
import { invoke, makeTestCore } from '../../../../support/testCore';

const newDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

function cellOf(names: string[]) {
  const cell = sharedCell();
  const listeners: (() => void)[] = [];
  const laptops = names.map((name, i) => {
    const deviceId = deviceIdOf(i);
    const core = makeTestCore(newDir());
    cores.push(core);
    return { core, deviceId, context: memberContext(cell, deviceId, name, listeners) };
  });
  /** A member picks their roster entry: the cell document changes on every laptop. */
  const pick = (deviceId: string, person: string) => {
    cell.members.get(deviceId)!.person = person;
    for (const listener of listeners) listener();
  };
  return { laptops, pick };
}

const ws = { workspaceId: 'live' };

describe('shared mobilisation', () => {
  it('reaches a member who picks their roster entry after the mobilisation, and takes their acknowledgement in once', async () => {
    const { laptops, pick } = cellOf(['Alice', 'Bob']);
    const [a, b] = laptops as [(typeof laptops)[0], (typeof laptops)[0]];
    const incident = await invoke(a.core, 'incidents:open', { ...ws, incident: structuredClone(crisisIncident) });
    const detail = await invoke(a.core, 'incidents:mobilise', { ...ws, incidentId: incident.id, actor: lead });
    const call = detail.mobilisation!.calls.find((c) => c.roleId === 'legal')!;
    // Mobilised before the cell: published when the laptop's session attaches.
    for (const laptop of laptops) await laptop.core.mobilisation.attach(laptop.context);
    await new Promise((r) => setTimeout(r, 50));
    expect(await invoke(b.core, 'notify:mine', ws)).toEqual([]);

    pick(b.deviceId, call.personName);
    const mine = await vi.waitFor(async () => {
      const calls = await invoke(b.core, 'notify:mine', ws);
      expect(calls).toHaveLength(1);
      return calls;
    });
    expect(mine[0]).toMatchObject({ incidentId: incident.id, roleId: 'legal', personName: call.personName, mobilisedBy: 'Alice', acknowledgedAt: null });

    await invoke(b.core, 'notify:acknowledgeMine', { ...ws, mobilisationId: detail.mobilisation!.id, roleId: 'legal' });
    await vi.waitFor(async () => {
      const view = await invoke(a.core, 'notify:deliveries', { ...ws, incidentId: incident.id });
      expect(view.laptopAcknowledgements).toMatchObject([{ roleId: 'legal', memberName: 'Bob', genuine: true }]);
    });
    // The cell document changes again (the same pick): nothing is taken in twice, nothing published twice.
    pick(b.deviceId, call.personName);
    await new Promise((r) => setTimeout(r, 50));
    const log = a.core.crisisLog.list('live', { incidentId: incident.id, limit: 1000 });
    expect(log.filter((e) => e.systemCode === 'notify.acknowledgedFromLaptop')).toHaveLength(1);
    expect(log.filter((e) => e.systemCode === 'mobilisation.acknowledged')).toHaveLength(1);
    const acknowledged = (await invoke(a.core, 'incidents:get', { ...ws, incidentId: incident.id })).mobilisation!.calls.find((c) => c.roleId === 'legal');
    expect(acknowledged?.acknowledgedAt).not.toBeNull();
    // Acknowledging a call that is not one's own is refused with a clear error.
    await expect(invoke(a.core, 'notify:acknowledgeMine', { ...ws, mobilisationId: detail.mobilisation!.id, roleId: 'legal' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
