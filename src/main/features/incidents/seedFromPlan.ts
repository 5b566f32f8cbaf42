// Copies what an incident needs from the crisis plan: the roster with holders and instructions, and the
// checklist of the scenario's playbook with H+n deadlines.
import type { CrisisPlan, Playbook, Role, ScenarioKind } from '../../../shared/domain/plan';

export interface Seed {
  readonly roles: readonly Role[];
  readonly playbook: Playbook | null;
  readonly scenarioId: string | null;
}

/** The scenario named, else the plan's first scenario of that kind; no match means no playbook. */
export function seedFromPlan(plan: CrisisPlan, scenarioId: string | null, kind: ScenarioKind): Seed {
  const scenario =
    (scenarioId ? plan.scenarios.find((s) => s.id === scenarioId) : undefined) ??
    plan.scenarios.find((s) => s.kind === kind);
  const playbook = scenario ? (plan.playbooks.find((p) => p.id === scenario.playbookId) ?? null) : null;
  return { roles: plan.roles, playbook, scenarioId: scenario?.id ?? null };
}
