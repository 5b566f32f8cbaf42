// A watch change as it travels between the cell's laptops: which cell-wide watch, the whole watch as its laptop saved
// it (sources named by their cell-wide ids, since each laptop numbers its own), or its deletion; the laptop's hybrid
// logical clock, and its Ed25519 signature over all of it. Nothing is trusted until the signature holds.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { watchInputSchema } from '../../../../shared/domain/watch';
import { deviceSignatureHolds } from '../../../platform/sync/deviceSignature';

export const watchChangeSchema = z.object({
  id: z.uuid(),
  uid: z.uuid(),
  device: z.string().regex(/^[0-9a-f]{32}$/),
  hlc: z.string().regex(/^\d{15}\.\d{6}$/),
  at: z.iso.datetime(),
  deleted: z.boolean(),
  /** The watch as JSON text (empty for a deletion): read by its schema once the signature holds. */
  watch: z.string().max(200_000),
  signature: z.string().max(200),
});
export type WatchChange = z.infer<typeof watchChangeSchema>;

export const sharedWatchSchema = watchInputSchema.omit({ sourceIds: true }).extend({ sources: z.array(z.uuid()).max(500) });
export type SharedWatch = z.infer<typeof sharedWatchSchema>;

/** One laptop's watch changes, keyed by id, never by position. */
export interface WatchChangesDocument {
  changes: Record<string, WatchChange>;
}

const signedBytes = (c: Omit<WatchChange, 'signature'>): Buffer =>
  Buffer.from(JSON.stringify(['tocsin-watch-change-v1', c.id, c.uid, c.device, c.hlc, c.at, c.deleted, c.watch]), 'utf8');

export const signWatchChange = (change: Omit<WatchChange, 'signature'>, signer: (data: Buffer) => Buffer): WatchChange => ({
  ...change,
  signature: signer(signedBytes(change)).toString('base64'),
});

/** Signed by the key of the laptop it names, unedited, and a deletion or a watch the watch checks accept. */
export function watchChangeHolds(change: WatchChange, publicKeyPem: string | undefined): boolean {
  if (!deviceSignatureHolds(signedBytes(change), change.signature, publicKeyPem)) return false;
  if (change.deleted) return true;
  try {
    return sharedWatchSchema.safeParse(JSON.parse(change.watch)).success;
  } catch {
    return false;
  }
}

export function watchForgeryId(change: WatchChange): string {
  const h = createHash('sha256').update(JSON.stringify(['tocsin-watch-forgery-v1', change.id, change.device, change.signature]), 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
