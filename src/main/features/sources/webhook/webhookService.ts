// Runs one local receiver per port used by the live workspace's webhook sources, and stores deliveries
// through ingestion, once per webhook-id.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { healthMessage, healthText, type HealthMessage } from '../../../../shared/domain/healthMessage';
import { LIVE_WORKSPACE_ID } from '../../../../shared/domain/workspace';
import type { Clock } from '../../../platform/clock';
import type { Logger } from '../../../platform/logger';
import { SourceRepository } from '../sourceRepository';
import { WebhookDeliveryRepository } from './webhookDeliveryRepository';
import type { IngestService } from '../../mentions';
import type { WorkspaceLookup } from '../../../platform/workspaces/workspaceLookup';
import { WebhookReceiver, type DeliveryResult } from './webhookReceiver';
import { perWorkspace } from '../../../platform/workspaces/perWorkspace';

export const DEFAULT_WEBHOOK_PORT = 8765;

/** Port 0 (any free port) exists for tests; the Sources screen offers 1024–65535. */
export const webhookConfigSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(DEFAULT_WEBHOOK_PORT),
});

/** A Standard Webhooks secret: `whsec_` + base64 of 24 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export class WebhookService {
  readonly #receivers = new Map<number, { receiver: WebhookReceiver; ready: Promise<number> }>();
  readonly #sources = perWorkspace((ws) => new SourceRepository(ws.db));
  readonly #deliveries = perWorkspace((ws) => new WebhookDeliveryRepository(ws.db));
  /** Why a port could not be opened (already used…), shown as the source's health. */
  readonly #portErrors = new Map<number, HealthMessage>();

  constructor(
    private readonly workspaces: WorkspaceLookup,
    private readonly ingest: IngestService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Why a webhook source cannot receive right now (its port could not be opened), if it cannot. */
  problemOf(config: Record<string, unknown>): HealthMessage | undefined {
    return this.#portErrors.get(webhookConfigSchema.safeParse(config).data?.port ?? DEFAULT_WEBHOOK_PORT);
  }

  /** Opens the ports active webhook sources need and closes the others; called at start and on source changes. */
  async sync(): Promise<void> {
    try {
      await this.#sync();
    } catch (error) {
      this.logger.error('webhook receivers could not be updated', { error: String(error) });
    }
  }

  async #sync(): Promise<void> {
    const wanted = new Set(this.#active().map((s) => s.port));
    for (const [port, { receiver }] of this.#receivers) {
      if (!wanted.has(port)) {
        this.#receivers.delete(port);
        await receiver.close();
      }
    }
    for (const port of wanted) {
      if (this.#receivers.has(port)) continue;
      const receiver = new WebhookReceiver({
        port,
        target: (sourceId) => {
          const source = this.#active().find((s) => s.id === sourceId && s.port === port);
          return source ? { secret: source.secret } : undefined;
        },
        deliver: (sourceId, deliveryId, items) => this.#deliver(sourceId, deliveryId, items),
      });
      const ready = receiver.listen();
      this.#receivers.set(port, { receiver, ready });
      await ready.then(
        () => this.#portErrors.delete(port),
        (error: unknown) => {
          this.#receivers.delete(port);
          const problem = healthMessage('webhookPort', { port, cause: (error as NodeJS.ErrnoException).code ?? String(error) });
          this.#portErrors.set(port, problem);
          this.logger.warn('webhook receiver failed', { port, message: healthText(problem) });
        },
      );
    }
  }

  /** Port actually listened on (differs from the configured one only when it is 0, in tests). */
  async boundPort(port: number): Promise<number | undefined> {
    return this.#receivers.get(port)?.ready;
  }

  async close(): Promise<void> {
    const all = [...this.#receivers.values()];
    this.#receivers.clear();
    await Promise.all(all.map(({ receiver }) => receiver.close()));
  }

  #active(): { id: number; port: number; secret: string }[] {
    return this.#sources(this.workspaces.get(LIVE_WORKSPACE_ID))
      .list()
      .filter((s) => s.kind === 'webhook' && !s.paused && typeof s.credentials.secret === 'string')
      .map((s) => ({ id: s.id, port: webhookConfigSchema.safeParse(s.config).data?.port ?? DEFAULT_WEBHOOK_PORT, secret: s.credentials.secret as string }));
  }

  /**
   * The delivery id is recorded only after the mentions are committed, so a delivery that failed to store
   * is accepted again on retry. Check, ingest and record run without yielding, so two copies cannot interleave.
   */
  #deliver(sourceId: number, deliveryId: string, items: unknown[]): Promise<DeliveryResult> {
    const deliveries = this.#deliveries(this.workspaces.get(LIVE_WORKSPACE_ID));
    if (deliveries.has(sourceId, deliveryId)) return Promise.resolve({ replay: true, inserted: 0, duplicates: items.length, rejected: 0 });
    const result = this.ingest.ingestNow(LIVE_WORKSPACE_ID, sourceId, items);
    deliveries.record(sourceId, deliveryId, this.clock.now().toISOString());
    return Promise.resolve({ replay: false, inserted: result.inserted, duplicates: result.duplicates, rejected: result.rejected });
  }
}
