// SQL for alerts outside the app: channel settings, driven mobilisations and the delivery queue.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface MessageRow {
  readonly id: string;
  readonly dedupeKey: string;
  readonly incidentId: string;
  /** Null for a deadline reminder, which belongs to a clock. */
  readonly mobilisationId: string | null;
  readonly roleId: string;
  readonly stage: string;
  readonly personName: string;
  readonly channel: string;
  readonly address: string;
  readonly language: string;
  readonly subject: string;
  readonly body: string;
  readonly valuesJson: string;
  readonly status: string;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly reasonJson: string | null;
  readonly messageId: string;
  readonly providerReply: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly deliveredAt: string | null;
  readonly updatedAt: string;
}

export type NewMessage = Omit<MessageRow, 'attempts' | 'providerReply' | 'sentAt' | 'deliveredAt' | 'updatedAt'>;

export interface LaptopAcknowledgementRow {
  readonly mobilisationId: string;
  readonly roleId: string;
  readonly deviceId: string;
  readonly signature: string;
  readonly incidentId: string;
  readonly personName: string;
  readonly memberName: string | null;
  readonly acknowledgedAt: string;
  readonly receivedAt: string;
  readonly genuine: 0 | 1;
}

export interface TestDestinationRow {
  /** A roster person's id, or `*` for everyone the table does not name. */
  readonly personId: string;
  /** Their name when the destination was set. */
  readonly personName: string;
  readonly email: string;
  readonly phone: string;
  readonly messenger: string;
}

export interface MobilisationRow {
  readonly mobilisationId: string;
  readonly incidentId: string;
  readonly level: string;
  readonly startedAt: string;
}

const MESSAGE_COLUMNS = `id, dedupe_key AS dedupeKey, incident_id AS incidentId, mobilisation_id AS mobilisationId,
  role_id AS roleId, stage, person_name AS personName, channel, address, language, subject, body,
  values_json AS valuesJson, status, attempts, next_attempt_at AS nextAttemptAt, reason_json AS reasonJson,
  message_id AS messageId, provider_reply AS providerReply, created_at AS createdAt, sent_at AS sentAt,
  delivered_at AS deliveredAt, updated_at AS updatedAt`;

export class NotifyRepository {
  readonly #settings;
  readonly #setSetting;
  readonly #deleteSetting;
  readonly #mobilisation;
  readonly #mobilisations;
  readonly #insertMobilisation;
  readonly #insert;
  readonly #byKey;
  readonly #get;
  readonly #due;
  readonly #nextDue;
  readonly #forIncident;
  readonly #claim;
  readonly #finish;
  readonly #reschedule;
  readonly #fail;
  readonly #interrupted;
  readonly #requeueInterrupted;
  readonly #insertLaptopAck;
  readonly #laptopAcks;
  readonly #testDestinations;
  readonly #clearTestDestinations;
  readonly #addTestDestination;

  constructor(private readonly db: Database) {
    this.#settings = db.prepare<[], { channel: string; configJson: string }>('SELECT channel, config_json AS configJson FROM notify_settings');
    this.#setSetting = db.prepare<[string, string, string]>(
      `INSERT INTO notify_settings (channel, config_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (channel) DO UPDATE SET config_json = excluded.config_json, updated_at = excluded.updated_at`,
    );
    this.#deleteSetting = db.prepare<[string]>('DELETE FROM notify_settings WHERE channel = ?');
    this.#mobilisation = db.prepare<[string], MobilisationRow>(
      'SELECT mobilisation_id AS mobilisationId, incident_id AS incidentId, level, started_at AS startedAt FROM notify_mobilisations WHERE mobilisation_id = ?',
    );
    this.#mobilisations = db.prepare<[], MobilisationRow>(
      `SELECT mobilisation_id AS mobilisationId, incident_id AS incidentId, level, started_at AS startedAt
       FROM notify_mobilisations WHERE level != 'none' ORDER BY started_at`,
    );
    this.#insertMobilisation = db.prepare<MobilisationRow>(
      `INSERT OR IGNORE INTO notify_mobilisations (mobilisation_id, incident_id, level, started_at)
       VALUES (@mobilisationId, @incidentId, @level, @startedAt)`,
    );
    this.#insert = db.prepare<NewMessage & { updatedAt: string }>(
      `INSERT OR IGNORE INTO notify_messages (id, dedupe_key, incident_id, mobilisation_id, role_id, stage, person_name, channel,
         address, language, subject, body, values_json, status, next_attempt_at, reason_json, message_id, created_at, updated_at)
       VALUES (@id, @dedupeKey, @incidentId, @mobilisationId, @roleId, @stage, @personName, @channel, @address, @language,
         @subject, @body, @valuesJson, @status, @nextAttemptAt, @reasonJson, @messageId, @createdAt, @updatedAt)`,
    );
    this.#byKey = db.prepare<[string], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM notify_messages WHERE dedupe_key = ?`);
    this.#get = db.prepare<[string], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM notify_messages WHERE id = ?`);
    this.#due = db.prepare<[string, number], MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM notify_messages WHERE status = 'queued' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, created_at, id LIMIT ?`,
    );
    this.#nextDue = db
      .prepare<[], string | null>(`SELECT min(next_attempt_at) FROM notify_messages WHERE status = 'queued'`)
      .pluck();
    this.#forIncident = db.prepare<[string], MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM notify_messages WHERE incident_id = ? ORDER BY created_at, rowid`,
    );
    this.#claim = db.prepare<[string, string]>(
      `UPDATE notify_messages SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'queued'`,
    );
    this.#finish = db.prepare<{ id: string; status: string; at: string; reply: string | null }>(
      `UPDATE notify_messages SET status = @status, sent_at = @at, delivered_at = CASE WHEN @status = 'delivered' THEN @at END,
         provider_reply = @reply, reason_json = NULL, next_attempt_at = NULL, updated_at = @at
       WHERE id = @id AND status = 'sending'`,
    );
    this.#reschedule = db.prepare<{ id: string; next: string; reason: string; at: string }>(
      `UPDATE notify_messages SET status = 'queued', next_attempt_at = @next, reason_json = @reason, updated_at = @at
       WHERE id = @id AND status IN ('sending', 'queued')`,
    );
    this.#fail = db.prepare<{ id: string; reason: string; at: string }>(
      `UPDATE notify_messages SET status = 'failed', reason_json = @reason, next_attempt_at = NULL, updated_at = @at
       WHERE id = @id AND status IN ('sending', 'queued')`,
    );
    this.#interrupted = db.prepare<[], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM notify_messages WHERE status = 'sending'`);
    this.#requeueInterrupted = db.prepare<{ at: string; reason: string }>(
      `UPDATE notify_messages SET status = 'queued', next_attempt_at = @at, reason_json = @reason, updated_at = @at WHERE status = 'sending'`,
    );
    this.#insertLaptopAck = db.prepare<LaptopAcknowledgementRow>(
      `INSERT OR IGNORE INTO notify_laptop_acknowledgements (mobilisation_id, role_id, device_id, signature, incident_id,
         person_name, member_name, acknowledged_at, received_at, genuine)
       VALUES (@mobilisationId, @roleId, @deviceId, @signature, @incidentId, @personName, @memberName, @acknowledgedAt, @receivedAt, @genuine)`,
    );
    this.#laptopAcks = db.prepare<[string], LaptopAcknowledgementRow>(
      `SELECT mobilisation_id AS mobilisationId, role_id AS roleId, device_id AS deviceId, signature, incident_id AS incidentId,
         person_name AS personName, member_name AS memberName, acknowledged_at AS acknowledgedAt, received_at AS receivedAt, genuine
       FROM notify_laptop_acknowledgements WHERE incident_id = ? ORDER BY received_at, rowid`,
    );
    this.#testDestinations = db.prepare<[], TestDestinationRow>('SELECT person_id AS personId, person_name AS personName, email, phone, messenger FROM notify_test_destinations ORDER BY rowid');
    this.#clearTestDestinations = db.prepare('DELETE FROM notify_test_destinations');
    this.#addTestDestination = db.prepare<TestDestinationRow & { at: string }>(
      'INSERT INTO notify_test_destinations (person_id, person_name, email, phone, messenger, updated_at) VALUES (@personId, @personName, @email, @phone, @messenger, @at)',
    );
  }

  atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  settings(): { channel: string; configJson: string }[] {
    return this.#settings.all();
  }
  setSetting(channel: string, configJson: string | null, at: string): void {
    if (configJson === null) this.#deleteSetting.run(channel);
    else this.#setSetting.run(channel, configJson, at);
  }

  mobilisation(id: string): MobilisationRow | undefined {
    return this.#mobilisation.get(id);
  }
  /** Mobilisations Tocsin drives (those recorded before alerts existed are left out). */
  mobilisations(): MobilisationRow[] {
    return this.#mobilisations.all();
  }
  /** True when this call recorded it (a restart or a second tick finds it there). */
  insertMobilisation(row: MobilisationRow): boolean {
    return this.#insertMobilisation.run(row).changes === 1;
  }

  /** True when queued now; false when that message (same dedupe key) already exists. */
  enqueue(row: NewMessage): boolean {
    return this.#insert.run({ ...row, updatedAt: row.createdAt }).changes === 1;
  }
  byKey(dedupeKey: string): MessageRow | undefined {
    return this.#byKey.get(dedupeKey);
  }
  get(id: string): MessageRow | undefined {
    return this.#get.get(id);
  }
  due(now: string, limit: number): MessageRow[] {
    return this.#due.all(now, limit);
  }
  nextDue(): string | null {
    return this.#nextDue.get() ?? null;
  }
  forIncident(incidentId: string): MessageRow[] {
    return this.#forIncident.all(incidentId);
  }

  /** Committed before any byte goes out: a row in `sending` after a crash is one whose fate is unknown. */
  claim(id: string, at: string): boolean {
    return this.#claim.run(at, id).changes === 1;
  }
  finish(id: string, status: 'sent' | 'delivered', at: string, reply: string | null): void {
    this.#finish.run({ id, status, at, reply });
  }
  /** Back in the queue (or kept there, held by the network policy) until `next`. */
  reschedule(id: string, next: string, reasonJson: string, at: string): void {
    this.#reschedule.run({ id, next, reason: reasonJson, at });
  }
  fail(id: string, reasonJson: string, at: string): void {
    this.#fail.run({ id, reason: reasonJson, at });
  }
  interrupted(): MessageRow[] {
    return this.#interrupted.all();
  }
  requeueInterrupted(at: string, reasonJson: string): void {
    this.#requeueInterrupted.run({ at, reason: reasonJson });
  }

  /** True when kept now; false when this very acknowledgement (same laptop, same signature) was already. */
  insertLaptopAcknowledgement(row: LaptopAcknowledgementRow): boolean {
    return this.#insertLaptopAck.run(row).changes === 1;
  }
  laptopAcknowledgements(incidentId: string): LaptopAcknowledgementRow[] {
    return this.#laptopAcks.all(incidentId);
  }
  testDestinations(): TestDestinationRow[] {
    return this.#testDestinations.all();
  }
  /** Replaces the whole set; call inside `atomically`. */
  replaceTestDestinations(rows: readonly TestDestinationRow[], at: string): void {
    this.#clearTestDestinations.run();
    for (const row of rows) this.#addTestDestination.run({ ...row, at });
  }
}
