// Hostile plan revisions in one process: two cores whose cell contexts share one automerge-repo. A revision in
// Bob's document that Bob's key did not sign, and one Bob signed whose plan fails the plan's checks, are both
// refused on Alice's laptop with a worded reason, and her plan stays the valid one.
import { randomUUID, generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { signPlanChange, type PlanChangesDocument } from '../../../../../src/main/features/plan/sharedPlan/planChange';
import { useTempDirs } from '../../../../support/tempDir';
import { deviceIdOf, memberContext, sharedCell } from '../../../../support/sharedCell';
import { invoke, makeTestCore } from '../../../../support/testCore';

const newDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));
const ws = { workspaceId: 'live' };

describe('shared plan refusals', () => {
  it('refuses a forged revision and one that breaks the plan, each with why, and keeps the valid plan', async () => {
    const cell = sharedCell();
    const listeners: (() => void)[] = [];
    const [a, b] = [makeTestCore(newDir()), makeTestCore(newDir())];
    cores.push(a, b);
    const first = await invoke(a, 'plan:get', ws);
    const original = await invoke(a, 'plan:save', { ...ws, baseRevision: first.revision, plan: { ...first.plan, metadata: { ...first.plan.metadata, organisation: 'Alpha SA' } }, note: '' });
    const contextA = memberContext(cell, deviceIdOf(0), 'Alice', listeners);
    await a.plans.shared.attach(contextA);
    const contextB = memberContext(cell, deviceIdOf(1), 'Bob', listeners);
    await b.plans.shared.attach(contextB);
    for (const listener of listeners) listener();
    await vi.waitFor(async () => expect((await invoke(b, 'plan:get', ws)).plan).toEqual(original.plan));

    const bob = await cell.repo.find<PlanChangesDocument>(cell.documents.get(deviceIdOf(1))!);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const revision = (ops: unknown[], signer: (data: Buffer) => Buffer) =>
      signPlanChange({ id: randomUUID(), device: deviceIdOf(1), hlc: '999999999999990.000000', at: new Date().toISOString(), kind: 'edit', origin: 'edit', by: '', note: 'hostile', lesson: '', ops: JSON.stringify(ops) }, signer);
    const forged = revision([{ op: 'set', path: ['metadata', 'organisation'], value: 'Forged' }], (data) => sign(null, data, stranger));
    const broken = revision([{ op: 'set', path: ['metadata', 'organisation'], value: '' }], (data) => contextB.sign(data));
    bob.change((doc) => {
      doc.changes[forged.id] = forged;
      doc.changes[broken.id] = broken;
    });

    const refusals = await vi.waitFor(async () => {
      const list = await invoke(a, 'plan:refusals', ws);
      expect(list).toHaveLength(2);
      return list;
    });
    const byGenuine = new Map(refusals.map((r) => [r.genuine, r]));
    expect(byGenuine.get(false)).toMatchObject({ member: 'Bob', note: 'hostile', wording: { key: 'plan.cell.notGenuine' } });
    expect(byGenuine.get(true)).toMatchObject({
      changeId: broken.id,
      member: 'Bob',
      reason: 'The plan revision from Bob was refused: with it the plan fails 1 check. The plan stays as it was before it.',
      wording: { key: 'plan.cell.refused', values: { member: 'Bob', count: 1 } },
      issues: [expect.objectContaining({ path: 'metadata.organisation' })],
    });
    const after = await invoke(a, 'plan:get', ws);
    expect(after.plan).toEqual(original.plan);
    // Bob's laptop refuses both alike: the forgery in his own document too.
    await vi.waitFor(async () => expect(await invoke(b, 'plan:refusals', ws)).toHaveLength(2));
    expect((await invoke(b, 'plan:get', ws)).plan).toEqual(original.plan);
  });
});
