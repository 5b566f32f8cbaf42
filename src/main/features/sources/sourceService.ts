// Sources: settings (validated by their connector), secrets kept out of every answer, health, pause/resume, test.
import type { SourceTestResult } from '../../../shared/contract/sources';
import { AppFailure } from '../../../shared/contract/envelope';
import { healthMessage, healthText, type HealthMessage } from '../../../shared/domain/healthMessage';
import { sourceInputSchema, type Source, type SourceInput, type SourceState } from '../../../shared/domain/source';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { ConnectorRegistry } from './connectorRegistry';
import type { SourceScheduler } from './sourceScheduler';
import { SourceRepository, type SourceRecord } from './sourceRepository';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { toPlainText } from '../../platform/text/plainText';
import type { AllowedOrigin } from '../../platform/net/networkPolicy';
import { createOutboundGate, OutboundError } from '../../platform/net/outboundGate';
import type { Resolve } from '../../platform/net/resolvedAddress';
import { ConnectorError } from './connectors/connectorError';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import { DEFAULT_WEBHOOK_PORT, newWebhookSecret, webhookConfigSchema } from './webhook/webhookService';
import { failure, issue } from '../../platform/i18n/failure';

const DEFAULT_PUSH_INTERVAL_SECONDS = 3600;
const TEST_TIMEOUT_MS = 25_000;
const HOUR_MS = 3_600_000;

export interface SourceServiceDeps {
  readonly workspaces: WorkspaceLookup;
  readonly registry: ConnectorRegistry;
  readonly scheduler: SourceScheduler;
  /** Sealed mode check for the "test source" call, which runs before the source is on the allow-list. */
  readonly isSealed: (workspaceId: WorkspaceId) => boolean;
  readonly events: EventBus;
  readonly clock: Clock;
  /** Why a push source cannot receive (e.g. its webhook port is taken), shown as its last error. */
  readonly pushProblem?: (kind: string, config: Record<string, unknown>) => HealthMessage | undefined;
  /** Name resolution for the "test source" call (the network policy's). */
  readonly resolve?: Resolve;
}

export class SourceService {
  readonly #sources = perWorkspace((ws) => new SourceRepository(ws.db));

  constructor(private readonly deps: SourceServiceDeps) {}

  list(workspaceId: WorkspaceId): Source[] {
    const repo = this.#repo(workspaceId);
    return repo.list().map((r) => this.#toSource(workspaceId, repo, r));
  }

  /** The kind of a saved source, or undefined when there is none. */
  kindOf(workspaceId: WorkspaceId, id: number): Source['kind'] | undefined {
    return this.#repo(workspaceId).get(id)?.kind;
  }

  get(workspaceId: WorkspaceId, id: number): Source {
    const repo = this.#repo(workspaceId);
    const record = repo.get(id);
    if (!record) throw failure('NOT_FOUND', 'sources.refusals.noSource', { id });
    return this.#toSource(workspaceId, repo, record);
  }

  create(workspaceId: WorkspaceId, input: SourceInput): Source {
    const values = this.#validate(input);
    const id = this.#repo(workspaceId).create(
      { kind: values.kind, name: values.name, config: values.config, credentials: this.#initialCredentials(values.kind, values.credentials), intervalSeconds: values.intervalSeconds },
      this.#now(),
    );
    return this.#changed(workspaceId, id);
  }

  update(workspaceId: WorkspaceId, id: number, input: SourceInput): Source {
    const repo = this.#repo(workspaceId);
    const existing = repo.get(id);
    if (!existing) throw failure('NOT_FOUND', 'sources.refusals.noSource', { id });
    const values = this.#validate(input);
    if (values.kind !== existing.kind) throw failure('INVALID_INPUT', 'sources.refusals.kindCannotChange');
    // Secrets are write-only: an edit without new credentials keeps the stored ones.
    const credentials = values.credentials ?? existing.credentials;
    repo.update(id, { name: values.name, config: values.config, credentials, intervalSeconds: values.intervalSeconds }, this.#now());
    return this.#changed(workspaceId, id);
  }

  delete(workspaceId: WorkspaceId, id: number): { deleted: boolean } {
    const repo = this.#repo(workspaceId);
    const count = repo.mentionCount(id);
    if (count > 0) {
      throw failure('CONFLICT', 'sources.refusals.hasMentions', { count });
    }
    // Without it, a watch limited to this source alone would silently start counting every source.
    const watches = repo.watchesLimitedTo(id);
    if (watches.length > 0) {
      throw failure('CONFLICT', 'sources.refusals.watchesLimitedTo', { count: watches.length, watches: watches.join(', ') });
    }
    const deleted = repo.delete(id);
    this.deps.scheduler.refresh(workspaceId, id);
    if (deleted) this.deps.events.emit('sources:changed', { workspaceId });
    return { deleted };
  }

  setPaused(workspaceId: WorkspaceId, id: number, paused: boolean): Source {
    if (!this.#repo(workspaceId).setPaused(id, paused, this.#now())) throw failure('NOT_FOUND', 'sources.refusals.noSource', { id });
    return this.#changed(workspaceId, id);
  }

  async pollNow(workspaceId: WorkspaceId, id: number): Promise<Source> {
    const source = this.get(workspaceId, id);
    if (!this.deps.registry.find(source.kind)) throw failure('INVALID_INPUT', 'sources.refusals.nothingToPoll');
    await this.deps.scheduler.pollNow(workspaceId, id);
    return this.get(workspaceId, id);
  }

  /** One poll with unsaved settings; nothing is stored. */
  async test(workspaceId: WorkspaceId, input: SourceInput): Promise<SourceTestResult> {
    this.deps.workspaces.get(workspaceId);
    const values = sourceInputSchema.parse(input);
    const connector = this.deps.registry.find(values.kind);
    if (!connector) return testResult(true, healthMessage('testPushKind'));
    try {
      connector.validateConfig(values.config);
      const now = this.deps.clock.now();
      // Testing is an explicit request for these settings, so their own origins are allowed (unless sealed).
      const origins = new Set(configOrigins(values.config));
      const sealed = this.deps.isSealed(workspaceId);
      const gate = createOutboundGate(
        (url) => (sealed ? healthMessage('sealed') : origins.has(url.origin) ? undefined : healthMessage('notTested', { origin: url.origin })),
        { resolve: this.deps.resolve, localNetwork: (url) => onLocalNetwork(values.config) && origins.has(url.origin) },
      );
      const result = await connector.poll({
        gate: { request: (url, init) => gate.request(url, { ...init, purpose: 'source:test' }) },
        signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
        config: values.config,
        credentials: values.credentials ?? {},
        cursor: null,
        now,
      });
      const sample = result.mentions.slice(0, 5).map((m) => ({
        title: m.title ? toPlainText(m.title) : null,
        text: toPlainText(m.text).slice(0, 400),
        url: m.url ?? null,
        publishedAt: m.publishedAt,
      }));
      return testResult(true, healthMessage('testRead', { count: result.mentions.length }), result.mentions.length, sample);
    } catch (error) {
      const problem =
        error instanceof OutboundError || error instanceof ConnectorError
          ? error.health
          : healthMessage('unexpected', { detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) });
      return testResult(false, problem);
    }
  }

  /** Origins the enabled sources need: the workspace allow-list (issue #9) is built from these. */
  allowedOrigins(workspaceId: WorkspaceId): AllowedOrigin[] {
    return this.#repo(workspaceId)
      .list()
      .filter((s) => !s.paused && this.deps.registry.find(s.kind))
      .flatMap((s) =>
        configOrigins(s.config).map((origin): AllowedOrigin => ({ origin, reason: `source: ${s.name}`, ...(onLocalNetwork(s.config) ? { localNetwork: true } : {}) })),
      );
  }

  /** A new webhook source gets its signing secret here unless the sender's own was pasted in. */
  #initialCredentials(kind: string, credentials: Record<string, string> | undefined): Record<string, string> {
    if (kind === 'webhook' && !credentials?.secret) return { ...credentials, secret: newWebhookSecret() };
    return credentials ?? {};
  }

  #validate(input: SourceInput) {
    const values = sourceInputSchema.parse(input);
    const connector = this.deps.registry.find(values.kind);
    if (connector) {
      try {
        connector.validateConfig(values.config);
      } catch (error) {
        throw new AppFailure('INVALID_INPUT', error instanceof Error ? error.message : String(error), [
          { path: 'source.config', message: error instanceof Error ? error.message : String(error) },
        ]);
      }
    }
    if (values.kind === 'webhook') {
      const config = webhookConfigSchema.safeParse(values.config);
      if (!config.success) throw failure('INVALID_INPUT', 'sources.refusals.webhookPort', undefined, [issue('source.config.port', 'sources.refusals.invalidPort')]);
      return { ...values, config: config.data, intervalSeconds: DEFAULT_PUSH_INTERVAL_SECONDS };
    }
    return { ...values, intervalSeconds: values.intervalSeconds ?? connector?.defaultIntervalSeconds ?? DEFAULT_PUSH_INTERVAL_SECONDS };
  }

  #toSource(workspaceId: WorkspaceId, repo: SourceRepository, r: SourceRecord): Source {
    const now = this.deps.clock.now();
    const activity = repo.activity(r.id, new Date(now.getTime() - HOUR_MS).toISOString());
    const pushProblem = this.deps.registry.find(r.kind) ? undefined : this.deps.pushProblem?.(r.kind, r.config);
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      config: r.config,
      credentialKeys: Object.keys(r.credentials).sort(),
      intervalSeconds: r.intervalSeconds,
      paused: r.paused,
      createdAt: r.createdAt,
      health: {
        state: pushProblem ? 'failing' : this.#state(workspaceId, r),
        lastAttemptAt: r.lastAttemptAt,
        lastSuccessAt: r.lastSuccessAt,
        lastError: pushProblem ? healthText(pushProblem) : r.lastError,
        lastErrorMessage: pushProblem ?? r.lastErrorMessage,
        lastErrorAt: r.lastErrorAt,
        consecutiveFailures: r.consecutiveFailures,
        nextAttemptAt: r.paused ? null : r.nextAttemptAt,
        lagSeconds: activity.newestPublishedAt ? Math.max(0, Math.round((now.getTime() - Date.parse(activity.newestPublishedAt)) / 1000)) : null,
        itemsLastHour: activity.itemsSince,
      },
      receive:
        r.kind === 'webhook' && typeof r.credentials.secret === 'string'
          ? { url: `http://127.0.0.1:${String(r.config.port ?? DEFAULT_WEBHOOK_PORT)}/hooks/${r.id}`, secret: r.credentials.secret }
          : undefined,
    };
  }

  #state(workspaceId: WorkspaceId, r: SourceRecord): SourceState {
    if (!this.deps.registry.find(r.kind)) return 'push';
    if (r.paused) return 'paused';
    if (r.consecutiveFailures > 0) return this.deps.scheduler.isOffline(workspaceId, r.id) ? 'offline' : 'failing';
    return r.lastSuccessAt ? 'ok' : 'pending';
  }

  #changed(workspaceId: WorkspaceId, id: number): Source {
    this.deps.scheduler.refresh(workspaceId, id);
    this.deps.events.emit('sources:changed', { workspaceId });
    return this.get(workspaceId, id);
  }

  #repo(workspaceId: WorkspaceId): SourceRepository {
    return this.#sources(this.deps.workspaces.get(workspaceId));
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/** Every http(s) address in a source's settings (feed URL, instance…), as an origin. */
/** The cell says this source's server is on its own network (an intranet feed, an on-premises gateway). */
const onLocalNetwork = (config: Record<string, unknown>): boolean => config.localNetwork === true;

function configOrigins(config: Record<string, unknown>): string[] {
  const origins: string[] = [];
  for (const value of Object.values(config)) {
    if (typeof value !== 'string') continue;
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') origins.push(url.origin);
    } catch {
      // Not an address: other settings (queries, hashtags) need no network permission.
    }
  }
  return origins;
}

function testResult(ok: boolean, detail: HealthMessage, itemCount = 0, sample: SourceTestResult['sample'] = []): SourceTestResult {
  return { ok, message: healthText(detail), detail, itemCount, sample };
}
