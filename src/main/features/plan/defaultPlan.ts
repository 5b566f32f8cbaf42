// The default FR/EN plan shipped in resources/plans, bundled into main so it needs no file lookup at run time.
import defaultPlanJson from '../../../../resources/plans/default-plan.json';
import { crisisPlanSchema, type CrisisPlan } from '../../../shared/domain/plan';

export const loadDefaultPlan = (): CrisisPlan => crisisPlanSchema.parse(defaultPlanJson);
