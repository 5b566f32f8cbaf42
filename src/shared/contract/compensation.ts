// Compensation register calls: customer cases proposed, approved or rejected by the plan's roles, then delivered.
import { z } from 'zod';
import { call, event } from './define';
import { workspaceIdSchema } from '../domain/workspace';
import { actorSchema, incidentIdSchema } from '../domain/incident';
import { compensationRegisterSchema, newCompensationCaseSchema } from '../domain/compensation';

const inIncident = z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema });
const oneCase = inIncident.extend({ caseId: z.number().int().positive(), actor: actorSchema });

export const compensationCalls = {
  /** The incident's cases with their totals per currency and the roles whose approval a gesture needs. */
  'compensation:list': call(inIncident, compensationRegisterSchema),
  'compensation:propose': call(inIncident.extend({ case: newCompensationCaseSchema, actor: actorSchema }), compensationRegisterSchema),
  /** The actor's role must be one the plan names; one person approves in one role only. */
  'compensation:decide': call(
    oneCase.extend({ decision: z.enum(['approved', 'rejected']), reason: z.string().trim().max(2000).default('') }).refine(
      (input) => input.decision === 'approved' || input.reason.length > 0,
      { message: 'a rejection gives its reason', path: ['reason'], params: { wording: 'compensation.failures.rejectionNeedsReason' } },
    ),
    compensationRegisterSchema,
  ),
  /** The approved gesture was delivered to the customer. */
  'compensation:markDone': call(oneCase, compensationRegisterSchema),
} as const;

export const compensationEvents = {
  'compensation:changed': event(inIncident),
} as const;
