// Opens a ZIP archive (an XLSX workbook is one) and inflates the entries asked for while counting the bytes that
// really come out: the sizes an archive declares are only claims, and a few hundred kilobytes can inflate to
// gigabytes (zip bomb). yauzl reads the central directory and stops an entry that inflates past its declared
// size; the running count stops the whole archive at the budget whatever its headers say.
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';
import { inEnglish } from '../../platform/i18n/failure';

/** Why an archive was refused; `reason` tells the reader which sentence to show. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: 'damaged' | 'overBudget' | 'sizesLie',
    message: string,
  ) {
    super(message);
    this.name = 'ZipRefused';
  }
}

export interface ZipEntries {
  /** Entry names as stored (without a leading slash). */
  readonly names: ReadonlySet<string>;
  /** Sum of the uncompressed sizes the archive declares: a claim, checked while inflating. */
  readonly declaredBytes: number;
  /** Bytes inflated so far, over every entry read. */
  readonly inflatedBytes: number;
  /** Hands the entry's inflated bytes to `onChunk` as they come; false when there is no such entry. */
  read(name: string, onChunk: (chunk: Buffer) => void): Promise<boolean>;
  close(): void;
}

export async function openZip(bytes: Uint8Array, budget: number): Promise<ZipEntries> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, file) =>
      error ? reject(new ZipRefused('damaged', error.message)) : resolve(file),
    ),
  );
  let entries: Map<string, Entry>;
  try {
    entries = await listEntries(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  let declaredBytes = 0;
  for (const entry of entries.values()) declaredBytes += entry.uncompressedSize;
  let inflatedBytes = 0;

  return {
    names: new Set(entries.keys()),
    declaredBytes,
    get inflatedBytes() {
      return inflatedBytes;
    },
    async read(name, onChunk) {
      const entry = entries.get(name);
      if (!entry) return false;
      if (inflatedBytes + entry.uncompressedSize > budget) throw overBudget(budget);
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw new ZipRefused('damaged', (error as Error).message);
      }
      await new Promise<void>((resolve, reject) => {
        const stop = (error: ZipRefused): void => {
          stream.destroy();
          reject(error);
        };
        stream.on('data', (chunk: Buffer) => {
          inflatedBytes += chunk.byteLength;
          if (inflatedBytes > budget) return stop(overBudget(budget));
          try {
            onChunk(chunk);
          } catch (error) {
            stream.destroy();
            reject(error as Error);
          }
        });
        stream.on('error', (error: Error) => reject(/too many bytes|too few bytes/.test(error.message) ? new ZipRefused('sizesLie', error.message) : new ZipRefused('damaged', error.message)));
        stream.on('end', resolve);
      });
      return true;
    },
    close: () => zip.close(),
  };
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      // A directory or a duplicate name holds nothing a workbook reader needs; the first of a name wins.
      const name = entry.fileName.replace(/^\/+/, '');
      if (!name.endsWith('/') && !entries.has(name)) entries.set(name, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(new ZipRefused('damaged', error.message)));
    zip.readEntry();
  });
}

const overBudget = (budget: number): ZipRefused => new ZipRefused('overBudget', inEnglish('imports.failures.overBudget', { budget }));
