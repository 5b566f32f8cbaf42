// Contract handlers for `plan:*`.
import type { PlanService } from './planService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const planHandlers = (plans: PlanService): HandlersFor<'plan'> => ({
  'plan:get': ({ workspaceId }) => plans.get(workspaceId),
  'plan:save': ({ workspaceId, baseRevision, plan, note }) => plans.save(workspaceId, baseRevision, plan, note),
  'plan:history': ({ workspaceId }) => plans.history(workspaceId),
  'plan:refusals': ({ workspaceId }) => plans.refusals(workspaceId),
  'plan:firstStart': ({ workspaceId }) => plans.firstStart(workspaceId),
  'plan:chooseFirst': ({ workspaceId, choice, organisation }) => plans.chooseFirstPlan(workspaceId, choice, organisation),
  'plan:export': ({ workspaceId }) => plans.export(workspaceId),
  'plan:import': ({ workspaceId, content }) => plans.import(workspaceId, content),
  'plan:paperKit': async ({ workspaceId, language }) => {
    const { fileName, pdf } = await plans.paperKit(workspaceId, language);
    return { fileName, pdfBase64: pdf.toString('base64') };
  },
});
