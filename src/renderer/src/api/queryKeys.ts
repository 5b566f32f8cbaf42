// Every TanStack Query key in one place, so push events know exactly what to invalidate.
import type { WorkspaceId } from '../../../shared/domain/workspace';

export const queryKeys = {
  system: ['system'] as const,
  security: ['security'] as const,
  signingKey: (id: WorkspaceId) => ['security', 'signingKey', id] as const,
  network: (id: WorkspaceId) => ['network', id] as const,
  backups: (id: WorkspaceId) => ['backups', id] as const,
  workspaces: ['workspaces'] as const,
  workspace: (id: WorkspaceId) => ['workspaces', id] as const,
  plan: (id: WorkspaceId) => ['plan', id] as const,
  exerciseRun: (id: WorkspaceId) => ['exerciseRun', id] as const,
  lastExercisePlayed: ['lastExercisePlayed'] as const,
  lessons: (id: WorkspaceId) => ['lessons', id] as const,
  cell: (id: WorkspaceId) => ['cell', id] as const,
  watches: (id: WorkspaceId) => ['watches', id] as const,
  sources: (id: WorkspaceId) => ['sources', id] as const,
  /** Prefix of every mention query (stream, detail, rollups) of a workspace. */
  mentions: (id: WorkspaceId) => ['mentions', id] as const,
  crisisLog: (id: WorkspaceId) => ['crisisLog', id] as const,
  /** Prefix of every statement query of a workspace (lists, details, outbox). */
  composer: (id: WorkspaceId) => ['composer', id] as const,
  incidents: (id: WorkspaceId) => ['incidents', id] as const,
  incident: (id: WorkspaceId, incidentId: string) => ['incidents', id, incidentId] as const,
  clocks: (id: WorkspaceId, incidentId: string) => ['clocks', id, incidentId] as const,
  press: (id: WorkspaceId, incidentId: string) => ['press', id, incidentId] as const,
  compensation: (id: WorkspaceId, incidentId: string) => ['compensation', id, incidentId] as const,
  deliveries: (id: WorkspaceId, incidentId: string) => ['deliveries', id, incidentId] as const,
  myCalls: (id: WorkspaceId) => ['myCalls', id] as const,
  importRun: (runId: string) => ['importRun', runId] as const,
  liveFeeds: (id: WorkspaceId) => ['liveFeeds', id] as const,
  /** Prefix of every detection query of a workspace (level overview, alerts, settings, backtests). */
  detection: (id: WorkspaceId) => ['detection', id] as const,
  /** Prefix of every dashboard query of a workspace (series and splits of each watch and range). */
  dashboard: (id: WorkspaceId) => ['dashboard', id] as const,
  demo: (id: WorkspaceId) => ['demo', id] as const,
  /** Prefix of the Reports area's queries of a workspace (reaction analysis per incident). */
  reports: (id: WorkspaceId) => ['reports', id] as const,
  exportJob: (jobId: string) => ['exportJob', jobId] as const,
};
