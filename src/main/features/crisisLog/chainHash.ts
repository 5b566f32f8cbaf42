// The crisis log's tamper evidence: each record's link is an HMAC-SHA256, under the workspace's chain key,
// of its content and the previous record's link. Without the key (kept by the key ring, not the database)
// nobody can re-chain the log after changing it. Logs written before migration 17 used a plain SHA-256.
import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** Every stored column except the hash itself, in one fixed order. */
export interface ChainedRecord {
  readonly seq: number;
  readonly id: string;
  readonly record: string;
  readonly incidentId: string | null;
  readonly kind: string | null;
  readonly occurredAt: string;
  readonly enteredAt: string;
  readonly author: string;
  readonly authorRole: string | null;
  readonly body: string;
  readonly source: string | null;
  readonly verification: string | null;
  readonly pinned: number;
  readonly refId: string | null;
  readonly systemCode: string | null;
  readonly dataJson: string | null;
  readonly prevHash: string;
}

export interface StoredRecord extends ChainedRecord {
  readonly hash: string;
}

/** A record before it takes its place in the chain. */
export type Unchained = Omit<ChainedRecord, 'seq' | 'prevHash'>;

/**
 * A JSON array in a fixed field order is canonical: strings, integers and null serialise one way only,
 * so the same content always gives the same bytes whatever the object's key order.
 */
function canonicalise(format: string, r: ChainedRecord): string {
  return JSON.stringify([
    format,
    r.seq,
    r.id,
    r.record,
    r.incidentId,
    r.kind,
    r.occurredAt,
    r.enteredAt,
    r.author,
    r.authorRole,
    r.body,
    r.source,
    r.verification,
    r.pinned,
    r.refId,
    r.systemCode,
    r.dataJson,
    r.prevHash,
  ]);
}

/** The unkeyed link of logs written before migration 17, checked once before they are re-chained. */
export const legacyChainHash = (r: ChainedRecord): string => createHash('sha256').update(canonicalise('tocsin-log-v1', r), 'utf8').digest('hex');

export const chainMac = (chainKey: Buffer, r: ChainedRecord): string =>
  createHmac('sha256', chainKey).update(canonicalise('tocsin-log-v2', r), 'utf8').digest('hex');

/** The next link after `head` (undefined for the first record). */
export function link(chainKey: Buffer, head: { seq: number; hash: string } | undefined, record: Unchained): StoredRecord {
  const linked: ChainedRecord = { ...record, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...linked, hash: chainMac(chainKey, linked) };
}
