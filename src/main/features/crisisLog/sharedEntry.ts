// A crisis log entry as it travels between the cell's laptops: its content, its place in its author laptop's own
// chain (number and the previous entry's signature), its hybrid logical clock, and the author laptop's Ed25519
// signature over all of it. Nothing of it is trusted until the signature holds against the member's key.
import { createHash } from 'node:crypto';
import { ImmutableString } from '@automerge/automerge-repo';
import { z } from 'zod';
import { deviceSignatureHolds } from '../../platform/sync/deviceSignature';

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

/** Distributes over unions: `string | null` becomes `ImmutableString | null`. */
type Immutable<T> = T extends string ? ImmutableString : T;
/** A shared entry as its document holds it: every string immutable (see `putEntry`). */
export type StoredEntry = { [K in keyof SharedEntry]: Immutable<SharedEntry[K]> };

/**
 * One laptop's shared log: entries keyed by id, never by position, so a hostile insertion moves nothing, in pages
 * of `PAGE_SIZE` by the author's entry number. Automerge copies an object's every key and walks its map to build
 * the patch of each change made inside it, so a change to a map of n entries costs O(n) on the writing laptop and
 * on every receiving one: pages keep each change at the size of one page, whatever the length of the log.
 */
export interface SharedLogDocument {
  pages: Record<string, Record<string, StoredEntry>>;
}

export const PAGE_SIZE = 100;
export const pageOf = (n: number): string => String(Math.floor((n - 1) / PAGE_SIZE));

/**
 * Puts an entry into a document being changed. A plain string would become collaborative text, one operation per
 * character, which makes a log document ~20 times slower to load: none of these strings is ever edited in place.
 */
export function putEntry(doc: SharedLogDocument, entry: SharedEntry): void {
  const page = pageOf(entry.n);
  doc.pages[page] ??= {};
  const stored = Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, typeof v === 'string' ? new ImmutableString(v) : v]));
  doc.pages[page][entry.id] = stored as StoredEntry;
}

/** Every entry a document holds, as plain values for the schema to read, with where it sits. */
export function storedEntries(doc: SharedLogDocument): { page: string; key: string; value: unknown }[] {
  return Object.entries(doc.pages ?? {}).flatMap(([page, entries]) => Object.keys(entries ?? {}).map((key) => ({ page, key, value: plain(entries[key]) })));
}

/** Automerge hands out proxies and immutable strings; the schema reads a plain copy. */
export const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

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

export const signatureHolds = (entry: SharedEntry, publicKeyPem: string | undefined): boolean =>
  deviceSignatureHolds(signedBytes(entry), entry.signature, publicKeyPem);

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
