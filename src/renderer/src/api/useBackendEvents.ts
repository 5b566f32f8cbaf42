// Listens to the backend's push events and invalidates the matching queries: no polling anywhere.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { eventNames, type EventName, type EventPayload } from '../../../shared/contract/index';
import { api } from './client';
import { invalidateLatest } from './invalidateLatest';
import { queryKeys } from './queryKeys';

type Invalidation = { [E in EventName]: (payload: EventPayload<E>) => readonly (readonly unknown[])[] };

const invalidations: Invalidation = {
  'workspaces:changed': ({ workspaceId }) => [
    queryKeys.workspace(workspaceId),
    queryKeys.workspaces,
    queryKeys.network(workspaceId),
  ],
  'security:changed': () => [queryKeys.security],
  // A restore replaced the workspace's whole data: the empty prefix matches every query.
  'backups:changed': ({ workspaceId, restored }) => (restored ? [[]] : [queryKeys.backups(workspaceId)]),
  'plan:changed': ({ workspaceId }) => [queryKeys.plan(workspaceId)],
  'exercises:changed': ({ workspaceId }) => [queryKeys.exerciseRun(workspaceId), queryKeys.lastExercisePlayed],
  'lessons:changed': ({ workspaceId }) => [queryKeys.lessons(workspaceId)],
  'press:changed': ({ workspaceId, incidentId }) => [queryKeys.press(workspaceId, incidentId)],
  'compensation:changed': ({ workspaceId, incidentId }) => [queryKeys.compensation(workspaceId, incidentId)],
  // A deleted watch takes its level and alerts with it, and a renamed one renames them: detection reads again.
  'watches:changed': ({ workspaceId }) => [queryKeys.watches(workspaceId), queryKeys.mentions(workspaceId), queryKeys.dashboard(workspaceId), queryKeys.detection(workspaceId)],
  'sources:changed': ({ workspaceId }) => [queryKeys.sources(workspaceId), queryKeys.network(workspaceId)],
  'mentions:changed': ({ workspaceId }) => [queryKeys.mentions(workspaceId), queryKeys.sources(workspaceId), queryKeys.dashboard(workspaceId), queryKeys.reports(workspaceId)],
  'crisisLog:changed': ({ workspaceId }) => [queryKeys.crisisLog(workspaceId)],
  'composer:changed': ({ workspaceId }) => [queryKeys.composer(workspaceId)],
  'composer:goingOfflineChanged': ({ workspaceId }) => [[...queryKeys.composer(workspaceId), 'goingOffline']],
  'composer:outboxChanged': ({ workspaceId }) => [queryKeys.composer(workspaceId), queryKeys.dashboard(workspaceId), queryKeys.reports(workspaceId)],
  // The list key is a prefix of every incident's key, so one invalidation refreshes list and detail; an incident's
  // response queue follows its scope.
  'incidents:changed': ({ workspaceId }) => [queryKeys.incidents(workspaceId), queryKeys.composer(workspaceId)],
  // Its incidents:changed refreshes the screens.
  'incidents:mobilised': () => [],
  'notify:changed': ({ workspaceId, incidentId }) => [queryKeys.deliveries(workspaceId, incidentId)],
  'notify:mineChanged': ({ workspaceId }) => [queryKeys.myCalls(workspaceId)],
  'detection:alertChanged': ({ workspaceId }) => [queryKeys.detection(workspaceId), queryKeys.dashboard(workspaceId)],
  'detection:levelChanged': ({ workspaceId }) => [queryKeys.detection(workspaceId), queryKeys.dashboard(workspaceId)],
  // Removing the demo takes its mentions and their place in the response queue with it.
  'demo:changed': ({ workspaceId }) => [
    queryKeys.demo(workspaceId),
    queryKeys.watches(workspaceId),
    queryKeys.dashboard(workspaceId),
    queryKeys.mentions(workspaceId),
    queryKeys.composer(workspaceId),
  ],
  'imports:progress': ({ runId, workspaceId, state }) =>
    state === 'running' ? [queryKeys.importRun(runId)] : [queryKeys.importRun(runId), queryKeys.sources(workspaceId)],
  'sources:liveFeedsChanged': ({ workspaceId }) => [queryKeys.liveFeeds(workspaceId)],
  'reports:exportProgress': ({ jobId }) => [queryKeys.exportJob(jobId)],
  'cell:changed': ({ workspaceId }) => [queryKeys.cell(workspaceId)],
  'clocks:changed': ({ workspaceId, incidentId }) => [queryKeys.clocks(workspaceId, incidentId)],
  // A reminder is also a crisis log entry, which arrives with its own event.
  'clocks:reminder': ({ workspaceId, incidentId }) => [queryKeys.clocks(workspaceId, incidentId)],
  'system:eventsMissed': () => [[]],
};

export function useBackendEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const unsubscribers = eventNames.map((name) =>
      api.subscribe(name, (payload) => {
        const keys = (invalidations[name] as (p: unknown) => readonly (readonly unknown[])[])(payload);
        for (const queryKey of keys) void invalidateLatest(client, queryKey);
      }),
    );
    return () => unsubscribers.forEach((off) => off());
  }, [client]);
}
