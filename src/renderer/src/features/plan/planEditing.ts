// How editors change the draft plan: a copy-on-write update, and fresh ids for new entries.
import type { CrisisPlan } from '../../../../shared/domain/plan';

export type EditPlan = (change: (draft: CrisisPlan) => void) => void;

export interface PlanEditorProps {
  readonly plan: CrisisPlan;
  readonly edit: EditPlan;
}

/** Ids only need to be unique inside the plan; a short random suffix keeps exported files readable. */
export const newPlanId = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
