// Builds the import service with the limits the app runs with.
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/domain/fileImport';
import type { EventBus } from '../../platform/events/eventBus';
import { ImportService, type MentionSink } from './importService';
import { UploadStaging } from './uploadStaging';

const MAX_XLSX_INFLATED_BYTES = 512 * 1024 * 1024;

export function createImports(
  sink: MentionSink,
  events: EventBus,
  now: () => number,
  sourceKind: (workspaceId: string, sourceId: number) => string | undefined,
): ImportService {
  const staging = new UploadStaging({ maxFileBytes: MAX_IMPORT_FILE_BYTES, maxFiles: 4, ttlMs: 2 * 3_600_000 }, now);
  return new ImportService({
    staging,
    sink,
    publish: (progress) => events.emit('import:progress', progress),
    maxInflatedBytes: MAX_XLSX_INFLATED_BYTES,
    sourceKind,
  });
}
