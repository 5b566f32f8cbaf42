// Contract handlers for `imports:*`.
import type { ImportService } from './importService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const importHandlers = (imports: ImportService): HandlersFor<'imports'> => ({
  'imports:begin': ({ fileName, sizeBytes }) => imports.begin(fileName, sizeBytes),
  'imports:chunk': ({ uploadId, offset, dataBase64 }) => imports.chunk(uploadId, offset, dataBase64),
  'imports:preview': ({ uploadId, delimiter, headerLine }) => imports.preview(uploadId, { delimiter, headerLine }),
  'imports:run': (request) => imports.run(request),
  'imports:cancel': ({ runId }) => imports.cancel(runId),
  'imports:status': ({ runId }) => imports.status(runId),
  'imports:unmatched': ({ runId, afterLine, limit }) => imports.unmatched(runId, afterLine, limit),
});
