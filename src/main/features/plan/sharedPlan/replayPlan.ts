// The plan's read model from the cell's revisions: the founder's plan (the cell's base), then every genuine revision
// in clock order (hybrid clock, then laptop, then id), each laptop doing the same, so they all end on the same plan.
// Two revisions setting the same field: the later by clock wins. A revision whose result fails the plan's checks is
// refused, with the checks' worded reasons, and the plan stays what it was before it.
import type { AppError } from '../../../../shared/contract/envelope';
import { crisisPlanSchema, PLAN_SCHEMA_VERSION, type CrisisPlan } from '../../../../shared/domain/plan';
import { hasRoleChanges, roleChanges } from '../../../../shared/domain/planRoles';
import { wordedIssues } from '../../../platform/i18n/zodIssues';
import type { PlanChangeRepository, PlanChangeRow } from '../planChangeRepository';
import { formatIssuePath } from '../planFile';
import type { PlanOrigin, PlanRepository, PlanRevisionRow } from '../planRepository';
import { applyPlanOps, changedPaths, planOpsSchema, type PlanOp } from './planChange';

/** Why a shared revision was not taken: a catalogue key, its values, and for a plan that fails its checks each issue. */
export interface PlanRefusal {
  readonly key: string;
  readonly values?: Record<string, string | number>;
  readonly issues?: AppError['issues'];
}

const MAX_ISSUES = 50;

interface Taken {
  readonly row: PlanChangeRow;
  readonly plan: CrisisPlan;
  readonly paths: string[];
}

/** Replays every change into the read model; whether the plan's revisions changed. */
export function replayPlan(plans: PlanRepository, changes: PlanChangeRepository): boolean {
  const rows = changes.all();
  const refusals = new Map<string, PlanRefusal | null>();
  const genuine = rows.filter((row) => row.genuine === 1);
  for (const row of rows) if (row.genuine !== 1) refusals.set(row.id, { key: 'plan.cell.notGenuine' });
  const base = genuine.find((row) => row.kind === 'base');
  const taken: Taken[] = [];
  let state: CrisisPlan | undefined;
  if (base) {
    const result = resultOf(undefined, base);
    if ('plan' in result) {
      state = result.plan;
      taken.push({ row: base, plan: result.plan, paths: ['(plan)'] });
      refusals.set(base.id, null);
    } else refusals.set(base.id, result.refusal);
  }
  // Until the founder's plan arrives, the cell's revisions apply to the plan this laptop had.
  if (!state) {
    const local = plans.latestLocal();
    if (!local) return false;
    state = crisisPlanSchema.parse(JSON.parse(local.planJson));
  }
  for (const row of genuine) {
    if (row === base) continue;
    if (row.kind === 'base') {
      refusals.set(row.id, { key: 'plan.cell.otherBase' });
      continue;
    }
    const result = resultOf(state, row);
    if ('refusal' in result) {
      refusals.set(row.id, result.refusal);
      continue;
    }
    refusals.set(row.id, null);
    state = result.plan;
    taken.push({ row, plan: result.plan, paths: result.paths });
  }
  for (const row of rows) {
    const refusal = refusals.get(row.id) ?? null;
    const json = refusal && JSON.stringify(refusal);
    if (json !== row.refusalJson) changes.setRefusal(row.id, json);
  }
  return rewrite(plans, taken);
}

function resultOf(state: CrisisPlan | undefined, row: PlanChangeRow): { plan: CrisisPlan; paths: string[] } | { refusal: PlanRefusal } {
  let ops: PlanOp[];
  try {
    const parsed = planOpsSchema.safeParse(JSON.parse(row.opsJson));
    if (!parsed.success) return { refusal: { key: 'plan.cell.unreadable' } };
    ops = parsed.data;
  } catch {
    return { refusal: { key: 'plan.cell.unreadable' } };
  }
  if (row.kind === 'base' && !(ops.length === 1 && ops[0]!.op === 'set' && ops[0]!.path.length === 0)) return { refusal: { key: 'plan.cell.unreadable' } };
  const result = crisisPlanSchema.safeParse(applyPlanOps(state ?? {}, ops));
  if (!result.success) {
    const count = result.error.issues.length;
    return { refusal: { key: 'plan.cell.refused', values: { member: row.memberName ?? row.deviceId, count }, issues: wordedIssues(result.error, formatIssuePath).slice(0, MAX_ISSUES) } };
  }
  return { plan: result.data, paths: changedPaths(ops) };
}

/** Keeps the revisions already in the cell's order, writes the rest again after them. */
function rewrite(plans: PlanRepository, taken: readonly Taken[]): boolean {
  const existing = plans.cellRows();
  let same = 0;
  while (same < existing.length && same < taken.length && existing[same]!.changeId === taken[same]!.row.id) same += 1;
  if (same === existing.length && same === taken.length) return false;
  if (same < existing.length) plans.dropCellRowsFrom(existing[same]!.revision);
  let before = same > 0 ? taken[same - 1]!.plan : undefined;
  for (const { row, plan, paths } of taken.slice(same)) {
    const roles = before && roleChanges(before, plan);
    plans.append(revisionOf(row, plan, paths, roles && hasRoleChanges(roles) ? JSON.stringify(roles) : null));
    before = plan;
  }
  return true;
}

function revisionOf(row: PlanChangeRow, plan: CrisisPlan, paths: string[], roleChangesJson: string | null): Omit<PlanRevisionRow, 'revision'> {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    planJson: JSON.stringify(plan),
    savedAt: row.at,
    origin: row.origin as PlanOrigin,
    author: row.by || (row.memberName ?? ''),
    note: row.note,
    lessonJson: row.lesson || null,
    roleChangesJson,
    changeId: row.id,
    deviceId: row.deviceId,
    pathsJson: JSON.stringify(paths),
  };
}
