// A plan revision as it travels between laptops: what it changed, field by field, signed by its laptop; and the
// replay that gives every laptop the same plan whatever order the revisions arrived in: edits of different parts
// both kept, the later by clock winning on the same field, and a revision that breaks the plan refused with why.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadDefaultPlan } from '../../../../../src/main/features/plan/defaultPlan';
import { PlanChangeRepository, type PlanChangeRow } from '../../../../../src/main/features/plan/planChangeRepository';
import { PlanRepository } from '../../../../../src/main/features/plan/planRepository';
import { applyPlanOps, planChangeHolds, planDiff, planForgeryId, signPlanChange, type PlanChange, type PlanOp } from '../../../../../src/main/features/plan/sharedPlan/planChange';
import { replayPlan, type PlanRefusal } from '../../../../../src/main/features/plan/sharedPlan/replayPlan';
import { LATEST_VERSION } from '../../../../../src/main/platform/db/migrations';
import type { CrisisPlan } from '../../../../../src/shared/domain/plan';
import { databaseAt } from '../../../../support/migrations';

const json = (plan: CrisisPlan): CrisisPlan => JSON.parse(JSON.stringify(plan)) as CrisisPlan;
const base = json(loadDefaultPlan());
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const laptop = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signer: (data: Buffer) => sign(null, data, privateKey), pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
let n = 0;
const change = (device: string, hlc: string, kind: PlanChange['kind'], ops: PlanOp[], signer = laptop().signer): PlanChange =>
  signPlanChange({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, device, hlc, at: '2026-12-07T10:00:00.000Z', kind, origin: kind === 'base' ? 'default' : 'edit', by: '', note: `n${n}`, lesson: '', ops: JSON.stringify(ops) }, signer);
const rowOf = (c: PlanChange, genuine = true): PlanChangeRow => ({
  id: genuine ? c.id : planForgeryId(c),
  deviceId: c.device,
  memberName: c.device === A ? 'Alice' : 'Bob',
  hlc: c.hlc,
  at: c.at,
  kind: c.kind,
  origin: c.origin,
  by: c.by,
  note: c.note,
  lesson: c.lesson,
  opsJson: c.ops,
  signature: c.signature,
  genuine: genuine ? 1 : 0,
  refusalJson: null,
});
const edited = (edit: (plan: CrisisPlan) => void): CrisisPlan => {
  const plan = structuredClone(base);
  edit(plan);
  return plan;
};

describe('shared plan revisions', () => {
  it('carries only what changed, and gives back the edited plan, lists reordered and entries added or removed', () => {
    const after = edited((p) => {
      p.roles[0]!.mission.en = 'Decide';
      p.roles.reverse();
      p.templates = p.templates.filter((t) => t.id !== 'reply-offline');
      p.scenarios.forEach((s) => (s.templateIds = s.templateIds.filter((id) => id !== 'reply-offline')));
      p.contacts.push({ ...structuredClone(p.contacts[0]!), id: 'press-new', name: 'New desk' });
      p.metadata.version = '9';
    });
    const ops = planDiff(base, after);
    expect(applyPlanOps(base, ops)).toEqual(after);
    expect(ops.find((op) => op.op === 'set' && op.path.join() === 'metadata,version')).toBeDefined();
    expect(ops.some((op) => op.op === 'set' && op.path.length === 0)).toBe(false);
    expect(planDiff(base, structuredClone(base))).toEqual([]);
  });

  it('holds only with the signing laptop’s key, unedited', () => {
    const a = laptop();
    const good = change(A, '000000000000001.000000', 'edit', [{ op: 'set', path: ['metadata', 'version'], value: '2' }], a.signer);
    expect(planChangeHolds(good, a.pem)).toBe(true);
    expect(planChangeHolds(good, laptop().pem)).toBe(false);
    expect(planChangeHolds({ ...good, ops: JSON.stringify([{ op: 'set', path: ['metadata', 'version'], value: '3' }]) }, a.pem)).toBe(false);
    expect(planChangeHolds({ ...good, note: 'other' }, a.pem)).toBe(false);
  });

  it('ends on the same plan whatever order revisions arrive in; a revision breaking the plan is refused with its checks’ words', () => {
    const opening = change(A, '000000000000001.000000', 'base', [{ op: 'set', path: [], value: base }]);
    // A and B edit different roles and the same field at once; the later by clock wins the field.
    const aEdit = change(A, '000000000000005.000000', 'edit', planDiff(base, edited((p) => {
      p.roles[0]!.mission.en = 'A mission';
      p.metadata.version = 'A';
    })));
    const bEdit = change(B, '000000000000004.000000', 'edit', planDiff(base, edited((p) => {
      p.roles[1]!.mission.en = 'B mission';
      p.metadata.version = 'B';
    })));
    // A drops a template (and where it was named); B, not knowing, names it in another scenario: merged, the plan
    // would name a template it no longer has.
    const aDrop = change(A, '000000000000006.000000', 'edit', planDiff(base, edited((p) => {
      p.templates = p.templates.filter((t) => t.id !== 'holding-strike');
      p.scenarios.find((s) => s.id === 'strike')!.templateIds.shift();
    })));
    const bName = change(B, '000000000000007.000000', 'edit', planDiff(base, edited((p) => p.scenarios.find((s) => s.id === 'fakeNews')!.templateIds.push('holding-strike'))));
    const forged = { ...change(B, '000000000000008.000000', 'edit', [{ op: 'set', path: ['metadata', 'organisation'], value: 'Forged' }]) };
    const rows = [rowOf(opening), rowOf(aEdit), rowOf(bEdit), rowOf(aDrop), rowOf(bName), rowOf(forged, false)];
    const arrivals = [rows, [...rows].reverse(), [rows[4]!, rows[1]!, rows[5]!, rows[0]!, rows[3]!, rows[2]!]];
    const results = arrivals.map((arrival) => {
      const db = databaseAt(LATEST_VERSION);
      const plans = new PlanRepository(db);
      const changes = new PlanChangeRepository(db);
      // Each laptop has a plan of its own before the cell's arrives.
      plans.append({ schemaVersion: 1, planJson: JSON.stringify(edited((p) => (p.metadata.organisation = 'Local'))), savedAt: '2026-12-07T09:00:00.000Z', origin: 'default', author: '', note: '', lessonJson: null, roleChangesJson: null, changeId: null, deviceId: null, pathsJson: null });
      for (const row of arrival) {
        changes.insert(row);
        replayPlan(plans, changes);
      }
      const latest = plans.latest()!;
      const out = {
        plan: JSON.parse(latest.planJson) as CrisisPlan,
        history: plans.history(50).filter((r) => r.changeId).map((r) => [r.changeId, r.author, r.deviceId, r.pathsJson]),
        refusals: changes.all().filter((r) => r.refusalJson).map((r) => [r.id, JSON.parse(r.refusalJson!) as PlanRefusal]),
      };
      db.close();
      return out;
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const [{ plan, history, refusals }] = results as [(typeof results)[0]];
    expect(plan.metadata.organisation).toBe(base.metadata.organisation);
    expect(plan.roles[0]!.mission.en).toBe('A mission');
    expect(plan.roles[1]!.mission.en).toBe('B mission');
    expect(plan.metadata.version).toBe('A');
    expect(plan.templates.some((t) => t.id === 'holding-strike')).toBe(false);
    expect(plan.scenarios.find((s) => s.id === 'fakeNews')!.templateIds).not.toContain('holding-strike');
    // Oldest first in clock order: the base, then Bob's, then Alice's two; each names its laptop and what it changed.
    expect(history.map(([id]) => id).reverse()).toEqual([opening.id, bEdit.id, aEdit.id, aDrop.id]);
    expect(history.at(-2)).toEqual([bEdit.id, 'Bob', B, JSON.stringify(['metadata.version', 'roles.crisisLead.mission.en'])]);
    expect(refusals).toEqual([
      [bName.id, { key: 'plan.cell.refused', values: { member: 'Bob', count: 1 }, issues: [expect.objectContaining({ path: 'scenarios.7.templateIds.4', wording: { key: 'plan.checks.noTemplate', values: { id: 'holding-strike' } } })] }],
      [planForgeryId(forged), { key: 'plan.cell.notGenuine' }],
    ]);
  });
});
