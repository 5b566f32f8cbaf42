// Writes the incident archive (JSON, schema in resources/archive/incident-archive.schema.json).
import { ARCHIVE_FORMAT, ARCHIVE_TABLES, ARCHIVE_VERSION, type IncidentArchive } from '../../../../shared/domain/incidentArchive';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { ArchiveRepository } from '../archiveRepository';
import type { Checkpoint, JobOutput } from '../exportJobs';
import { exportFileName } from '../exportFileName';
import { reportWindow, type ReportSources } from '../reportData';

export interface ArchiveExportInput {
  readonly sources: ReportSources;
  readonly archive: ArchiveRepository;
  readonly workspaceId: WorkspaceId;
  readonly incidentId: string;
  readonly now: Date;
}

export async function exportArchive({ sources, archive, workspaceId, incidentId, now }: ArchiveExportInput, checkpoint: Checkpoint): Promise<JobOutput> {
  const incident = sources.incident(workspaceId, incidentId);
  const workspace = sources.workspace(workspaceId);
  const { from, to } = reportWindow(incident, now);
  const scope = { incidentId, fromIso: new Date(from).toISOString(), toIso: new Date(to).toISOString() };
  const tables = {} as IncidentArchive['tables'];
  for (const [i, table] of ARCHIVE_TABLES.entries()) {
    await checkpoint('rows', (i + 1) / (ARCHIVE_TABLES.length + 1));
    tables[table] = archive.read(table, scope);
  }
  const integrity = sources.verifyLog(workspaceId);
  const document: IncidentArchive = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now.toISOString(),
    incidentId,
    workspace: { kind: workspace.kind, displayName: workspace.settings.displayName, organisation: workspace.settings.organisation },
    logHeadHash: integrity.headHash,
    window: { from: scope.fromIso, to: scope.toIso },
    tables,
  };
  await checkpoint('finish', 0.95);
  return {
    fileName: exportFileName('archive', incident.title, now, 'json'),
    mimeType: 'application/json',
    bytes: Buffer.from(JSON.stringify(document), 'utf8'),
  };
}
