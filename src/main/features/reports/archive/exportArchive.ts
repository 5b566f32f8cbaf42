// Writes the incident archive (JSON, schema in resources/archive/incident-archive.schema.json), signed with
// the workspace's device key so another laptop can tell it from a forgery.
import { ARCHIVE_FORMAT, ARCHIVE_TABLES, ARCHIVE_VERSION, type IncidentArchive } from '../../../../shared/domain/incidentArchive';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { SigningKey } from '../../security';
import type { ArchiveRepository } from '../archiveRepository';
import type { Checkpoint, JobOutput } from '../exportJobs';
import { exportFileName } from '../exportFileName';
import type { ReportSources } from '../reportData';
import { scopeWindow } from '../../incidents';

export interface ArchiveExportInput {
  readonly sources: ReportSources;
  readonly archive: ArchiveRepository;
  readonly workspaceId: WorkspaceId;
  readonly incidentId: string;
  readonly now: Date;
  readonly signingKey: SigningKey;
  /** Keep what identifies the customers of the compensation register (left empty otherwise). */
  readonly includePersonalData: boolean;
}

/** The archive's rows are the table's own: the columns of withoutPersonalData, by their stored names. */
const withoutCustomer = (row: IncidentArchive['tables']['compensation_cases'][number]): IncidentArchive['tables']['compensation_cases'][number] => ({ ...row, customer: '', what_happened: '', reference: '', mention_id: null });

export async function exportArchive({ sources, archive, workspaceId, incidentId, now, signingKey, includePersonalData }: ArchiveExportInput, checkpoint: Checkpoint): Promise<JobOutput> {
  const incident = sources.incident(workspaceId, incidentId);
  const workspace = sources.workspace(workspaceId);
  const period = scopeWindow(incident.scope, now);
  const scope = { incidentId, watchIds: period.watchIds, fromIso: period.from, toIso: period.to };
  const tables = {} as IncidentArchive['tables'];
  for (const [i, table] of ARCHIVE_TABLES.entries()) {
    await checkpoint('rows', (i + 1) / (ARCHIVE_TABLES.length + 1));
    tables[table] = archive.read(table, scope);
  }
  if (!includePersonalData) tables.compensation_cases = tables.compensation_cases.map(withoutCustomer);
  const integrity = sources.verifyLog(workspaceId);
  const unsigned: Omit<IncidentArchive, 'signature'> = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now.toISOString(),
    incidentId,
    workspace: { kind: workspace.kind, displayName: workspace.settings.displayName, organisation: workspace.settings.organisation },
    logHeadHash: integrity.headHash,
    signer: { algorithm: 'ed25519', publicKey: signingKey.publicKey, fingerprint: signingKey.fingerprint },
    window: { from: scope.fromIso, to: scope.toIso },
    tables,
    personalData: includePersonalData,
  };
  await checkpoint('finish', 0.95);
  const signed = JSON.stringify(unsigned);
  const document: IncidentArchive = { ...unsigned, signature: signingKey.sign(Buffer.from(signed, 'utf8')) };
  return {
    fileName: exportFileName('archive', incident.title, now, 'json'),
    mimeType: 'application/json',
    bytes: Buffer.from(JSON.stringify(document), 'utf8'),
  };
}
