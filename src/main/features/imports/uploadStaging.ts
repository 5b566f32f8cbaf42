// Holds files the renderer sends in chunks (one RPC body stays small) until they are previewed and imported.
import { randomUUID } from 'node:crypto';
import { failure } from '../../platform/i18n/failure';

export interface StagedFile {
  readonly id: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  received: number;
  touchedAt: number;
}

export interface StagingLimits {
  readonly maxFileBytes: number;
  /** Older uploads are dropped beyond this many, so abandoned wizards do not pile up in memory. */
  readonly maxFiles: number;
  readonly ttlMs: number;
}

export class UploadStaging {
  readonly #files = new Map<string, StagedFile>();

  constructor(
    private readonly limits: StagingLimits,
    private readonly now: () => number,
  ) {}

  begin(fileName: string, sizeBytes: number): string {
    if (sizeBytes > this.limits.maxFileBytes) {
      throw failure('PAYLOAD_TOO_LARGE', 'imports.failures.tooLarge', {
        file: fileName,
        size: megabytes(sizeBytes),
        limit: megabytes(this.limits.maxFileBytes),
      });
    }
    if (sizeBytes === 0) throw failure('INVALID_INPUT', 'imports.failures.empty', { file: fileName });
    this.#expire();
    while (this.#files.size >= this.limits.maxFiles) this.#files.delete(this.#files.keys().next().value!);
    const id = randomUUID();
    this.#files.set(id, { id, fileName, bytes: new Uint8Array(sizeBytes), received: 0, touchedAt: this.now() });
    return id;
  }

  /** Chunks arrive in order; a chunk at the wrong offset or past the announced size is refused. */
  append(id: string, offset: number, chunk: Uint8Array): number {
    const file = this.#find(id);
    if (offset !== file.received) throw failure('CONFLICT', 'imports.failures.chunkOffset', { expected: file.received, got: offset });
    if (offset + chunk.byteLength > file.bytes.byteLength) {
      throw failure('PAYLOAD_TOO_LARGE', 'imports.failures.largerThanAnnounced');
    }
    file.bytes.set(chunk, offset);
    file.received += chunk.byteLength;
    file.touchedAt = this.now();
    return file.received;
  }

  /** The complete file; refused while chunks are missing. */
  get(id: string): StagedFile {
    const file = this.#find(id);
    if (file.received !== file.bytes.byteLength) {
      throw failure('CONFLICT', 'imports.failures.notFullyReceived', { file: file.fileName, received: file.received, size: file.bytes.byteLength });
    }
    file.touchedAt = this.now();
    return file;
  }

  discard(id: string): void {
    this.#files.delete(id);
  }

  #find(id: string): StagedFile {
    this.#expire();
    const file = this.#files.get(id);
    if (!file) throw failure('NOT_FOUND', 'imports.failures.uploadExpired');
    return file;
  }

  #expire(): void {
    const limit = this.now() - this.limits.ttlMs;
    for (const [id, file] of this.#files) if (file.touchedAt < limit) this.#files.delete(id);
  }
}

const megabytes = (bytes: number): string => (bytes / 1_048_576).toFixed(1);
