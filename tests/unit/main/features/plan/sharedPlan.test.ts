// The plan across a cell of two laptops (core processes with their own data folders) on loopback: the founder's plan
// becomes the cell's; while Bob is cut off, Alice and Bob each save a revision; once linked again both laptops have
// the same plan (both edits of different parts kept, one winner on the field both set) and the same history naming
// who changed what.
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredPlan } from '../../../../../src/shared/contract/plan';
import { Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 45_000;
/** Bundling the laptop's core and starting two of them, on a busy machine. */
const STARTUP_MS = 120_000;

let a: Laptop;
let b: Laptop;

useLaptops(2, tempDir, STARTUP_MS, (laptops) => ([a, b] = laptops));
afterAll(() => [a, b].forEach((laptop) => laptop?.kill()));

const save = async (laptop: Laptop, note: string, edit: (plan: StoredPlan['plan']) => void): Promise<StoredPlan> => {
  const current = await laptop.call('plan:get', ws);
  const plan = structuredClone(current.plan);
  edit(plan);
  return laptop.call('plan:save', { ...ws, baseRevision: current.revision, plan, note });
};
const linked = async (laptop: Laptop) => (await laptop.call('cell:status', ws)).cell?.members.find((m) => !m.self)?.online === true;
const cellHistory = async (laptop: Laptop) => (await laptop.call('plan:history', ws)).filter((r) => r.cell).map((r) => [r.author, r.cell?.deviceId, r.note, r.cell?.paths]);

describe('shared plan', () => {
  it(
    'merges revisions saved on two laptops while cut off, and both end on the same plan and history',
    async () => {
      await save(a, 'before the cell', (p) => (p.metadata.organisation = 'Alpha SA'));
      await a.call('cell:create', { ...ws, memberName: 'Alice', roles: [] });
      await a.call('cell:start', { ...ws, host: '127.0.0.1' });
      await b.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: 'Bob', roles: [], host: '127.0.0.2' });
      // Bob's laptop takes the cell's plan, the one Alice founded it with.
      const founded = await until(() => b.call('plan:get', ws), (p) => p.plan.metadata.organisation === 'Alpha SA', 15_000);
      expect(founded.plan).toEqual((await a.call('plan:get', ws)).plan);
      await until(() => linked(a), Boolean, 10_000);

      await b.call('cell:stop', ws);
      await until(() => linked(a), (online) => !online, 10_000);
      const onA = await save(a, 'Alice edits', (p) => {
        p.roles[0]!.mission.en = 'Alice’s mission';
        p.metadata.version = 'A';
      });
      const onB = await save(b, 'Bob edits', (p) => {
        p.roles[1]!.mission.en = 'Bob’s mission';
        p.metadata.version = 'B';
      });
      // Cut off, each laptop shows its own edit only.
      expect(onA.plan.roles[1]!.mission.en).not.toBe('Bob’s mission');
      expect(onB.plan.roles[0]!.mission.en).not.toBe('Alice’s mission');

      await b.call('cell:start', { ...ws, host: '127.0.0.2' });
      const [planA, planB] = await until(
        () => Promise.all([a, b].map((laptop) => laptop.call('plan:get', ws))),
        (plans) => plans.every((p) => p.plan.roles[0]!.mission.en === 'Alice’s mission' && p.plan.roles[1]!.mission.en === 'Bob’s mission'),
        15_000,
      );
      expect(planB!.plan).toEqual(planA!.plan);
      expect(['A', 'B']).toContain(planA!.plan.metadata.version);
      const [historyA, historyB] = await Promise.all([a, b].map(cellHistory));
      expect(historyB).toEqual(historyA);
      const deviceOf = async (laptop: Laptop) => (await laptop.call('cell:status', ws)).cell!.deviceId;
      expect(historyA).toEqual(
        expect.arrayContaining([
          ['Alice', await deviceOf(a), 'Alice edits', ['metadata.updatedAt', 'metadata.version', `roles.${planA!.plan.roles[0]!.id}.mission.en`]],
          ['Bob', await deviceOf(b), 'Bob edits', ['metadata.updatedAt', 'metadata.version', `roles.${planA!.plan.roles[1]!.id}.mission.en`]],
        ]),
      );
      expect(await a.call('plan:refusals', ws)).toEqual([]);
    },
    SCENARIO_MS,
  );
});
