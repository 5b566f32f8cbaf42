// SQL for statements and their approval decisions (append-only).
import type { Db } from '../../platform/db/openDatabase';

export interface StatementRow {
  readonly id: string;
  readonly incidentId: string;
  readonly kind: string;
  readonly title: string;
  readonly textFr: string;
  readonly textEn: string;
  readonly channelsJson: string;
  readonly variantsJson: string;
  readonly templateId: string | null;
  readonly replyToMentionId: string | null;
  readonly revision: number;
  readonly contentHash: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DecisionRow {
  readonly seq: number;
  readonly statementId: string;
  readonly decision: 'approved' | 'rejected';
  readonly person: string;
  readonly role: string;
  readonly reason: string | null;
  readonly contentHash: string;
  readonly snapshotJson: string;
  readonly decidedAt: string;
  /** The decision's id across the cell (null: decided before decisions were shared). */
  readonly decisionId: string | null;
  /** The laptop whose device key signed it (null: outside a cell). */
  readonly deviceId: string | null;
  /** 0 when its signature or content hash did not hold: kept to be shown, never counted. */
  readonly genuine: number;
}

const STATEMENT_COLUMNS = `id, incident_id AS incidentId, kind, title, text_fr AS textFr, text_en AS textEn,
  channels_json AS channelsJson, variants_json AS variantsJson, template_id AS templateId,
  reply_to_mention_id AS replyToMentionId, revision, content_hash AS contentHash, created_by AS createdBy,
  created_at AS createdAt, updated_at AS updatedAt`;

const DECISION_COLUMNS = `seq, statement_id AS statementId, decision, person, role, reason,
  content_hash AS contentHash, snapshot_json AS snapshotJson, decided_at AS decidedAt, decision_id AS decisionId,
  device_id AS deviceId, genuine`;

export class StatementRepository {
  readonly #insert;
  readonly #update;
  readonly #get;
  readonly #listAll;
  readonly #listIncident;
  readonly #insertDecision;
  readonly #decisions;
  readonly #decisionsFor;
  readonly #hasDecision;
  readonly #replace;

  constructor(private readonly db: Db) {
    this.#insert = db.prepare<StatementRow>(
      `INSERT INTO statements (id, incident_id, kind, title, text_fr, text_en, channels_json, variants_json,
         template_id, reply_to_mention_id, revision, content_hash, created_by, created_at, updated_at)
       VALUES (@id, @incidentId, @kind, @title, @textFr, @textEn, @channelsJson, @variantsJson,
         @templateId, @replyToMentionId, @revision, @contentHash, @createdBy, @createdAt, @updatedAt)`,
    );
    this.#update = db.prepare<[string, string, string, string, string, string, string, string, number]>(
      `UPDATE statements SET title = ?, text_fr = ?, text_en = ?, channels_json = ?, variants_json = ?,
         content_hash = ?, updated_at = ?, revision = revision + 1
       WHERE id = ? AND revision = ?`,
    );
    this.#get = db.prepare<[string], StatementRow>(`SELECT ${STATEMENT_COLUMNS} FROM statements WHERE id = ?`);
    this.#listAll = db.prepare<[], StatementRow>(`SELECT ${STATEMENT_COLUMNS} FROM statements ORDER BY created_at DESC, id`);
    this.#listIncident = db.prepare<[string], StatementRow>(
      `SELECT ${STATEMENT_COLUMNS} FROM statements WHERE incident_id = ? ORDER BY created_at DESC, id`,
    );
    this.#insertDecision = db.prepare<Omit<DecisionRow, 'seq'>>(
      `INSERT INTO statement_decisions (statement_id, decision, person, role, reason, content_hash, snapshot_json, decided_at,
         decision_id, device_id, genuine)
       VALUES (@statementId, @decision, @person, @role, @reason, @contentHash, @snapshotJson, @decidedAt,
         @decisionId, @deviceId, @genuine)`,
    );
    this.#decisions = db.prepare<[string], DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM statement_decisions WHERE statement_id = ? ORDER BY seq`,
    );
    this.#decisionsFor = db.prepare<[string], DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM statement_decisions
       WHERE statement_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    );
    this.#hasDecision = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM statement_decisions WHERE decision_id = ?');
    this.#replace = db.prepare<[string, string, string, string, string, string, string, string]>(
      `UPDATE statements SET title = ?, text_fr = ?, text_en = ?, channels_json = ?, variants_json = ?,
         content_hash = ?, updated_at = ?, revision = revision + 1
       WHERE id = ?`,
    );
  }

  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  insert(row: StatementRow): void {
    this.#insert.run(row);
  }

  /** Applies the edit only if nobody else saved in between; returns false on a lost race. */
  update(id: string, expectedRevision: number, c: Pick<StatementRow, 'title' | 'textFr' | 'textEn' | 'channelsJson' | 'variantsJson' | 'contentHash' | 'updatedAt'>): boolean {
    const info = this.#update.run(c.title, c.textFr, c.textEn, c.channelsJson, c.variantsJson, c.contentHash, c.updatedAt, id, expectedRevision);
    return info.changes === 1;
  }

  /** Puts in the content the cell's document holds now (another laptop's edit merged in), whatever the revision. */
  replace(id: string, c: Pick<StatementRow, 'title' | 'textFr' | 'textEn' | 'channelsJson' | 'variantsJson' | 'contentHash' | 'updatedAt'>): void {
    this.#replace.run(c.title, c.textFr, c.textEn, c.channelsJson, c.variantsJson, c.contentHash, c.updatedAt, id);
  }

  get(id: string): StatementRow | undefined {
    return this.#get.get(id);
  }

  list(incidentId: string | null): StatementRow[] {
    return incidentId === null ? this.#listAll.all() : this.#listIncident.all(incidentId);
  }

  addDecision(row: Omit<DecisionRow, 'seq'>): void {
    this.#insertDecision.run(row);
  }

  hasDecision(decisionId: string): boolean {
    return this.#hasDecision.get(decisionId) !== undefined;
  }

  decisions(statementId: string): DecisionRow[] {
    return this.#decisions.all(statementId);
  }

  decisionsOf(statementIds: readonly string[]): DecisionRow[] {
    return this.#decisionsFor.all(JSON.stringify(statementIds));
  }
}
