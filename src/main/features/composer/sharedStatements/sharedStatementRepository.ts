// SQL for the statement documents of the cell: which Automerge document holds each statement.
import type { Db } from '../../../platform/db/openDatabase';

export class SharedStatementRepository {
  readonly #document;
  readonly #link;
  readonly #unshared;

  constructor(db: Db) {
    this.#document = db.prepare<[string], { document: string }>('SELECT document FROM shared_statements WHERE statement_id = ?');
    this.#link = db.prepare<[string, string]>('INSERT INTO shared_statements (statement_id, document) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.#unshared = db.prepare<[], { id: string }>(
      'SELECT id FROM statements WHERE id NOT IN (SELECT statement_id FROM shared_statements) ORDER BY created_at, id',
    );
  }

  documentOf(statementId: string): string | undefined {
    return this.#document.get(statementId)?.document;
  }

  link(statementId: string, document: string): void {
    this.#link.run(statementId, document);
  }

  /** Statements no document holds yet: drafted before this laptop joined a cell, or lost to a crash before saving. */
  unshared(): string[] {
    return this.#unshared.all().map((r) => r.id);
  }
}
