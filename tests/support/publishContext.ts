// What the outbox hands a publisher for one part, with the usual test values; a test names what it cares about.
import type { PublishContext } from '../../src/main/features/composer/outbox/publisher';
import { createOutboundGate } from '../../src/main/platform/net/outboundGate';

export function publishContext(account: unknown, fields: Pick<PublishContext, 'text'> & Partial<PublishContext>): PublishContext {
  const now = new Date().toISOString();
  return {
    gate: createOutboundGate(),
    account,
    language: 'fr',
    key: 'k',
    partIndex: 0,
    queuedAt: now,
    sentAt: now,
    root: undefined,
    parent: undefined,
    timeoutMs: 5_000,
    purpose: 'test',
    ...fields,
  };
}
