// The imports feature: monitoring-tool exports (CSV, XLSX, JSON) staged, previewed, mapped and ingested, within
// the limits the app runs with.
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/domain/fileImport';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { importHandlers } from './handlers';
import { ImportService, type MentionSink } from './importService';
import { UploadStaging } from './uploadStaging';

const MAX_XLSX_INFLATED_BYTES = 512 * 1024 * 1024;

export function createImports(deps: {
  sink: MentionSink;
  events: EventBus;
  now: () => number;
  /** The kind of a saved source, or undefined when there is none: a file goes only into a file-import source. */
  sourceKind: (workspaceId: string, sourceId: number) => string | undefined;
}): FeatureModule {
  const staging = new UploadStaging({ maxFileBytes: MAX_IMPORT_FILE_BYTES, maxFiles: 4, ttlMs: 2 * 3_600_000 }, deps.now);
  const service = new ImportService({
    staging,
    sink: deps.sink,
    publish: (progress) => deps.events.emit('imports:progress', progress),
    maxInflatedBytes: MAX_XLSX_INFLATED_BYTES,
    sourceKind: deps.sourceKind,
  });
  return { handlers: importHandlers(service) };
}
