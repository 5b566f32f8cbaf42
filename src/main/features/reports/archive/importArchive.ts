// Reads an incident archive from another laptop into an empty workspace, for review: validated in full,
// inserted in one transaction, and kept only if the crisis log chain verifies to the head hash it declares.
import { AppFailure } from '../../../../shared/contract/envelope';
import { incidentArchiveSchema } from '../../../../shared/domain/incidentArchive';
import type { LogIntegrity } from '../../../../shared/domain/crisisLog';
import type { WorkspaceKind } from '../../../../shared/domain/workspace';
import type { ArchiveRepository } from '../archiveRepository';

export interface ArchiveImportResult {
  incidentId: string;
  logRecords: number;
  headHash: string | null;
}

export function importArchive(content: string, targetKind: WorkspaceKind, repo: ArchiveRepository, verify: () => LogIntegrity): ArchiveImportResult {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new AppFailure('INVALID_INPUT', 'This file is not JSON: it is not a Tocsin incident archive.');
  }
  const parsed = incidentArchiveSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppFailure(
      'INVALID_INPUT',
      'This file is not a valid Tocsin incident archive (version 1).',
      parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const archive = parsed.data;
  if (archive.workspace.kind !== targetKind) {
    throw new AppFailure('CONFLICT', `This archive comes from an ${archive.workspace.kind} workspace; import it into an ${archive.workspace.kind} workspace so its marking stays right.`);
  }
  if (archive.tables.incidents.length !== 1 || archive.tables.incidents[0]?.id !== archive.incidentId) {
    throw new AppFailure('INVALID_INPUT', 'The archive must hold exactly the one incident it names.');
  }
  if (!repo.isEmpty()) {
    throw new AppFailure('CONFLICT', 'This workspace already holds incidents or a crisis log: import the archive into an empty data folder.');
  }
  let integrity: LogIntegrity | null = null;
  try {
    repo.insertAll(archive.tables, () => {
      integrity = verify();
      if (!integrity.ok || integrity.headHash !== archive.logHeadHash) throw new Error('chain');
    });
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const found = integrity as LogIntegrity | null;
    if (found) {
      throw new AppFailure(
        'CONFLICT',
        found.ok
          ? `The crisis log in the archive ends at ${found.headHash ?? 'nothing'}, not at the head hash it declares (${archive.logHeadHash ?? 'none'}): nothing was imported.`
          : `The crisis log in the archive is broken at record ${found.firstBroken?.seq ?? '?'} (${found.firstBroken?.reason ?? '?'}): nothing was imported.`,
      );
    }
    throw new AppFailure('INVALID_INPUT', `The archive's rows do not fit this version's tables (${error instanceof Error ? error.message : String(error)}): nothing was imported.`);
  }
  return { incidentId: archive.incidentId, logRecords: archive.tables.crisis_log.length, headHash: archive.logHeadHash };
}
