// The idempotency key of an outbox row, derived from what it publishes (statement, exact content, channel,
// language) rather than drawn at random: every laptop of the cell that queues the same approved text sends the same
// Idempotency-Key, so a server that saw it once posts nothing twice, even for two laptops cut off from each other.
import { createHash } from 'node:crypto';

export function idempotencyKeyFor(statementId: string, contentHash: string, channel: string, language: string): string {
  const h = createHash('sha256').update(JSON.stringify(['tocsin-outbox-key-v1', statementId, contentHash, channel, language]), 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
