// Press desk calls: journalists' inquiries about an incident, answered, declined or reopened; each change is logged.
import { z } from 'zod';
import { call, event } from './define';
import { workspaceIdSchema } from '../domain/workspace';
import { actorSchema, incidentIdSchema } from '../domain/incident';
import { newPressInquirySchema, pressAnswerSchema, pressDeskSchema } from '../domain/press';

const inIncident = z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema });
const oneInquiry = inIncident.extend({ inquiryId: z.number().int().positive(), actor: actorSchema });

export const pressCalls = {
  /** The incident's inquiries, soonest deadline first, with how many were answered on time. */
  'press:list': call(inIncident, pressDeskSchema),
  'press:create': call(inIncident.extend({ inquiry: newPressInquirySchema, actor: actorSchema }), pressDeskSchema),
  'press:answer': call(oneInquiry.extend({ answer: pressAnswerSchema }), pressDeskSchema),
  /** Declines an open inquiry (with the reason given to the journalist) or reopens a closed one. */
  'press:setStatus': call(oneInquiry.extend({ status: z.enum(['open', 'declined']), reason: z.string().trim().max(2000).default('') }), pressDeskSchema),
} as const;

export const pressEvents = {
  'press:changed': event(inIncident),
} as const;
