// Exercise calls: rehearsal workspaces kept in their own database files, apart from live data.
import { z } from 'zod';
import { call } from './define';
import { workspaceSchema } from '../domain/workspace';

export const exerciseCalls = {
  /** Creates an exercise workspace (its own database) with a copy of the live crisis plan. */
  'exercises:create': call(z.object({ name: z.string().trim().min(1).max(120) }), workspaceSchema),
} as const;
