// Incident report calls: start a PDF report (a job, followed through exports:* and exports:progress) and the
// on-screen reaction analysis of each published statement.
import { z } from 'zod';
import { call } from './define';
import { incidentIdSchema } from '../domain/crisisLog';
import { exportJobSchema, statementReactionSchema } from '../domain/report';
import { languageSchema, workspaceIdSchema } from '../domain/workspace';

const inIncident = z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema });

export const reportCalls = {
  /** Starts the PDF report in the background; the language defaults to the workspace's report language. */
  'reports:generate': call(inIncident.extend({ language: languageSchema.optional() }), exportJobSchema),
  'reports:reactions': call(inIncident, z.array(statementReactionSchema)),
} as const;
