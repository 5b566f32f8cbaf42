// SQL of the compensation register: the cases of an incident and the approvals or rejections each received.
import type { Db } from '../../platform/db/openDatabase';
import type { CompensationStatus } from '../../../shared/domain/compensation';

export interface CompensationCaseRow {
  readonly id: number;
  readonly incidentId: string;
  readonly customer: string;
  readonly whatHappened: string;
  readonly reference: string;
  readonly mentionId: number | null;
  readonly gesture: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: CompensationStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly doneAt: string | null;
  readonly doneBy: string | null;
}

export interface CompensationDecisionRow {
  readonly caseId: number;
  readonly decision: 'approved' | 'rejected';
  readonly person: string;
  readonly role: string;
  readonly reason: string | null;
  readonly decidedAt: string;
}

const COLUMNS = `id, incident_id AS incidentId, customer, what_happened AS whatHappened, reference, mention_id AS mentionId, gesture,
  amount_minor AS amountMinor, currency, status, created_at AS createdAt, created_by AS createdBy, done_at AS doneAt, done_by AS doneBy`;

export class CompensationRepository {
  readonly #list;
  readonly #one;
  readonly #insert;
  readonly #decisions;
  readonly #decide;
  readonly #setStatus;
  readonly #done;

  constructor(private readonly db: Db) {
    this.#list = db.prepare<[string], CompensationCaseRow>(`SELECT ${COLUMNS} FROM compensation_cases WHERE incident_id = ? ORDER BY id`);
    this.#one = db.prepare<[string, number], CompensationCaseRow>(`SELECT ${COLUMNS} FROM compensation_cases WHERE incident_id = ? AND id = ?`);
    this.#insert = db.prepare(
      `INSERT INTO compensation_cases (incident_id, customer, what_happened, reference, mention_id, gesture, amount_minor, currency, created_at, created_by)
       VALUES (@incidentId, @customer, @whatHappened, @reference, @mentionId, @gesture, @amountMinor, @currency, @createdAt, @createdBy)`,
    );
    this.#decisions = db.prepare<[string], CompensationDecisionRow>(
      `SELECT case_id AS caseId, decision, person, role, reason, decided_at AS decidedAt FROM compensation_decisions
       WHERE case_id IN (SELECT id FROM compensation_cases WHERE incident_id = ?) ORDER BY id`,
    );
    this.#decide = db.prepare(
      `INSERT INTO compensation_decisions (case_id, decision, person, role, reason, decided_at) VALUES (@caseId, @decision, @person, @role, @reason, @decidedAt)`,
    );
    this.#setStatus = db.prepare<[CompensationStatus, number]>(`UPDATE compensation_cases SET status = ? WHERE id = ?`);
    this.#done = db.prepare<[string, string, number]>(`UPDATE compensation_cases SET status = 'done', done_at = ?, done_by = ? WHERE id = ? AND status = 'approved'`);
  }

  list(incidentId: string): CompensationCaseRow[] {
    return this.#list.all(incidentId);
  }

  one(incidentId: string, id: number): CompensationCaseRow | undefined {
    return this.#one.get(incidentId, id);
  }

  insert(row: Omit<CompensationCaseRow, 'id' | 'status' | 'doneAt' | 'doneBy'>): number {
    return Number(this.#insert.run(row).lastInsertRowid);
  }

  decisions(incidentId: string): CompensationDecisionRow[] {
    return this.#decisions.all(incidentId);
  }

  decide(row: CompensationDecisionRow): void {
    this.#decide.run(row);
  }

  setStatus(id: number, status: CompensationStatus): void {
    this.#setStatus.run(status, id);
  }

  markDone(id: number, at: string, by: string): boolean {
    return this.#done.run(at, by, id).changes === 1;
  }

  atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
