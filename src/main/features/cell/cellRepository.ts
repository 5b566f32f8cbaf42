// SQL of the cell's local state: this laptop's cell record (never replicated) and the invitations it issued.
import type { Db } from '../../platform/db/openDatabase';

export class CellRepository {
  readonly #get;
  readonly #put;
  readonly #invite;
  readonly #consume;

  constructor(db: Db) {
    this.#get = db.prepare<[string], { value_json: string }>('SELECT value_json FROM cell_local WHERE name = ?');
    this.#put = db.prepare('INSERT INTO cell_local (name, value_json) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value_json = excluded.value_json');
    this.#invite = db.prepare('INSERT INTO cell_invitations (id, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?)');
    this.#consume = db.prepare('UPDATE cell_invitations SET used_at = ? WHERE id = ? AND secret_hash = ? AND used_at IS NULL AND expires_at > ?');
  }

  getLocal(name: string): unknown {
    const row = this.#get.get(name);
    return row === undefined ? undefined : JSON.parse(row.value_json);
  }

  putLocal(name: string, value: unknown): void {
    this.#put.run(name, JSON.stringify(value));
  }

  addInvitation(id: string, secretHash: string, createdAt: string, expiresAt: string): void {
    this.#invite.run(id, secretHash, createdAt, expiresAt);
  }

  /** Marks the invitation used if it exists, matches, is unused and unexpired: true once, and only once. */
  consumeInvitation(id: string, secretHash: string, now: string): boolean {
    return this.#consume.run(now, id, secretHash, now).changes === 1;
  }
}
