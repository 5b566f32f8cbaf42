// Imports a file through the contract as the wizard does: begin, base64 chunks, preview, run, and the final report.
import type { Core } from '../../src/main/app/createCore';
import { IMPORT_CHUNK_BYTES } from '../../src/shared/contract/imports';
import type { ImportPreview, ImportProgress } from '../../src/shared/domain/fileImport';
import { invoke } from './testCore';

export async function uploadFile(core: Core, name: string, bytes: Uint8Array): Promise<string> {
  const { uploadId } = await invoke(core, 'imports:begin', { fileName: name, sizeBytes: bytes.byteLength });
  for (let offset = 0; offset < bytes.byteLength; offset += IMPORT_CHUNK_BYTES) {
    await invoke(core, 'imports:chunk', { uploadId, offset, dataBase64: Buffer.from(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES)).toString('base64') });
  }
  return uploadId;
}

export function importFinished(core: Core, runId: string): Promise<ImportProgress> {
  return new Promise((resolve, reject) => {
    const stop = core.events.subscribe((name, payload) => {
      const progress = payload as ImportProgress;
      if (name === 'imports:progress' && progress.runId === runId && progress.state !== 'running') {
        stop();
        resolve(progress);
      }
    });
    // The run may have ended before this listener was attached.
    invoke(core, 'imports:status', { runId }).then((progress) => {
      if (progress.state !== 'running') {
        stop();
        resolve(progress);
      }
    }, reject);
  });
}

/** Uploads, previews and imports a file with the mapping the preview suggested. */
export async function importThrough(
  core: Core,
  workspaceId: string,
  sourceId: number,
  name: string,
  bytes: Uint8Array,
  timeZone = 'Europe/Zurich',
): Promise<{ preview: ImportPreview; report: ImportProgress }> {
  const uploadId = await uploadFile(core, name, bytes);
  const preview = await invoke(core, 'imports:preview', { uploadId });
  const started = await invoke(core, 'imports:run', { workspaceId, uploadId, sourceId, mapping: preview.mapping, timeZone });
  return { preview, report: await importFinished(core, started.runId) };
}
