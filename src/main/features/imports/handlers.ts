// Contract handlers for `import:*`.
import type { ImportService } from './importService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const importHandlers = (imports: ImportService): HandlersFor<'import'> => ({
  'import:begin': ({ fileName, sizeBytes }) => imports.begin(fileName, sizeBytes),
  'import:chunk': ({ uploadId, offset, dataBase64 }) => imports.chunk(uploadId, offset, dataBase64),
  'import:preview': ({ uploadId, delimiter, headerLine }) => imports.preview(uploadId, { delimiter, headerLine }),
  'import:run': (request) => imports.run(request),
  'import:cancel': ({ runId }) => imports.cancel(runId),
  'import:status': ({ runId }) => imports.status(runId),
});
