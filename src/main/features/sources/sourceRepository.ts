// SQL for sources: settings, secrets, cursor and the health fields the scheduler maintains.
import { parseHealthMessage, type HealthMessage } from '../../../shared/domain/healthMessage';
import type { SourceKind } from '../../../shared/domain/mention';
import type { Db } from '../../platform/db/openDatabase';

export interface SourceRecord {
  readonly id: number;
  readonly kind: SourceKind;
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly credentials: Record<string, string>;
  readonly intervalSeconds: number;
  readonly paused: boolean;
  readonly cursor: Record<string, unknown> | null;
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  /** The same failure as a catalogue key and values, when it is a known one. */
  readonly lastErrorMessage: HealthMessage | null;
  readonly lastErrorAt: string | null;
  readonly consecutiveFailures: number;
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
}

interface SourceRow {
  id: number;
  kind: SourceKind;
  name: string;
  configJson: string;
  credentialsJson: string;
  intervalSeconds: number;
  paused: number;
  cursorJson: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorJson: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
  createdAt: string;
}

export interface SourceActivity {
  readonly itemsSince: number;
  readonly newestPublishedAt: string | null;
}

const SELECT = `
  SELECT id, kind, name, config_json AS configJson, credentials_json AS credentialsJson,
         interval_seconds AS intervalSeconds, paused, cursor_json AS cursorJson,
         last_attempt_at AS lastAttemptAt, last_success_at AS lastSuccessAt, last_error AS lastError,
         last_error_json AS lastErrorJson, last_error_at AS lastErrorAt, consecutive_failures AS consecutiveFailures,
         next_attempt_at AS nextAttemptAt, created_at AS createdAt
  FROM sources`;

const toRecord = (r: SourceRow): SourceRecord => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  config: JSON.parse(r.configJson) as Record<string, unknown>,
  credentials: JSON.parse(r.credentialsJson) as Record<string, string>,
  intervalSeconds: r.intervalSeconds,
  paused: r.paused === 1,
  cursor: r.cursorJson === null ? null : (JSON.parse(r.cursorJson) as Record<string, unknown>),
  lastAttemptAt: r.lastAttemptAt,
  lastSuccessAt: r.lastSuccessAt,
  lastError: r.lastError,
  lastErrorMessage: parseHealthMessage(r.lastErrorJson),
  lastErrorAt: r.lastErrorAt,
  consecutiveFailures: r.consecutiveFailures,
  nextAttemptAt: r.nextAttemptAt,
  createdAt: r.createdAt,
});

export class SourceRepository {
  readonly #all;
  readonly #one;
  readonly #insert;
  readonly #update;
  readonly #setPaused;
  readonly #success;
  readonly #failure;
  readonly #attempt;
  readonly #delete;
  readonly #mentionCount;
  readonly #limitedWatches;
  readonly #activity;

  constructor(db: Db) {
    this.#all = db.prepare<[], SourceRow>(`${SELECT} ORDER BY name COLLATE NOCASE, id`);
    this.#one = db.prepare<[number], SourceRow>(`${SELECT} WHERE id = ?`);
    this.#insert = db.prepare<[string, string, string, string, number, string, string]>(
      `INSERT INTO sources (kind, name, config_json, credentials_json, interval_seconds, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#update = db.prepare<[string, string, string, number, string, number]>(
      `UPDATE sources SET name = ?, config_json = ?, credentials_json = ?, interval_seconds = ?, updated_at = ?,
         cursor_json = NULL, consecutive_failures = 0, last_error = NULL, last_error_json = NULL, next_attempt_at = NULL
       WHERE id = ?`,
    );
    this.#setPaused = db.prepare<[number, string, number]>('UPDATE sources SET paused = ?, updated_at = ?, next_attempt_at = NULL WHERE id = ?');
    this.#attempt = db.prepare<[string, number]>('UPDATE sources SET last_attempt_at = ? WHERE id = ?');
    this.#success = db.prepare<[string | null, string, string, number]>(
      `UPDATE sources SET cursor_json = ?, last_success_at = ?, last_error = NULL, last_error_json = NULL, consecutive_failures = 0, next_attempt_at = ?
       WHERE id = ?`,
    );
    this.#failure = db.prepare<[string, string | null, string, string, number]>(
      `UPDATE sources SET last_error = ?, last_error_json = ?, last_error_at = ?, consecutive_failures = consecutive_failures + 1, next_attempt_at = ?
       WHERE id = ?`,
    );
    this.#delete = db.prepare<[number]>('DELETE FROM sources WHERE id = ?');
    this.#mentionCount = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM mentions WHERE source_id = ?');
    this.#limitedWatches = db.prepare<[number], { name: string }>(
      'SELECT w.name FROM watch_sources ws JOIN watches w ON w.id = ws.watch_id WHERE ws.source_id = ? ORDER BY w.name COLLATE NOCASE',
    );
    // better-sqlite3 binds anonymous `?` by position only (numbered `?NNN` are not supported).
    this.#activity = db.prepare<[number, string, number], SourceActivity>(
      `SELECT (SELECT count(*) FROM mentions WHERE source_id = ? AND fetched_at >= ?) AS itemsSince,
              (SELECT max(published_at) FROM mentions WHERE source_id = ?) AS newestPublishedAt`,
    );
  }

  list(): SourceRecord[] {
    return this.#all.all().map(toRecord);
  }

  get(id: number): SourceRecord | undefined {
    const row = this.#one.get(id);
    return row ? toRecord(row) : undefined;
  }

  create(
    values: { kind: string; name: string; config: unknown; credentials: Record<string, string>; intervalSeconds: number },
    now: string,
  ): number {
    return Number(
      this.#insert.run(values.kind, values.name, JSON.stringify(values.config), JSON.stringify(values.credentials), values.intervalSeconds, now, now)
        .lastInsertRowid,
    );
  }

  /** New settings start the source afresh: cursor and failure count are reset. */
  update(id: number, values: { name: string; config: unknown; credentials: Record<string, string>; intervalSeconds: number }, now: string): boolean {
    return this.#update.run(values.name, JSON.stringify(values.config), JSON.stringify(values.credentials), values.intervalSeconds, now, id).changes > 0;
  }

  setPaused(id: number, paused: boolean, now: string): boolean {
    return this.#setPaused.run(paused ? 1 : 0, now, id).changes > 0;
  }

  recordAttempt(id: number, at: string): void {
    this.#attempt.run(at, id);
  }

  recordSuccess(id: number, cursor: unknown, at: string, nextAttemptAt: string): void {
    this.#success.run(cursor === null || cursor === undefined ? null : JSON.stringify(cursor), at, nextAttemptAt, id);
  }

  recordFailure(id: number, message: string, health: HealthMessage | null, at: string, nextAttemptAt: string): void {
    this.#failure.run(message, health ? JSON.stringify(health) : null, at, nextAttemptAt, id);
  }

  mentionCount(id: number): number {
    return this.#mentionCount.get(id)?.n ?? 0;
  }

  /** Names of the watches that count only some sources, this one among them. */
  watchesLimitedTo(id: number): string[] {
    return this.#limitedWatches.all(id).map((r) => r.name);
  }

  delete(id: number): boolean {
    return this.#delete.run(id).changes > 0;
  }

  activity(id: number, since: string): SourceActivity {
    return this.#activity.get(id, since, id) ?? { itemsSince: 0, newestPublishedAt: null };
  }
}
