// SQL of the press desk: one row per journalist's inquiry, its deadline in UTC and how it was closed.
import type { Db } from '../../platform/db/openDatabase';

export interface PressInquiryRow {
  readonly id: number;
  readonly incidentId: string;
  readonly outlet: string;
  readonly person: string;
  readonly channel: string;
  readonly question: string;
  readonly deadline: string;
  readonly contactId: string | null;
  readonly mentionId: number | null;
  readonly spokespersonRole: string | null;
  readonly spokespersonPerson: string | null;
  readonly status: 'open' | 'answered' | 'declined';
  readonly answer: string;
  readonly statementId: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
}

export type NewInquiryRow = Omit<PressInquiryRow, 'id' | 'status' | 'answer' | 'statementId' | 'closedAt' | 'closedBy'>;

const COLUMNS = `id, incident_id AS incidentId, outlet, person, channel, question, deadline, contact_id AS contactId,
  mention_id AS mentionId, spokesperson_role AS spokespersonRole, spokesperson_person AS spokespersonPerson, status, answer,
  statement_id AS statementId, created_at AS createdAt, created_by AS createdBy, closed_at AS closedAt, closed_by AS closedBy`;

export class PressRepository {
  readonly #list;
  readonly #one;
  readonly #insert;
  readonly #close;

  constructor(db: Db) {
    this.#list = db.prepare<[string], PressInquiryRow>(`SELECT ${COLUMNS} FROM press_inquiries WHERE incident_id = ? ORDER BY deadline, id`);
    this.#one = db.prepare<[string, number], PressInquiryRow>(`SELECT ${COLUMNS} FROM press_inquiries WHERE incident_id = ? AND id = ?`);
    this.#insert = db.prepare(
      `INSERT INTO press_inquiries (incident_id, outlet, person, channel, question, deadline, contact_id, mention_id, spokesperson_role,
         spokesperson_person, created_at, created_by)
       VALUES (@incidentId, @outlet, @person, @channel, @question, @deadline, @contactId, @mentionId, @spokespersonRole,
         @spokespersonPerson, @createdAt, @createdBy)`,
    );
    this.#close = db.prepare(
      `UPDATE press_inquiries SET status = @status, answer = @answer, statement_id = @statementId, closed_at = @closedAt, closed_by = @closedBy
       WHERE id = @id`,
    );
  }

  list(incidentId: string): PressInquiryRow[] {
    return this.#list.all(incidentId);
  }

  one(incidentId: string, id: number): PressInquiryRow | undefined {
    return this.#one.get(incidentId, id);
  }

  insert(row: NewInquiryRow): number {
    return Number(this.#insert.run(row).lastInsertRowid);
  }

  /** Sets how the inquiry stands: answered or declined (with who and when), or open again (both cleared). */
  setOutcome(id: number, outcome: Pick<PressInquiryRow, 'status' | 'answer' | 'statementId' | 'closedAt' | 'closedBy'>): void {
    this.#close.run({ id, ...outcome });
  }
}
