// SQL for the outbox: one row per statement, channel and language, with per-part publishing progress.
import type { HealthMessage } from '../../../../shared/domain/healthMessage';
import type { Db } from '../../../platform/db/openDatabase';

export interface OutboxRow {
  readonly id: string;
  readonly statementId: string;
  readonly channel: string;
  readonly language: 'fr' | 'en';
  readonly partsJson: string;
  readonly contentHash: string;
  readonly idempotencyKey: string;
  readonly state: string;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly lastErrorJson: string | null;
  readonly postedJson: string;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly confirmedBy: string | null;
  readonly queuedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const COLUMNS = `id, statement_id AS statementId, channel, language, parts_json AS partsJson, content_hash AS contentHash,
  idempotency_key AS idempotencyKey, state, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, last_error_json AS lastErrorJson,
  posted_json AS postedJson, url, published_at AS publishedAt, confirmed_by AS confirmedBy, queued_by AS queuedBy,
  created_at AS createdAt, updated_at AS updatedAt`;

export class OutboxRepository {
  readonly #insert;
  readonly #get;
  readonly #all;
  readonly #ofStatement;
  readonly #due;
  readonly #claim;
  readonly #recordPart;
  readonly #finish;
  readonly #reschedule;
  readonly #fail;
  readonly #confirm;
  readonly #retryNow;
  readonly #recover;
  readonly #pullForward;

  constructor(private readonly db: Db) {
    this.#insert = db.prepare<OutboxRow>(
      `INSERT INTO outbox (id, statement_id, channel, language, parts_json, content_hash, idempotency_key, state,
         attempts, next_attempt_at, last_error, last_error_json, posted_json, url, published_at, confirmed_by, queued_by, created_at, updated_at)
       VALUES (@id, @statementId, @channel, @language, @partsJson, @contentHash, @idempotencyKey, @state,
         @attempts, @nextAttemptAt, @lastError, @lastErrorJson, @postedJson, @url, @publishedAt, @confirmedBy, @queuedBy, @createdAt, @updatedAt)
       ON CONFLICT (statement_id, channel, language, content_hash) DO NOTHING`,
    );
    this.#get = db.prepare<[string], OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`);
    this.#all = db.prepare<[], OutboxRow>(`SELECT ${COLUMNS} FROM outbox ORDER BY created_at DESC, channel, language`);
    this.#ofStatement = db.prepare<[string], OutboxRow>(
      `SELECT ${COLUMNS} FROM outbox WHERE statement_id = ? ORDER BY created_at, channel, language`,
    );
    this.#due = db.prepare<[string, number], OutboxRow>(
      `SELECT ${COLUMNS} FROM outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?`,
    );
    this.#claim = db.prepare<[string, string]>(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'`,
    );
    this.#recordPart = db.prepare<[string, string, string]>(
      `UPDATE outbox SET posted_json = json_insert(posted_json, '$[#]', json(?)), updated_at = ? WHERE id = ?`,
    );
    this.#finish = db.prepare<[string | null, string, string, string]>(
      `UPDATE outbox SET state = 'published', url = ?, published_at = ?, last_error = NULL, last_error_json = NULL, updated_at = ? WHERE id = ?`,
    );
    this.#reschedule = db.prepare<[string, string, string, string, string]>(
      `UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = ?, last_error_json = ?, updated_at = ? WHERE id = ?`,
    );
    this.#fail = db.prepare<[string, string, string, string]>(
      `UPDATE outbox SET state = 'failed', last_error = ?, last_error_json = ?, updated_at = ? WHERE id = ?`,
    );
    this.#confirm = db.prepare<[string | null, string, string, string, string]>(
      `UPDATE outbox SET state = 'published', url = ?, published_at = ?, confirmed_by = ?, updated_at = ?
       WHERE id = ? AND state = 'manual'`,
    );
    this.#retryNow = db.prepare<[string, string, string]>(
      `UPDATE outbox SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE id = ? AND state IN ('failed', 'queued')`,
    );
    // A row left 'sending' by a crash may or may not have reached the network: it goes back to the queue,
    // and its attempt count (> 0) makes the worker look for the post before sending it again.
    this.#recover = db.prepare<[string]>(`UPDATE outbox SET state = 'queued', updated_at = ? WHERE state = 'sending'`);
    this.#pullForward = db.prepare<[string, string]>(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'queued' AND next_attempt_at > ?`);
  }

  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  insert(row: OutboxRow): boolean {
    return this.#insert.run(row).changes === 1;
  }

  get(id: string): OutboxRow | undefined {
    return this.#get.get(id);
  }

  all(): OutboxRow[] {
    return this.#all.all();
  }

  ofStatement(statementId: string): OutboxRow[] {
    return this.#ofStatement.all(statementId);
  }

  due(nowIso: string, limit: number): OutboxRow[] {
    return this.#due.all(nowIso, limit);
  }

  /** Marks the row as being sent; false if another runner took it first. */
  claim(id: string, nowIso: string): boolean {
    return this.#claim.run(nowIso, id).changes === 1;
  }

  recordPart(id: string, posted: unknown, nowIso: string): void {
    this.#recordPart.run(JSON.stringify(posted), nowIso, id);
  }

  finish(id: string, url: string | null, publishedAt: string): void {
    this.#finish.run(url, publishedAt, publishedAt, id);
  }

  reschedule(id: string, nextAttemptAt: string, error: string, health: HealthMessage, nowIso: string): void {
    this.#reschedule.run(nextAttemptAt, error, JSON.stringify(health), nowIso, id);
  }

  fail(id: string, error: string, health: HealthMessage, nowIso: string): void {
    this.#fail.run(error, JSON.stringify(health), nowIso, id);
  }

  confirmManual(id: string, url: string | null, publishedAt: string, person: string, nowIso: string): boolean {
    return this.#confirm.run(url, publishedAt, person, nowIso, id).changes === 1;
  }

  retryNow(id: string, nowIso: string): boolean {
    return this.#retryNow.run(nowIso, nowIso, id).changes === 1;
  }

  /** Makes every waiting row due now (the network situation changed). */
  pullForward(nowIso: string): number {
    return this.#pullForward.run(nowIso, nowIso).changes;
  }

  recoverInterrupted(nowIso: string): number {
    return this.#recover.run(nowIso).changes;
  }
}
