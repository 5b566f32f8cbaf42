// What a laptop does with the incident documents of the cell's members (real automerge-repo documents, in process):
// a change that arrives before its incident's opening waits for it, then both show and are logged once; malformed
// entries are ignored and lose nothing; a forged change, or one found in another laptop's document, is kept as not
// genuine and changes nothing; the laptop's own changes go into its own document, signed.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import * as A from '@automerge/automerge';
import { Repo, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { SHARED_INCIDENT, openingChange } from '../../../../support/incidentOpening';
import { changeHolds, signChange, type ChangeData, type IncidentChangesDocument } from '../../../../../src/main/features/incidents/sharedIncidents/incidentChange';
import type { SharedDomainContext } from '../../../../../src/main/platform/sync/sharedDomain';
import { makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const newDir = useTempDirs();
let core: Core | undefined;
let repo: Repo | undefined;
afterEach(async () => {
  core?.close();
  await repo?.shutdown();
});

interface Member {
  readonly deviceId: string;
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly pem: string;
}
const member = (deviceId: string, name: string): Member => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { deviceId, name, privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
const INCIDENT = SHARED_INCIDENT;
const opening = openingChange();
const signed = <K extends keyof ChangeData>(m: Member, id: string, hlc: string, kind: K, data: ChangeData[K]) =>
  signChange({ id, incidentId: INCIDENT, device: m.deviceId, hlc, at: '2026-12-07T10:00:00.000Z', by: m.name, kind, data: JSON.stringify(data) }, (d) => sign(null, d, m.privateKey));

async function until(ok: () => boolean): Promise<void> {
  const end = Date.now() + 5_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Carol's laptop, following the documents the test publishes for Alice and Bob in its repo. */
async function carolsLaptop() {
  const [laptopCore, laptopRepo] = [makeTestCore(newDir()), new Repo({ network: [] })];
  [core, repo] = [laptopCore, laptopRepo];
  const [me, alice, bob] = [member('c'.repeat(32), 'Carol'), member('a'.repeat(32), 'Alice'), member('b'.repeat(32), 'Bob')];
  const members = new Map([me, alice, bob].map((m) => [m.deviceId, m]));
  const documents: { deviceId: string; url: AutomergeUrl }[] = [];
  const listeners: (() => void)[] = [];
  const laptop = { core: laptopCore, repo: laptopRepo, me, alice, bob, documents, own: undefined as DocHandle<IncidentChangesDocument> | undefined };
  const context: SharedDomainContext = {
    workspaceId: 'live',
    deviceId: me.deviceId,
    repo: laptopRepo,
    sign: (data) => sign(null, data, me.privateKey),
    member: (deviceId) => {
      const m = members.get(deviceId);
      return m && { name: m.name, publicKeyPem: m.pem };
    },
    members: () => [...members.values()].map((m) => ({ deviceId: m.deviceId, name: m.name, person: null })),
    ownDocument: async <T,>(_domain: string, initial: () => T) => {
      const handle = laptopRepo.create<T>(initial());
      laptop.own = handle as unknown as DocHandle<IncidentChangesDocument>;
      documents.push({ deviceId: me.deviceId, url: handle.url });
      return handle;
    },
    memberDocuments: () => documents,
    onMembersChanged: (listener) => listeners.push(listener),
  };
  await laptopCore.incidents.shared.attach(context);
  /** Publishes a member's document where Carol's repo has it at once (or, `far`, where no peer has sent it yet). */
  const publish = (m: Member, changes: IncidentChangesDocument['changes'] | Record<string, unknown>, where: Repo = laptopRepo) => {
    const handle = where.create<IncidentChangesDocument>({ changes } as IncidentChangesDocument);
    documents.push({ deviceId: m.deviceId, url: handle.url });
    for (const listener of listeners) listener();
    return handle;
  };
  return { ...laptop, publish };
}

describe('incident documents of the cell, taken in', () => {
  it('holds a change until its incident’s opening arrives, then shows and logs both once; ignores malformed entries', async () => {
    const { core, me, alice, bob, publish, ...laptop } = await carolsLaptop();
    const logged = () => core.crisisLog.list('live', { incidentId: INCIDENT }).map((e) => [e.systemCode, e.data?.by]);

    const status = signed(bob, '00000000-0000-4000-8000-000000000002', '000000000000002.000000', 'status', { from: 'active', to: 'stabilised' });
    publish(bob, { [status.id]: status, junk: { id: 'nope' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(core.incidents.list('live')).toEqual([]);

    const opened = signed(alice, '00000000-0000-4000-8000-000000000001', '000000000000001.000000', 'opened', opening);
    publish(alice, { [opened.id]: opened });
    await until(() => core.incidents.list('live').length === 1);
    expect(core.incidents.get('live', INCIDENT)).toMatchObject({ title: 'Fuite', status: 'stabilised', severity: 'high' });
    expect(logged()).toEqual([
      ['incident.opened', 'Alice (Alice)'],
      ['incident.status', 'Bob (Bob)'],
    ].reverse());

    // Signed by another key, or by Alice's own key but found in Bob's document: kept, not genuine, changes nothing.
    const mallory = { ...bob, privateKey: generateKeyPairSync('ed25519').privateKey };
    const forged = signed(mallory, '00000000-0000-4000-8000-000000000003', '999999999999999.000000', 'status', { from: 'stabilised', to: 'closed' });
    const misplaced = signed(alice, '00000000-0000-4000-8000-000000000004', '999999999999999.000001', 'severity', { from: 'high', to: 'low' });
    publish(bob, { [forged.id]: forged, [misplaced.id]: misplaced });
    await until(() => (core.incidents.get('live', INCIDENT).cellChanges ?? []).length === 4);
    expect(core.incidents.get('live', INCIDENT)).toMatchObject({ status: 'stabilised', severity: 'high' });
    expect(core.incidents.get('live', INCIDENT).cellChanges!.map((c) => [c.kind, c.to, c.genuine])).toEqual([
      ['opened', 'active', true],
      ['status', 'stabilised', true],
      ['status', 'closed', false],
      ['severity', 'low', false],
    ]);
    expect(logged()).toHaveLength(2);

    // This laptop's own change goes into its own document, signed with its key, and is logged once.
    core.incidents.setSeverity('live', INCIDENT, 'critical', { author: 'Carol', authorRole: null });
    const mine = Object.values(laptop.own!.doc().changes);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ device: me.deviceId, kind: 'severity', by: 'Carol' });
    expect(changeHolds(JSON.parse(JSON.stringify(mine[0])), me.pem)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(logged().filter(([code]) => code === 'incident.severity')).toHaveLength(1);
  });

  it('takes in a member document no peer had sent when it was followed, from the change that brings it', async () => {
    const { core, repo, alice, publish } = await carolsLaptop();
    const far = new Repo({ network: [] });
    const opened = signed(alice, '00000000-0000-4000-8000-000000000001', '000000000000001.000000', 'opened', opening);
    const sent = publish(alice, { [opened.id]: opened }, far);
    const held = await repo.find<IncidentChangesDocument>(sent.url, { allowableStates: ['unavailable'] });
    expect(held.isReady()).toBe(false);
    // What automerge-repo's synchronizer does when a peer's sync message brings the document: one change, and the
    // handle is ready only after it.
    held.update((doc) => A.merge(doc, A.clone(sent.doc())));
    await until(() => core.incidents.list('live').length === 1);
    expect(core.incidents.get('live', INCIDENT)).toMatchObject({ title: 'Fuite', status: 'active' });
    await far.shutdown();
  });
});
