// The mobilisation domain on its own, in one process: two cores whose cell contexts share one automerge-repo, so
// each laptop's document is the other's at once. A mobilisation made before the cell knew who is who reaches the
// member once they pick their roster entry; their acknowledgement is taken in once, however often it is read.
import { generateKeyPairSync, sign } from 'node:crypto';
import { Repo, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { SharedDomainContext } from '../../../../../src/main/platform/sync/sharedDomain';
import { crisisIncident, lead } from '../../../../support/alertPlan';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';

const newDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

function cellOf(names: string[]) {
  const repo = new Repo({ network: [] });
  const members = new Map<string, { name: string; publicKeyPem: string; person: string | null }>();
  const documents = new Map<string, AutomergeUrl>();
  const listeners: (() => void)[] = [];
  const laptops = names.map((name, i) => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const deviceId = String(i + 1).repeat(32);
    members.set(deviceId, { name, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), person: null });
    const core = makeTestCore(newDir());
    cores.push(core);
    const context: SharedDomainContext = {
      workspaceId: 'live',
      deviceId,
      repo,
      sign: (data) => sign(null, data, privateKey),
      member: (id) => members.get(id),
      members: () => [...members].map(([id, m]) => ({ deviceId: id, name: m.name, person: m.person })),
      async ownDocument<T>(_domain: string, initial: () => T): Promise<DocHandle<T>> {
        const url = documents.get(deviceId);
        if (url) return repo.find<T>(url);
        const handle = repo.create<T>(initial());
        documents.set(deviceId, handle.url);
        return handle;
      },
      memberDocuments: () => [...documents].map(([id, url]) => ({ deviceId: id, url })),
      onMembersChanged: (listener) => listeners.push(listener),
    };
    return { core, deviceId, context };
  });
  /** A member picks their roster entry: the cell document changes on every laptop. */
  const pick = (deviceId: string, person: string) => {
    members.get(deviceId)!.person = person;
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
