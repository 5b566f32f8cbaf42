// The crisis log's tamper evidence: each record's SHA-256 covers its content and the previous record's hash.
import { createHash } from 'node:crypto';

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

/**
 * A JSON array in a fixed field order is canonical: strings, integers and null serialise one way only,
 * so the same content always gives the same bytes whatever the object's key order.
 */
export function canonicalise(r: ChainedRecord): string {
  return JSON.stringify([
    'tocsin-log-v1',
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

export const chainHash = (r: ChainedRecord): string => createHash('sha256').update(canonicalise(r), 'utf8').digest('hex');
