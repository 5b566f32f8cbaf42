// A regulatory clock: an incident classified under one of the plan's obligations, with each step's deadline.
import { z } from 'zod';
import { incidentIdSchema } from './crisisLog';
import { obligationSchema } from './plan';

/**
 * - waiting: its deadline counts from an earlier step not sent yet;
 * - running: due later, not sent;
 * - met: sent by its deadline;
 * - missed: its deadline passed before it was sent (sent late, or not yet).
 */
export const STEP_STATUSES = ['waiting', 'running', 'met', 'missed'] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const clockStepSchema = z.object({
  stepId: z.string(),
  /** When its time started to run (classification, or the sending of the step it counts from). */
  startedAt: z.iso.datetime().nullable(),
  dueAt: z.iso.datetime().nullable(),
  sentAt: z.iso.datetime().nullable(),
  sentBy: z.string().nullable(),
  /** What was sent (reference, channel, summary), as the sender recorded it. */
  sentWhat: z.string().nullable(),
  status: stepStatusSchema,
});
export type ClockStep = z.infer<typeof clockStepSchema>;

export const regulatoryClockSchema = z.object({
  id: z.uuid(),
  incidentId: incidentIdSchema,
  obligation: obligationSchema,
  timeZone: z.string(),
  reminderFractions: z.array(z.number()),
  classifiedAt: z.iso.datetime(),
  classifiedBy: z.string(),
  awarenessAt: z.iso.datetime(),
  steps: z.array(clockStepSchema),
});
export type RegulatoryClock = z.infer<typeof regulatoryClockSchema>;
