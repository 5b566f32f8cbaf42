// Connects the composer to the crisis log: its decisions become system entries, unverified entries feed the check.
import { incidentIdSchema } from '../../../shared/domain/crisisLog';
import type { CrisisLogService } from '../crisisLog';
import type { ComposerLog } from './composerLog';

export function crisisLogForComposer(log: CrisisLogService): ComposerLog {
  return {
    system: (workspaceId, entry) =>
      log.system(workspaceId, {
        ...entry,
        incidentId: incidentIdSchema.safeParse(entry.incidentId).success ? entry.incidentId : null,
        data: entry.data ? { ...entry.data } : undefined,
      }),
    unverified: (workspaceId, incidentId) =>
      log
        .list(workspaceId, {
          ...(incidentId !== null && incidentIdSchema.safeParse(incidentId).success ? { incidentId } : {}),
          kinds: ['information', 'decision', 'action', 'communication', 'handover'],
          verification: ['to_verify', 'being_verified'],
          limit: 500,
        })
        .filter((e) => e.correctedById === null)
        .map((e) => ({ id: e.id, text: e.body })),
  };
}
