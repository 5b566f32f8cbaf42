// Regulatory clock calls: classify an incident under an obligation, correct the awareness time, record a sent
// notification. Every change is a crisis log entry; reminders are pushed as events.
import { z } from 'zod';
import { call, event } from './define';
import { actorSchema, incidentIdSchema } from '../domain/incident';
import { localizedNameSchema, planIdSchema, roleIdSchema } from '../domain/plan';
import { regulatoryClockSchema } from '../domain/regulatoryClock';
import { workspaceIdSchema } from '../domain/workspace';

const inIncident = z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema });
const inClock = z.object({ workspaceId: workspaceIdSchema, clockId: z.uuid() });

export const clockCalls = {
  /** The incident's clocks, with `now` on the workspace's clock (game time in an exercise) to count down from. */
  'clocks:list': call(inIncident, z.object({ now: z.iso.datetime(), clocks: z.array(regulatoryClockSchema) })),
  'clocks:classify': call(
    inIncident.extend({
      obligationId: planIdSchema,
      /** When the firm became aware of the incident; the clock's deadlines counting from awareness start there. */
      awarenessAt: z.iso.datetime(),
      actor: actorSchema,
    }),
    regulatoryClockSchema,
  ),
  'clocks:setAwareness': call(
    inClock.extend({ awarenessAt: z.iso.datetime(), reason: z.string().trim().min(1).max(1000), actor: actorSchema }),
    regulatoryClockSchema,
  ),
  'clocks:markSent': call(
    inClock.extend({
      stepId: planIdSchema,
      what: z.string().trim().min(1).max(2000),
      /** When it actually went out; now when absent. */
      sentAt: z.iso.datetime().optional(),
      actor: actorSchema,
    }),
    regulatoryClockSchema,
  ),
} as const;

export const clockEvents = {
  'clocks:changed': event(z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema })),
  /** A set fraction of a deadline's time has gone by; its messages are already queued when this is heard. */
  'clocks:reminder': event(
    z.object({
      workspaceId: workspaceIdSchema,
      incidentId: incidentIdSchema,
      clockId: z.uuid(),
      obligationId: z.string(),
      stepId: z.string(),
      /** Who answers for the notification, and the names the reminder gives (as the clock recorded them). */
      ownerRole: roleIdSchema,
      obligation: localizedNameSchema,
      step: localizedNameSchema,
      fraction: z.number(),
      dueAt: z.iso.datetime(),
    }),
  ),
} as const;
