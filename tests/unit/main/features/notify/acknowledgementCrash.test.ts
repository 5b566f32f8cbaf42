// An acknowledgement survives its laptop dying right after it was given: two laptops (core processes, own data
// folders, 127.0.0.1–2) in one cell; A mobilises, B acknowledges its call and is SIGKILLed as soon as the answer
// comes back. Started again on its data folder, B still shows the call acknowledged, and A receives it. Found while
// building the cell soak (scripts/soak): the acknowledgement waited in automerge-repo's save throttle, and was lost.
import { afterAll, describe, expect, it } from 'vitest';
import type { CrisisPlan } from '../../../../../src/shared/domain/plan';
import { crisisIncident, lead, withReachableRoles } from '../../../../support/alertPlan';
import { cellOf, Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 180_000;

let a: Laptop;
let b: Laptop;

useLaptops(2, tempDir, SCENARIO_MS, (laptops) => ([a, b] = laptops));

afterAll(() => [a, b].forEach((laptop) => laptop?.kill()));

describe('acknowledgement across a crash', () => {
  it(
    'keeps an acknowledgement given just before the laptop was killed, and delivers it',
    async () => {
      await a.call('cell:create', { ...ws, memberName: 'Alice', roles: ['lead'] });
      await a.call('cell:start', { ...ws, host: '127.0.0.1' });
      await b.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: 'Bob', roles: [], host: '127.0.0.2' });
      const stored = await a.call('plan:get', ws);
      const plan: CrisisPlan = withReachableRoles(stored.plan);
      await a.call('plan:save', { ...ws, baseRevision: stored.revision, plan });
      const role = plan.roles[0]!;
      await b.call('cell:profile', { ...ws, memberName: 'Bob', roles: [], personName: role.holder!.name });
      await until(() => cellOf(a), (s) => s.members.some((m) => m.personName !== null));

      const incident = await a.call('incidents:open', { ...ws, incident: structuredClone(crisisIncident) });
      const mobilisationId = (await a.call('incidents:mobilise', { ...ws, incidentId: incident.id, actor: lead })).mobilisation!.id;
      await until(() => b.call('notify:mine', ws), (calls) => calls.length === 1);
      // A's link to B is cut first, so the acknowledgement can only reach A from B's own store after the restart.
      await a.call('cell:stop', ws);
      const answered = await b.call('notify:acknowledgeMine', { ...ws, mobilisationId, roleId: role.id });
      b.kill();
      expect(answered[0]?.acknowledgedAt).not.toBeNull();

      b = b.restarted();
      await b.ready;
      const mine = await until(() => b.call('notify:mine', ws), (calls) => calls.length === 1, 30_000);
      expect(mine[0]?.acknowledgedAt).toBe(answered[0]?.acknowledgedAt);
      await a.call('cell:start', { ...ws, host: '127.0.0.1' });
      const view = await until(() => a.call('notify:deliveries', { ...ws, incidentId: incident.id }), (v) => v.laptopAcknowledgements.length === 1, 60_000);
      expect(view.laptopAcknowledgements[0]).toMatchObject({ roleId: role.id, memberName: 'Bob', genuine: true });
    },
    SCENARIO_MS,
  );
});
