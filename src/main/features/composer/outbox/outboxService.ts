// The outbox as people see it: list, manual confirmation, retry, and the accounts API channels publish with.
import { CHANNELS, type Channel } from '../../../../shared/composer/channels';
import { blueskyAccountSchema, mastodonAccountSchema, type OutboxItem, type PublishAccount } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { Clock } from '../../../platform/clock';
import type { EventBus } from '../../../platform/events/eventBus';
import { OutboxRepository } from './outboxRepository';
import { PublishAccountRepository } from './publishAccountRepository';
import { StatementRepository } from '../statementRepository';
import type { ComposerLog } from '../composerLog';
import { toOutboxItem } from './outboxItem';
import { perWorkspace } from '../../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../../platform/workspaces/workspaceStore';
import { failure } from '../../../platform/i18n/failure';

export interface AccountSummary {
  readonly channel: Channel;
  readonly configured: boolean;
  readonly target: string | null;
  readonly maxCharacters: number | null;
}

export class OutboxService {
  readonly #outbox = perWorkspace((ws) => new OutboxRepository(ws.db));
  readonly #accounts = perWorkspace((ws) => new PublishAccountRepository(ws.db));
  readonly #statements = perWorkspace((ws) => new StatementRepository(ws.db));

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly log: ComposerLog | undefined,
    private readonly wake: () => void,
    private readonly onPublished: (workspaceId: WorkspaceId, statementId: string) => void,
  ) {}

  list(workspaceId: WorkspaceId): OutboxItem[] {
    return this.#outbox(this.store.get(workspaceId)).all().map(toOutboxItem);
  }

  /** A person published a manual item (LinkedIn, press, e-mail…) and records when and where. */
  confirmManual(workspaceId: WorkspaceId, outboxId: string, c: { person: string; publishedAt: string; url: string | null }): OutboxItem {
    const ws = this.store.get(workspaceId);
    const repo = this.#outbox(ws);
    const row = repo.get(outboxId);
    if (!row) throw failure('NOT_FOUND', 'composer.failures.noOutboxItem');
    if (!repo.confirmManual(outboxId, c.url, c.publishedAt, c.person, this.clock.now().toISOString())) {
      throw failure('CONFLICT', 'composer.failures.onlyManualConfirmed');
    }
    const statement = this.#statements(ws).get(row.statementId);
    this.log?.system(workspaceId, {
      incidentId: statement?.incidentId ?? null,
      code: 'composer.published',
      data: { statementId: row.statementId, title: statement?.title ?? row.statementId, channel: row.channel, language: row.language, url: c.url, person: c.person },
      occurredAt: c.publishedAt,
    });
    this.onPublished(workspaceId, row.statementId);
    this.events.emit('composer:outboxChanged', { workspaceId });
    this.events.emit('composer:changed', { workspaceId, statementId: row.statementId });
    return toOutboxItem(repo.get(outboxId)!);
  }

  retryNow(workspaceId: WorkspaceId, outboxId: string): OutboxItem {
    const repo = this.#outbox(this.store.get(workspaceId));
    if (!repo.retryNow(outboxId, this.clock.now().toISOString())) {
      throw failure('CONFLICT', 'composer.failures.onlyFailedRetried');
    }
    this.events.emit('composer:outboxChanged', { workspaceId });
    this.wake();
    return toOutboxItem(repo.get(outboxId)!);
  }

  accounts(workspaceId: WorkspaceId): AccountSummary[] {
    const stored = new Map(this.#accounts(this.store.get(workspaceId)).all().map((a) => [a.channel, a.config]));
    return CHANNELS.filter((c) => c === 'mastodon' || c === 'bluesky').map((channel) => {
      const config = stored.get(channel);
      if (channel === 'mastodon') {
        const parsed = mastodonAccountSchema.safeParse(config);
        return {
          channel,
          configured: parsed.success,
          target: parsed.success ? parsed.data.instanceUrl : null,
          maxCharacters: parsed.success ? parsed.data.maxCharacters : null,
        };
      }
      const parsed = blueskyAccountSchema.safeParse(config);
      return { channel, configured: parsed.success, target: parsed.success ? parsed.data.identifier : null, maxCharacters: null };
    });
  }

  setAccount(workspaceId: WorkspaceId, account: PublishAccount): AccountSummary[] {
    this.#accounts(this.store.get(workspaceId)).set(account.channel, account.config, this.clock.now().toISOString());
    this.wake();
    return this.accounts(workspaceId);
  }
}
