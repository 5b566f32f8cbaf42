// Deterministic Bluesky record keys (TIDs): the same outbox part always gets the same rkey, so a resend
// after a lost answer targets the same record instead of creating a second post.
import { createHash } from 'node:crypto';

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** A TID: 53-bit microsecond timestamp and 10-bit clock id, base32-sortable, 13 characters. */
export function tid(micros: bigint, clockId: number): string {
  let value = ((micros & ((1n << 53n) - 1n)) << 10n) | BigInt(clockId & 0x3ff);
  let out = '';
  for (let i = 0; i < 13; i += 1) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

export function recordKeyFor(queuedAt: string, key: string, partIndex: number): string {
  const micros = BigInt(Date.parse(queuedAt)) * 1000n + BigInt(partIndex);
  const clockId = createHash('sha256').update(key).digest().readUInt16BE(0) & 0x3ff;
  return tid(micros, clockId);
}
