// A crisis log entry as it travels between the cell's laptops: its content, its place in its author laptop's own
// chain (number and the previous entry's signature), its hybrid logical clock, and the author laptop's Ed25519
// signature over all of it. Nothing of it is trusted until the signature holds against the member's key.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

export const sharedEntrySchema = z.object({
  id: z.uuid(),
  /** 1 for the author laptop's first shared entry, then one more each time. */
  n: z.number().int().positive(),
  /** Signature of the author laptop's entry n - 1, '' for the first. */
  prev: z.string().max(200),
  hlc: z.string().regex(/^\d{15}\.\d{6}$/),
  device: z.string().regex(/^[0-9a-f]{32}$/),
  incidentId: z.uuid().nullable(),
  kind: z.enum(['information', 'decision', 'action', 'communication', 'handover']),
  occurredAt: z.iso.datetime(),
  enteredAt: z.iso.datetime(),
  author: z.string().max(200),
  authorRole: z.string().max(200).nullable(),
  body: z.string().max(20_000),
  source: z.string().max(1_000).nullable(),
  verification: z.enum(['to_verify', 'verified']),
  pinned: z.boolean(),
  correctsId: z.uuid().nullable(),
  signature: z.string().max(200),
});
export type SharedEntry = z.infer<typeof sharedEntrySchema>;

/** One laptop's shared log: entries keyed by id, never by position, so a hostile insertion moves nothing. */
export interface SharedLogDocument {
  entries: Record<string, SharedEntry>;
}

/** Every signed field in one fixed order: the same content always gives the same bytes. */
export const signedBytes = (e: Omit<SharedEntry, 'signature'>): Buffer =>
  Buffer.from(
    JSON.stringify([
      'tocsin-shared-log-v1',
      e.id,
      e.n,
      e.prev,
      e.hlc,
      e.device,
      e.incidentId,
      e.kind,
      e.occurredAt,
      e.enteredAt,
      e.author,
      e.authorRole,
      e.body,
      e.source,
      e.verification,
      e.pinned,
      e.correctsId,
    ]),
    'utf8',
  );

/** Parsing a PEM costs more than checking a signature, and a cell has a handful of laptops: each is parsed once. */
const publicKeys = new Map<string, KeyObject>();
function publicKeyOf(pem: string): KeyObject {
  let key = publicKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    publicKeys.set(pem, key);
  }
  return key;
}

export function signatureHolds(entry: SharedEntry, publicKeyPem: string | undefined): boolean {
  if (!publicKeyPem) return false;
  try {
    return verify(null, signedBytes(entry), publicKeyOf(publicKeyPem), Buffer.from(entry.signature, 'base64'));
  } catch {
    return false;
  }
}

export const signEntry = (entry: Omit<SharedEntry, 'signature'>, signer: (data: Buffer) => Buffer): SharedEntry => ({
  ...entry,
  signature: signer(signedBytes(entry)).toString('base64'),
});

/**
 * The local id of an entry whose signature does not hold: derived from its claimed id, device and signature, so
 * the same forgery has the same id on every laptop, and it can never take the place of the genuine entry it names.
 */
export function forgeryId(entry: SharedEntry): string {
  const h = createHash('sha256').update(JSON.stringify(['tocsin-forgery-v1', entry.id, entry.device, entry.signature]), 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
