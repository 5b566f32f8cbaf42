// SQL for the accounts the outbox publishes with (stored in the encrypted workspace database).
import type { Db } from '../../../platform/db/openDatabase';

export class PublishAccountRepository {
  readonly #get;
  readonly #all;
  readonly #upsert;

  constructor(db: Db) {
    this.#get = db.prepare<[string], { configJson: string }>('SELECT config_json AS configJson FROM publish_accounts WHERE channel = ?');
    this.#all = db.prepare<[], { channel: string; configJson: string }>(
      'SELECT channel, config_json AS configJson FROM publish_accounts ORDER BY channel',
    );
    this.#upsert = db.prepare<[string, string, string]>(
      `INSERT INTO publish_accounts (channel, config_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (channel) DO UPDATE SET config_json = excluded.config_json, updated_at = excluded.updated_at`,
    );
  }

  get(channel: string): unknown {
    const row = this.#get.get(channel);
    return row ? (JSON.parse(row.configJson) as unknown) : undefined;
  }

  all(): { channel: string; config: unknown }[] {
    return this.#all.all().map((r) => ({ channel: r.channel, config: JSON.parse(r.configJson) as unknown }));
  }

  set(channel: string, config: unknown, nowIso: string): void {
    this.#upsert.run(channel, JSON.stringify(config), nowIso);
  }
}
