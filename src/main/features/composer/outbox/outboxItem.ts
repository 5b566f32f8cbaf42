// Maps an outbox row to the contract's view of it.
import type { Channel } from '../../../../shared/composer/channels';
import type { OutboxItem, OutboxState } from '../../../../shared/domain/statement';
import type { OutboxRow } from './outboxRepository';
import { parseHealthMessage } from '../../../../shared/domain/healthMessage';

export function toOutboxItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    statementId: row.statementId,
    channel: row.channel as Channel,
    language: row.language,
    parts: JSON.parse(row.partsJson) as string[],
    state: row.state as OutboxState,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    lastErrorMessage: parseHealthMessage(row.lastErrorJson),
    url: row.url,
    publishedAt: row.publishedAt,
    confirmedBy: row.confirmedBy,
    postedCount: (JSON.parse(row.postedJson) as unknown[]).length,
  };
}
