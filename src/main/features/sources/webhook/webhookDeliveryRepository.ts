// SQL for Standard Webhooks delivery ids already accepted: a retried delivery must add nothing.
import type { Db } from '../../../platform/db/openDatabase';

export class WebhookDeliveryRepository {
  readonly #has;
  readonly #record;

  constructor(db: Db) {
    this.#has = db.prepare<[number, string], { one: number }>('SELECT 1 AS one FROM webhook_deliveries WHERE source_id = ? AND delivery_id = ?');
    this.#record = db.prepare<[number, string, string]>(
      'INSERT INTO webhook_deliveries (source_id, delivery_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
  }

  has(sourceId: number, deliveryId: string): boolean {
    return this.#has.get(sourceId, deliveryId) !== undefined;
  }

  record(sourceId: number, deliveryId: string, at: string): void {
    this.#record.run(sourceId, deliveryId, at);
  }
}
