// What other parts of the core may use of the plan feature; everything else in this folder is its own.
export { formatIssuePath } from './planFile';
export { PlanService, type FirstPlan } from './planService';
export { createPlan } from './createPlan';
